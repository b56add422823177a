// Package config reads .cscmd.yaml, the per-project configuration of cscmd:
// rule severities, paths to exclude from linting, and the catalog of the
// organization's ObjectIds and names that references are checked against.
//
// Validation is strict — unknown keys, unknown rules, bad severities and
// malformed ids are errors — and complete: Load reports every problem in the
// file at once, each with its line, column and dotted key.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"github.com/web1on1/cscmd/internal/yamldepth"
	"github.com/web1on1/cscmd/linemap"
)

// FileName is the name Find looks for.
const FileName = ".cscmd.yaml"

// The severities a rule can be set to.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
	SeverityOff     = "off"
)

// Config is one parsed .cscmd.yaml.
//
// The methods are safe on a nil *Config, which behaves as an empty config:
// callers need no special case when no config file exists.
type Config struct {
	// Path is the file name as given to Load.
	Path string
	// Dir is the absolute directory that exclude patterns are relative to.
	Dir string
	// Rules maps a rule id to "error", "warning", "info" or "off".
	Rules map[string]string
	// Exclude holds doublestar patterns, cleaned, relative to Dir.
	Exclude []string
	// Catalog is nil when the config has no catalog section.
	Catalog *Catalog
	// Languages are the `languages:` entries, in file order: files whose
	// path relative to Dir matches Pattern are linted as Name.
	Languages []LanguageGlob

	// wd is the working directory when the config was loaded: Excluded
	// runs for every entry of a walk, and os.Getwd costs two stat calls.
	// Empty in a Config built by hand, which then pays for them.
	wd string
}

// Severity returns the severity configured for rule, or def when the config
// does not mention it.
func (c *Config) Severity(rule, def string) string {
	if c == nil {
		return def
	}
	if s, ok := c.Rules[rule]; ok {
		return s
	}
	return def
}

// LanguageGlob maps the files a doublestar pattern matches to a language.
type LanguageGlob struct {
	Pattern string // cleaned, relative to Dir
	Name    string // a language name or alias of package host
}

// Language returns the language name the first `languages:` pattern that
// matches path gives it, or "". Paths are taken as Excluded takes them.
func (c *Config) Language(path string) string {
	if c == nil || len(c.Languages) == 0 {
		return ""
	}
	rel, ok := c.rel(path)
	if !ok {
		return ""
	}
	for _, g := range c.Languages {
		if match(g.Pattern, rel) {
			return g.Name
		}
	}
	return ""
}

// Excluded reports whether path — absolute, or relative to the working
// directory at the time of Load — matches an exclude pattern, or lies inside
// a directory that does. The second half makes "vendor" and "vendor/**"
// behave alike, and lets a walk skip an excluded directory without reading
// it; "dist/**" matches the directory dist itself too. Paths outside Dir are
// never excluded.
func (c *Config) Excluded(path string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	rel, ok := c.rel(path)
	if !ok {
		return false
	}
	for _, p := range c.Exclude {
		// "P/**" matches whatever lies inside a directory matching P, in one
		// pass rather than matching each parent of rel in turn.
		if match(p, rel) || !strings.HasSuffix(p, "/**") && match(p+"/**", rel) {
			return true
		}
	}
	return false
}

// rel returns path relative to Dir, with slashes; false for a path
// outside Dir, or Dir itself.
func (c *Config) rel(path string) (string, bool) {
	switch {
	case filepath.IsAbs(path):
		path = filepath.Clean(path)
	case c.wd != "":
		path = filepath.Join(c.wd, path)
	default:
		abs, err := filepath.Abs(path)
		if err != nil {
			return "", false
		}
		path = abs
	}
	rel, ok := strings.CutPrefix(path, c.Dir)
	if !ok || rel == "" {
		return "", false
	}
	if !strings.HasSuffix(c.Dir, string(filepath.Separator)) {
		if rel[0] != filepath.Separator {
			return "", false // a sibling such as Dir + "x"
		}
		rel = rel[1:]
	}
	return filepath.ToSlash(rel), true
}

func match(pattern, name string) bool {
	ok, _ := doublestar.Match(pattern, name)
	return ok
}

