package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

// The SARIF log as a consumer reads it, independent of the writer's types.
type (
	readLog struct {
		Schema  string    `json:"$schema"`
		Version string    `json:"version"`
		Runs    []readRun `json:"runs"`
	}
	readRun struct {
		Tool struct {
			Driver struct {
				Name            string     `json:"name"`
				Version         string     `json:"version"`
				SemanticVersion string     `json:"semanticVersion"`
				InformationURI  string     `json:"informationUri"`
				Rules           []readRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful *bool `json:"executionSuccessful"`
		} `json:"invocations"`
		ColumnKind string       `json:"columnKind"`
		Results    []readResult `json:"results"`
	}
	readText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	readRule struct {
		ID                   string   `json:"id"`
		Name                 string   `json:"name"`
		ShortDescription     readText `json:"shortDescription"`
		FullDescription      readText `json:"fullDescription"`
		Help                 readText `json:"help"`
		HelpURI              string   `json:"helpUri"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	readRegion struct {
		StartLine, StartColumn, EndLine, EndColumn int
		Snippet                                    *readText
	}
	readArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	readResult struct {
		RuleID    string   `json:"ruleId"`
		RuleIndex *int     `json:"ruleIndex"`
		Level     string   `json:"level"`
		Message   readText `json:"message"`
		Locations []struct {
			PhysicalLocation struct {
				ArtifactLocation readArtifact `json:"artifactLocation"`
				Region           readRegion   `json:"region"`
				ContextRegion    *readRegion  `json:"contextRegion"`
			} `json:"physicalLocation"`
		} `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []struct {
			Description     readText `json:"description"`
			ArtifactChanges []struct {
				ArtifactLocation readArtifact `json:"artifactLocation"`
				Replacements     []struct {
					DeletedRegion   readRegion `json:"deletedRegion"`
					InsertedContent *readText  `json:"insertedContent"`
				} `json:"replacements"`
			} `json:"artifactChanges"`
		} `json:"fixes"`
	}
)

func readSARIF(t *testing.T, files []LintFile, opt LintOptions) readLog {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, files, opt))
	var log readLog
	require.NoError(t, json.Unmarshal(b.Bytes(), &log), b.String())
	return log
}

