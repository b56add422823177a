package main

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDescribeVersion(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "926f45c0f7b1c3e8a2d4b6f8e0a1c3e5d7f9b1a3"},
		{Key: "vcs.time", Value: "2026-11-30T05:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	for _, tc := range []struct {
		name, stamped, rev string
		bi                 *debug.BuildInfo
		want               string
	}{
		{"no build info", "", "", nil, "cscmd 0.0.0-devel"},
		{"work tree without vcs", "", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"cscmd 0.0.0-devel (go1.26.8)"},
		{"go install at a version", "", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}},
			"cscmd v1.2.3 (go1.26.8)"},
		{"build in a checkout", "", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.4-0.20261130050000-926f45c0f7b1+dirty"}, Settings: vcs},
			"cscmd v1.2.4-0.20261130050000-926f45c0f7b1+dirty (revision 926f45c0f7b1c3e8a2d4b6f8e0a1c3e5d7f9b1a3, 2026-11-30T05:00:00Z, modified; go1.26.8)"},
		{"a release: the stamped version and revision win", "v2.0.0", "abc123", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: vcs},
			"cscmd v2.0.0 (revision abc123; go1.26.8)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, describe(tc.stamped, tc.rev, tc.bi))
		})
	}
}

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := cscmd(t, "", args...)
		assert.Equal(t, exitOK, r.code, args)
		assert.Equal(t, versionLine()+"\n", r.stdout, args)
		assert.Regexp(t, `^cscmd \S+`, r.stdout)
	}
}

func TestBareCommandPrintsHelp(t *testing.T) {
	r := cscmd(t, "")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "Usage: cscmd <command>")
	assert.Contains(t, r.stdout, "lint")
	assert.Empty(t, r.stderr)
	assert.Equal(t, cscmd(t, "", "--help").stdout, r.stdout, "the same help as --help")
}