// Find returns the .cscmd.yaml nearest to start — a file or a directory,
// which need not exist — looking in its directory and then in each parent up
// to the file system root. It returns "" and no error when there is none.
func Find(start string) (string, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	dir := abs
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		dir = filepath.Dir(abs)
	}
	for {
		p := filepath.Join(dir, FileName)
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.Mode().IsRegular():
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// LoadFile reads and parses the config at path; see Load. An I/O error is
// returned as is (errors.Is(err, fs.ErrNotExist) works), not as an ErrorList.
func LoadFile(path string, rules []string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Load(path, src, rules)
}

// Load parses src, the contents of the config file at path. rules lists the
// known rule ids, which the rules section is checked against (with a hint
// at the closest id for a typo); nil accepts any id, for tools that only read
// the catalog.
//
// The error, when not nil, is an ErrorList of every problem found, sorted by
// position. The config is never nil: it holds whatever parts of the file were
// valid, so that an editor or a lint run can go on with them while the
// errors are shown. An empty file is a valid, empty config.
func Load(path string, src []byte, rules []string) (*Config, error) {
	cfg := &Config{Path: path, Rules: map[string]string{}}
	cfg.wd, _ = os.Getwd()
	cfg.Dir = filepath.Join(cfg.wd, filepath.Dir(path))
	if filepath.IsAbs(path) {
		cfg.Dir = filepath.Dir(path)
	}
	d := &decoder{file: path, rules: rules, ids: map[string]int{}, keyOf: map[ast.Node]ast.Node{}}
	// Editors on Windows may start a UTF-8 file with a byte order mark,
	// which the parser would take as part of the first key.
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if line, col, ok := invalidUTF8(src); ok {
		d.errs = append(d.errs, &Error{File: path, Line: line, Column: col, Msg: "invalid utf-8; the file must be saved as utf-8"})
	}
	f, err := parse(src)
	if err != nil {
		d.errs = append(d.errs, syntaxError(path, err))
		return cfg, d.errs.err()
	}
	d.decodeFile(f, cfg)
	return cfg, d.errs.err()
}

// parse runs the YAML parser, turning a panic inside it into an error: a
// config file is user input, and a crash on odd input would take the
// language server down with it. Nesting deeper than yamldepth.Max is
// refused before the parser, whose memory grows with its square, sees it.
func parse(src []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("cannot parse yaml: %v", r)
		}
	}()
	tks := lexer.Tokenize(string(src))
	if tk := yamldepth.TooDeep(tks); tk != nil {
		return nil, &yaml.SyntaxError{Message: yamldepth.Message, Token: tk}
	}
	return parser.Parse(tks, parser.ParseComments)
}

// invalidUTF8 locates the first byte of src that is not valid UTF-8.
func invalidUTF8(src []byte) (line, col int, ok bool) {
	if utf8.Valid(src) {
		return 0, 0, false
	}
	line, col = 1, 1
	for len(src) > 0 {
		if n := linemap.BreakAt(src, 0); n > 0 {
			line, col = line+1, 1
			src = src[n:]
			continue
		}
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return line, col, true
		}
		col++
		src = src[size:]
	}
	return line, col, true
}

var duplicateKey = regexp.MustCompile(`^mapping key ("(?:[^"\\]|\\.)*") already defined at \[(\d+):\d+\]$`)

func syntaxError(file string, err error) *Error {
	e := &Error{File: file, Line: 1, Column: 1}
	var se *yaml.SyntaxError
	if errors.As(err, &se) {
		e.Msg = printable(se.Message)
		// The parser rejects a duplicate key as a syntax error; say it the
		// way the other duplicates are said.
		if m := duplicateKey.FindStringSubmatch(e.Msg); m != nil {
			e.Msg = fmt.Sprintf("duplicate key %s; first defined at line %s", m[1], m[2])
		}
		if se.Token != nil && se.Token.Position != nil {
			e.Line = max(se.Token.Position.Line, 1)
			e.Column = max(se.Token.Position.Column, 1)
		}
		return e
	}
	// Other parser errors print a source excerpt after the first line.
	first, _, _ := strings.Cut(err.Error(), "\n")
	e.Msg = printable(first)
	return e
}

// printable escapes control characters, which the parser quotes raw ("found
// character '\t'") and which would garble a terminal or a JSON consumer.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsPrint(r) {
			b.WriteRune(r)
		} else {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}
