package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/citool"
)

// action is what the tests read of action.yml.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			ID    string            `yaml:"id"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
			Run   string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// topDir is the top of the repository, the action's path, found before
// any test changes the working directory.
var topDir, topDirErr = filepath.Abs(filepath.Join("..", ".."))

func repoRoot(t *testing.T) string {
	t.Helper()
	require.NoError(t, topDirErr)
	return topDir
}

func readAction(t *testing.T) action {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	require.NoError(t, err)
	var a action
	require.NoError(t, yaml.Unmarshal(src, &a), "action.yml")
	return a
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// runner simulates a GitHub runner for the action's shell steps: the
// GITHUB_* files and variables, the inputs, and the few contexts the steps'
// expressions use. It runs each step's script with bash, as the runner
// does for "shell: bash".
type runner struct {
	t       *testing.T
	dir     string // the workspace: the repository the workflow checked out
	temp    string // RUNNER_TEMP
	env     map[string]string
	inputs  map[string]string
	summary string // the GITHUB_STEP_SUMMARY file
	outputs map[string]string
	// actionRef is what the workflow's "uses: web1on1/cscmd@REF" names.
	actionRef string
}

func newRunner(t *testing.T, workspace string, event string, inputs map[string]string) *runner {
	temp := t.TempDir()
	r := &runner{t: t, dir: workspace, temp: temp, inputs: map[string]string{}, outputs: map[string]string{},
		summary: filepath.Join(temp, "summary.md"), actionRef: "main"}
	for name, in := range readAction(t).Inputs {
		r.inputs[name] = in.Default
	}
	for name, v := range inputs {
		_, known := r.inputs[name]
		require.True(t, known, "action.yml has no input %q", name)
		r.inputs[name] = v
	}
	r.env = map[string]string{
		"PATH":                os.Getenv("PATH"),
		"HOME":                os.Getenv("HOME"),
		"GOCACHE":             goEnv(t, "GOCACHE"),
		"GOMODCACHE":          goEnv(t, "GOMODCACHE"),
		"GOFLAGS":             os.Getenv("GOFLAGS"),
		"GOPROXY":             os.Getenv("GOPROXY"),
		"GIT_CONFIG_GLOBAL":   "/dev/null",
		"GIT_CONFIG_NOSYSTEM": "1",
		"CI":                  "true",
		"GITHUB_ACTIONS":      "true",
		"GITHUB_WORKSPACE":    workspace,
		"GITHUB_EVENT_NAME":   event,
		"GITHUB_ACTION_PATH":  repoRoot(t),
		"GITHUB_OUTPUT":       filepath.Join(temp, "output"),
		"GITHUB_PATH":         filepath.Join(temp, "path"),
		"GITHUB_ENV":          filepath.Join(temp, "env"),
		"GITHUB_STEP_SUMMARY": filepath.Join(temp, "summary.md"),
		"RUNNER_TEMP":         temp,
	}
	if event == "pull_request" {
		r.env["GITHUB_BASE_REF"], r.env["GITHUB_HEAD_REF"] = "main", "feature"
	}
	return r
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}

// expand evaluates the expressions of a step's env the way the runner
// would; an expression the simulation does not know fails the test, so a
// new one in action.yml cannot go untested.
func (r *runner) expand(s string) string {
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		expr := expression.FindStringSubmatch(m)[1]
		if name, ok := strings.CutPrefix(expr, "inputs."); ok {
			v, known := r.inputs[name]
			require.True(r.t, known, "action.yml uses unknown input %q", name)
			return v
		}
		switch expr {
		case "github.action_path":
			return r.env["GITHUB_ACTION_PATH"]
		case "github.action_ref":
			return r.actionRef
		case "runner.temp":
			return r.temp
		}
		r.t.Fatalf("the simulated runner does not know ${{ %s }}", expr)
		return ""
	})
}