func TestSARIFFields(t *testing.T) {
	files := fixture(t)
	opt := options()
	log := readSARIF(t, files, opt)

	assert.Equal(t, "2.1.0", log.Version)
	assert.NotEmpty(t, log.Schema)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	d := run.Tool.Driver
	assert.Equal(t, "cscmd", d.Name)
	assert.Equal(t, "1.2.3", d.Version)
	assert.Equal(t, "1.2.3", d.SemanticVersion)
	assert.NotEmpty(t, d.InformationURI)
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	require.Len(t, run.Invocations, 1)
	assert.True(t, *run.Invocations[0].ExecutionSuccessful)

	// Every rule given, in order, then the one the fixture uses without
	// listing it.
	require.Len(t, d.Rules, len(opt.Rules)+1)
	for i, ri := range opt.Rules {
		r := d.Rules[i]
		assert.Equal(t, ri.ID, r.ID)
		assert.NotEqual(t, strings.ToLower(r.Name), r.ID, "a name equal to the id must be left out")
		assert.Equal(t, ri.Summary, r.ShortDescription.Text)
		assert.Equal(t, "Reports "+ri.Summary+". See the examples.", r.FullDescription.Text)
		assert.Equal(t, ri.Help, r.Help.Text)
		assert.Equal(t, ri.Help, r.Help.Markdown)
		assert.Equal(t, ri.HelpURI, r.HelpURI)
		assert.Equal(t, sarifLevel(ri.Default), r.DefaultConfiguration.Level)
	}
	assert.Equal(t, "ObjectidFormat", d.Rules[4].Name)
	assert.Empty(t, d.Rules[0].Name, "syntax")
	assert.Equal(t, "none", d.Rules[16].DefaultConfiguration.Level)
	extra := d.Rules[len(opt.Rules)]
	assert.Equal(t, "unused-suppression", extra.ID)
	assert.NotEmpty(t, extra.FullDescription.Text)
	assert.NotEmpty(t, extra.Help.Text)

	require.Len(t, run.Results, 13)
	for i, r := range run.Results {
		require.NotNil(t, r.RuleIndex, "result %d", i)
		assert.Equal(t, r.RuleID, d.Rules[*r.RuleIndex].ID, "result %d", i)
		assert.Contains(t, []string{"error", "warning", "note"}, r.Level)
		assert.NotEmpty(t, r.Message.Text)
		require.Len(t, r.Locations, 1)
		loc := r.Locations[0].PhysicalLocation
		assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
		assert.NotContains(t, loc.ArtifactLocation.URI, `\`)
		reg := loc.Region
		assert.Positive(t, reg.StartLine)
		assert.Positive(t, reg.StartColumn)
		assert.Positive(t, reg.EndColumn)
		assert.True(t, reg.EndLine > reg.StartLine || reg.EndColumn >= reg.StartColumn, "result %d ends before it starts", i)
		assert.NotEmpty(t, r.PartialFingerprints[fingerprintKey])
		if c := loc.ContextRegion; c != nil {
			assert.Equal(t, 1, c.StartColumn)
			assert.LessOrEqual(t, c.StartLine, reg.StartLine)
			assert.GreaterOrEqual(t, c.EndLine, reg.EndLine)
		}
	}

	byRule := func(file, rule string) readResult {
		for _, r := range run.Results {
			if r.RuleID == rule && r.Locations[0].PhysicalLocation.ArtifactLocation.URI == file {
				return r
			}
		}
		t.Fatalf("no %s result in %s", rule, file)
		return readResult{}
	}

	// After "é" and "😀", one code point each.
	r := byRule("web/widget%20page.js", "unknown-command")
	assert.Equal(t, readRegion{StartLine: 2, StartColumn: 63, EndLine: 2, EndColumn: 67, Snippet: &readText{Text: "/Set"}},
		r.Locations[0].PhysicalLocation.Region)

	// The BOM takes no column; the fix uses the same columns.
	r = byRule("cmds/bom.cscmd", "objectid-case")
	assert.Equal(t, 6, r.Locations[0].PhysicalLocation.Region.StartColumn)
	require.Len(t, r.Fixes, 1)
	assert.Equal(t, "Lowercase the object id", r.Fixes[0].Description.Text)
	rep := r.Fixes[0].ArtifactChanges[0].Replacements[0]
	assert.Equal(t, readRegion{StartLine: 1, StartColumn: 6, EndLine: 1, EndColumn: 30}, rep.DeletedRegion)
	assert.Equal(t, "6093490651a8b5629324ae4f", rep.InsertedContent.Text)

	// An empty range inside a line is widened to one character; its fix,
	// an insertion, keeps the empty region.
	r = byRule("cmds/leads.cscmd", "prefix")
	assert.Equal(t, readRegion{StartLine: 5, StartColumn: 4, EndLine: 5, EndColumn: 5, Snippet: &readText{Text: "/"}},
		r.Locations[0].PhysicalLocation.Region)
	rep = r.Fixes[0].ArtifactChanges[0].Replacements[0]
	assert.Equal(t, readRegion{StartLine: 5, StartColumn: 4, EndLine: 5, EndColumn: 4}, rep.DeletedRegion)

	// At the end of a line there is nothing to widen to.
	r = byRule("cmds/bom.cscmd", "missing-argument")
	reg := r.Locations[0].PhysicalLocation.Region
	assert.Equal(t, [4]int{2, 12, 2, 12}, [4]int{reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn})
	assert.Empty(t, r.Fixes)

	// A region that is its whole line has no context region.
	r = byRule("cmds/leads.cscmd", "unused-suppression")
	assert.Nil(t, r.Locations[0].PhysicalLocation.ContextRegion)
}

func TestSARIFNoResults(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, nil, LintOptions{}))
	assert.Contains(t, b.String(), `"results": []`, "a scan with no findings must still say so")
	assert.NotContains(t, b.String(), `"version": ""`)
}

// TestSARIFFingerprints checks that a finding keeps its fingerprint when a
// line is inserted above it, and that equal findings on equal lines differ.
func TestSARIFFingerprints(t *testing.T) {
	src := ">cs /assign 62c6077ca980127f404b03\n>cs /notify\n>cs /assign 62c6077ca980127f404b03\n"
	mk := func(src string) []LintFile {
		return []LintFile{{Path: "a.cscmd", Src: []byte(src), Diags: []lint.Diagnostic{
			diag(t, src, "62c6077ca980127f404b03", 0, "objectid-format", lint.Error, "bad"),
			diag(t, src, "62c6077ca980127f404b03", 1, "objectid-format", lint.Error, "bad"),
		}}}
	}
	prints := func(files []LintFile) []string {
		var out []string
		for _, r := range readSARIF(t, files, LintOptions{}).Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	before := prints(mk(src))
	require.Len(t, before, 2)
	assert.NotEqual(t, before[0], before[1])
	assert.Regexp(t, `^[0-9a-f]{16}:1$`, before[0])
	assert.Regexp(t, `^[0-9a-f]{16}:2$`, before[1])

	assert.Equal(t, before, prints(mk("# a new first line\n\n"+src)), "lines inserted above")
	assert.Equal(t, before, prints(mk("\uFEFF"+strings.ReplaceAll(src, "\n", "\r\n"))), "a BOM and CRLF")
	assert.Equal(t, before, prints(mk(strings.ReplaceAll(src, ">cs", "  >cs"))), "indentation")
	assert.NotEqual(t, before, prints(mk(strings.ReplaceAll(src, "/assign", "/assign  "))), "the line's text changed")
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct {
		path, uri, base string
	}{
		{"cmds/a.cscmd", "cmds/a.cscmd", srcRoot},
		{"./cmds/a.cscmd", "cmds/a.cscmd", srcRoot},
		{"web/widget page.js", "web/widget%20page.js", srcRoot},
		{"web/café#1?.js", "web/caf%C3%A9%231%3F.js", srcRoot},
		{"../other/a.cscmd", "../other/a.cscmd", srcRoot},
		{"c:d.cscmd", "./c:d.cscmd", srcRoot},
		{"100%.cscmd", "100%25.cscmd", srcRoot},
		{"/abs/a b.cscmd", "file:///abs/a%20b.cscmd", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := artifactLocation(tt.path)
			assert.Equal(t, tt.uri, got.URI)
			assert.Equal(t, tt.base, got.URIBaseID)
		})
	}
}

func TestSARIFVersions(t *testing.T) {
	tests := []struct{ in, version, semver string }{
		{"v1.2.3", "1.2.3", "1.2.3"},
		{"1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5"},
		{"v0.0.0-20260101120000-abcdef123456", "0.0.0-20260101120000-abcdef123456", "0.0.0-20260101120000-abcdef123456"},
		{"(devel)", "(devel)", ""},
		{"v1.2", "1.2", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.version, toolVersion(tt.in), tt.in)
		assert.Equal(t, tt.semver, semanticVersion(tt.in), tt.in)
	}
}

func TestPascal(t *testing.T) {
	assert.Equal(t, "ObjectidFormat", pascal("objectid-format"))
	assert.Equal(t, "NotACommand", pascal("not-a-command"))
	assert.Equal(t, "Syntax", pascal("syntax"))
}

func TestFirstParagraph(t *testing.T) {
	md := "# title\n\n```\ncode\n```\n\n- a list\n\nThe first\nprose paragraph.\n\nThe second.\n"
	assert.Equal(t, "The first prose paragraph.", firstParagraph(md))
	assert.Equal(t, "", firstParagraph("# only a title\n"))
}

// TestSARIFValidator runs Microsoft's SARIF validator, with GitHub's
// ingestion rules, on the golden log and fails on any error or warning.
// It is skipped unless sarif-multitool is installed:
//
//	npm install -g @microsoft/sarif-multitool
//
// The npm wrapper hands its arguments to a shell, hence the quotes around
// the semicolon list.
func TestSARIFValidator(t *testing.T) {
	tool, err := exec.LookPath("sarif-multitool")
	if err != nil {
		t.Skip("sarif-multitool not installed (npm install -g @microsoft/sarif-multitool)")
	}
	if testing.Short() {
		t.Skip("the validator takes seconds to start")
	}
	dir := t.TempDir()
	var paths []string
	// The last is what `cscmd lint --format sarif` writes for the example
	// project, with every rule's real doc page.
	for i, name := range []string{"testdata/lint/all.sarif", "testdata/lint/empty.sarif", "testdata/lint/baseline.sarif", "../testdata/lint/golden/project.sarif"} {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		paths = append(paths, filepath.Join(dir, fmt.Sprintf("%d.sarif", i)))
		require.NoError(t, os.WriteFile(paths[len(paths)-1], src, 0o644))
	}
	args := append([]string{"validate", "--rule-kind", "'Sarif;Gh'"}, paths...)
	out, err := exec.Command(tool, args...).CombinedOutput()
	require.NoError(t, err, string(out))
	// The exit status is 0 even when the validator reports errors.
	require.Contains(t, string(out), "4 files scanned", string(out))
	problem := regexp.MustCompile(`(?m)^.*: (error|warning) [A-Z]+\d+: .*$`)
	assert.Empty(t, problem.FindAllString(string(out), -1))
}

// baselined returns the fixture as a baseline run sees it: the first
// file's objectid-format findings recorded (Unchanged), and a baseline
// file with one stale entry.
func baselined(t *testing.T) []LintFile {
	files := fixture(t)
	f := &files[0]
	var keep []lint.Diagnostic
	for _, d := range f.Diags {
		if d.Rule == "objectid-format" {
			f.Unchanged = append(f.Unchanged, d)
		} else {
			keep = append(keep, d)
		}
	}
	f.Diags = keep
	src := "{\"version\":1,\"findings\":[\n{\"file\":\"gone.cscmd\",\"rule\":\"syntax\",\"fingerprint\":\"0011223344556677:1\",\"message\":\"m\"}\n]}\n"
	s, e := find(t, src, `{"file"`, 0)
	_, e = find(t, src, `"m"}`, 0)
	return append(files, LintFile{Path: "baseline.json", Src: []byte(src), Diags: []lint.Diagnostic{{
		Rule: BaselineRule, Severity: lint.Info, Start: s, End: e,
		Message: "the syntax finding recorded for gone.cscmd no longer occurs",
	}}})
}

// TestSARIFBaselineState: under a baseline every result has its state;
// recorded findings are listed, suppressed, with the fingerprints they
// have without a baseline.
func TestSARIFBaselineState(t *testing.T) {
	var b bytes.Buffer
	opt := options()
	opt.Baseline = true
	require.NoError(t, WriteSARIF(&b, baselined(t), opt))
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID              string
				BaselineState       string
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind, Justification string }
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	states := map[string]int{}
	recorded := map[string]string{} // fingerprint → state
	for _, r := range log.Runs[0].Results {
		states[r.BaselineState]++
		recorded[r.PartialFingerprints[fingerprintKey]] = r.BaselineState
		switch r.BaselineState {
		case "unchanged":
			assert.Equal(t, "objectid-format", r.RuleID)
			require.Len(t, r.Suppressions, 1)
			assert.Equal(t, "external", r.Suppressions[0].Kind)
		case "absent":
			assert.Equal(t, BaselineRule, r.RuleID)
			assert.Equal(t, "baseline.json", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		default:
			assert.Equal(t, "new", r.BaselineState)
			assert.Empty(t, r.Suppressions)
		}
	}
	assert.Equal(t, map[string]int{"new": 11, "unchanged": 2, "absent": 1}, states)

	// The same fingerprints as without a baseline.
	for _, r := range readSARIF(t, fixture(t), options()).Runs[0].Results {
		if r.RuleID == "objectid-format" && r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "cmds/leads.cscmd" {
			assert.Equal(t, "unchanged", recorded[r.PartialFingerprints[fingerprintKey]])
		}
	}

	// Without a baseline, no state and no suppression.
	assert.NotContains(t, readSARIFText(t, fixture(t)), "baselineState")
}

func readSARIFText(t *testing.T, files []LintFile) string {
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, files, options()))
	return b.String()
}

// TestFingerprints: the exported fingerprints are SARIF's, aligned with
// Diags then Unchanged, and do not depend on which findings are hidden.
func TestFingerprints(t *testing.T) {
	files := fixture(t)
	all := Fingerprints(files[0])
	require.Len(t, all, len(files[0].Diags))
	var sarif []string
	for _, r := range readSARIF(t, files[:1], options()).Runs[0].Results {
		sarif = append(sarif, r.PartialFingerprints[fingerprintKey])
	}
	for i, d := range files[0].Diags {
		if d.Severity == lint.Off {
			assert.Empty(t, all[i])
			continue
		}
		assert.Contains(t, sarif, all[i])
	}
	// The second of two identical findings keeps ":2" when the first is
	// recorded in a baseline.
	split := baselined(t)[0]
	fps := Fingerprints(split)
	byIndex := map[string]bool{}
	for _, fp := range fps {
		byIndex[fp] = true
	}
	for _, fp := range all {
		if fp != "" {
			assert.True(t, byIndex[fp], "fingerprint %s lost when findings move to Unchanged", fp)
		}
	}
}
