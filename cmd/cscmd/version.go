package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// version is stamped at link time by scripts/release.sh
// (-ldflags "-X main.version=v1.2.3"); otherwise the build info gives it.
var version = ""

// revision is the commit, stamped the same way (-X main.revision=…) so that a
// release names its commit even where the build records no VCS information.
var revision = ""

// devVersion names a build that knows no version: one from a work tree
// before Go stamped versions from VCS tags. It starts with a number, as SARIF
// consumers that compare versions expect, and sorts before releases.
const devVersion = "0.0.0-devel"

// versionString is the version alone, for SARIF's tool.driver.version.
func versionString() string {
	bi, _ := debug.ReadBuildInfo()
	return buildVersion(version, bi)
}

// versionLine is what `cscmd version` and `cscmd --version` print.
func versionLine() string {
	bi, _ := debug.ReadBuildInfo()
	return describe(version, revision, bi)
}

// buildVersion prefers the stamped version, then the module version that
// `go install …@v1.2.3` (or a build in a tagged checkout) records.
func buildVersion(stamped string, bi *debug.BuildInfo) string {
	if stamped != "" {
		return stamped
	}
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return devVersion
}

// describe reads "cscmd v1.2.3 (revision 926f45c…, 2026-11-30T05:00:00Z,
// modified; go1.26.8)": the revision and time are those git recorded in the
// build (absent for `go install …@version`, which builds from the module
// proxy), "modified" when the work tree had uncommitted changes. A stamped
// revision replaces the recorded one.
func describe(stamped, stampedRev string, bi *debug.BuildInfo) string {
	out := "cscmd " + buildVersion(stamped, bi)
	settings := map[string]string{}
	goVersion := ""
	if bi != nil {
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		goVersion = bi.GoVersion
	}
	if stampedRev != "" {
		settings = map[string]string{"vcs.revision": stampedRev}
	}
	var parts []string
	if rev := settings["vcs.revision"]; rev != "" {
		parts = append(parts, "revision "+rev)
	}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	detail := strings.Join(parts, ", ")
	if goVersion != "" {
		if detail != "" {
			detail += "; "
		}
		detail += goVersion
	}
	if detail == "" {
		return out
	}
	return out + " (" + detail + ")"
}

type versionCmd struct{}

func (versionCmd) Run(e *env) error {
	_, err := fmt.Fprintln(e.stdout, versionLine())
	return err
}