// run runs the action's shell steps in order, as a job would (stopping at
// the first that fails), and returns the last step's exit code and what
// the steps printed.
func (r *runner) run() (int, string) {
	a := readAction(r.t)
	require.Equal(r.t, "composite", a.Runs.Using)
	var out strings.Builder
	for _, step := range a.Runs.Steps {
		if step.Uses != "" {
			continue // actions/setup-go: Go is already here
		}
		require.Equal(r.t, "bash", step.Shell, "step %q", step.Name)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
		cmd.Dir = r.dir
		for k, v := range r.env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+r.expand(v))
		}
		b, err := cmd.CombinedOutput()
		out.Write(b)
		r.readFiles()
		if err != nil {
			var exit *exec.ExitError
			require.ErrorAs(r.t, err, &exit, "step %q: %s", step.Name, b)
			return exit.ExitCode(), out.String()
		}
	}
	return 0, out.String()
}

// readFiles takes in what a step wrote to GITHUB_PATH and GITHUB_OUTPUT.
func (r *runner) readFiles() {
	if b, err := os.ReadFile(r.env["GITHUB_PATH"]); err == nil {
		path := r.env["PATH"]
		for _, dir := range strings.Fields(string(b)) {
			if !strings.Contains(path, dir) {
				path = dir + string(os.PathListSeparator) + path
			}
		}
		r.env["PATH"] = path
	}
	if f, err := os.Open(r.env["GITHUB_OUTPUT"]); err == nil {
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), "="); ok {
				r.outputs[k] = v
			}
		}
	}
}

func TestActionPush(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cscmd")
	}
	ws := copyTree(t, project)
	sarif := filepath.Join("reports", "cscmd.sarif")
	r := newRunner(t, ws, "push", map[string]string{"paths": "onopen.cscmd\npages", "sarif": sarif})
	r.actionRef = "v1.2.3"
	code, out := r.run()
	assert.Equal(t, exitFindings, code, out)
	assert.Equal(t, "1", r.outputs["exit-code"])
	assert.Contains(t, out, "::error file=onopen.cscmd,line=2,")
	assert.Contains(t, out, "::error file=pages/")
	assert.NotContains(t, out, "file=dist", "only the paths given are linted")
	summary, err := os.ReadFile(r.summary)
	require.NoError(t, err)
	assert.Contains(t, string(summary), "## cscmd lint")
	log, err := os.ReadFile(filepath.Join(ws, sarif))
	require.NoError(t, err)
	assert.Contains(t, string(log), `"ruleId": "department-mismatch"`)
	assert.Contains(t, string(log), `"semanticVersion": "1.2.3"`, "the release tag is the version")

	// A clean file, with the config named: the step passes.
	writeFile(t, filepath.Join(ws, "ok.cscmd"), ">cs /notify\n")
	r = newRunner(t, ws, "push", map[string]string{"paths": "ok.cscmd", "config": ".cscmd.yaml"})
	code, out = r.run()
	assert.Equal(t, exitOK, code, out)
	assert.Equal(t, "0", r.outputs["exit-code"])
}

// TestActionPullRequestOnlyNew runs the action on a pull request checked
// out as actions/checkout does (a one-commit clone of the branch), with
// only-new-issues: it fetches the base branch's history and reports only
// the finding the pull request adds.
func TestActionPullRequestOnlyNew(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cscmd")
	}
	upstream, git := gitRepo(t) // a.cscmd with two findings on main
	git("checkout", "-qb", "feature")
	writeFile(t, filepath.Join(upstream, "a.cscmd"), ">cs /sett x 1\n>cs /assign 123\n>cs /Set y z\n")
	git("commit", "-qam", "feature")
	git("checkout", "-q", "main")

	ws := filepath.Join(t.TempDir(), "ws")
	clone := exec.Command("git", "clone", "-q", "--depth=1", "--branch=feature", "file://"+upstream, ws)
	clone.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := clone.CombinedOutput()
	require.NoError(t, err, "%s", out)

	r := newRunner(t, ws, "pull_request", map[string]string{"only-new-issues": "true"})
	code, log := r.run()
	assert.Equal(t, exitFindings, code, log)
	assert.Contains(t, log, "::error file=a.cscmd,line=3,")
	assert.NotContains(t, log, "line=1,", "main's own findings are not the pull request's")
	assert.NotContains(t, log, "line=2,")

	// The same on a push: every finding.
	r = newRunner(t, ws, "push", map[string]string{"only-new-issues": "true"})
	_, log = r.run()
	assert.Contains(t, log, "::error file=a.cscmd,line=1,")
}

// TestActionlint checks action.yml through workflows that use it, and the
// workflow examples of docs/ci.md, with actionlint (.ci/run installs it):
// expressions, inputs against action.yml, shell scripts when shellcheck is
// there, and the workflow syntax.
func TestActionlint(t *testing.T) {
	actionlint := citool.Path(t, "actionlint")
	root := repoRoot(t)
	dir := t.TempDir()
	// actionlint reads local actions (uses: ./) of the repository it is in.
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	workflows := filepath.Join(dir, ".github", "workflows")
	require.NoError(t, os.MkdirAll(workflows, 0o755))
	action, err := os.ReadFile(filepath.Join(root, "action.yml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "action.yml"), action, 0o644))

	doc, err := os.ReadFile(filepath.Join(root, "docs", "ci.md"))
	require.NoError(t, err)
	examples := workflowExamples(string(doc))
	require.GreaterOrEqual(t, len(examples), 2, "docs/ci.md shows GitHub workflows")
	var names []string
	for i, ex := range examples {
		// The examples use the published action; here it is the one in
		// this tree, so that actionlint checks the inputs they pass.
		ex = regexp.MustCompile(`web1on1/cscmd@[\w.-]+`).ReplaceAllString(ex, "./")
		name := filepath.Join(workflows, "example"+string(rune('a'+i))+".yml")
		require.NoError(t, os.WriteFile(name, []byte(ex), 0o644))
		names = append(names, name)
	}
	cmd := exec.Command(actionlint, append([]string{"-no-color"}, names...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "actionlint:\n%s", out)

	// And actionlint does check: an input the action lacks is reported.
	bad := strings.Replace(examples[0], "web1on1/cscmd@v1", "./", 1)
	bad = strings.Replace(bad, "with:\n", "with:\n          no-such-input: x\n", 1)
	require.NoError(t, os.WriteFile(names[0], []byte(bad), 0o644))
	cmd = exec.Command(actionlint, "-no-color", names[0])
	cmd.Dir = dir
	out, err = cmd.CombinedOutput()
	assert.Error(t, err)
	assert.Contains(t, string(out), "no-such-input")
}

// workflowExamples returns the ```yaml blocks of a Markdown page that are
// GitHub workflows (they have "jobs:").
func workflowExamples(md string) []string {
	var out []string
	for _, block := range regexp.MustCompile("(?s)```ya?ml\n(.*?)```").FindAllStringSubmatch(md, -1) {
		if strings.Contains(block[1], "\njobs:") && strings.Contains(block[1], "runs-on:") {
			out = append(out, block[1])
		}
	}
	return out
}

// TestActionShellcheck runs shellcheck (Debian's; .ci/run installs it) on
// each shell step of action.yml, as actionlint does for a workflow's.
func TestActionShellcheck(t *testing.T) {
	shellcheck := citool.Path(t, "shellcheck")
	for _, step := range readAction(t).Runs.Steps {
		if step.Run == "" {
			continue
		}
		t.Run(step.Name, func(t *testing.T) {
			cmd := exec.Command(shellcheck, "--shell=bash", "--severity=style", "-")
			cmd.Stdin = strings.NewReader(step.Run)
			out, err := cmd.CombinedOutput()
			assert.NoError(t, err, "shellcheck on the step %q of action.yml:\n%s", step.Name, out)
		})
	}
}
