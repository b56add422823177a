package host

import "strings"

// Language is everything cscmd knows about one language that commands live
// in: how files and editors name it, how to find what it holds, and how its
// comments are written. Every language is declared in a file of its own
// (host/js.go declares JS, host/html.go HTML, …) and listed in Languages;
// nothing else in the module names a language.
//
// # Adding a language
//
//  1. Write host/LANG.go declaring `var LANG = &Language{…}`: its Name (what
//     `languages:` in .cscmd.yaml and a Markdown fence's info string call
//     it), Aliases, Extensions (".blade.php" beats ".php": the longest
//     match wins), editor language IDs, Comments (delimiters, so that a
//     suppression comment is read without them), Suppress (how to write one;
//     nil where none can stand), PreCheck (nil: MayContain), Dialect (the
//     language it is a variant of, if any) and Extract.
//  2. Extract(src) returns a *File: the candidate Strings (>cs messages,
//     with the Map of each back to src and the Syntax its fix is escaped
//     in), the web1on1 Calls, the Comments (Start and End; the driver fills
//     in their Body), and Docs — the parts of src written in another
//     language (a script body, an event attribute, a string holding HTML, a
//     fenced block), each as decoded Text, its Map to src, the Layer that
//     escapes text written into it, the Name of its language, and Own
//     when it is the file's own code (its syntax errors are the file's). A
//     template language masks its tags in a copy of src (same length, so
//     one verbatim Map) and yields the copy as an HTML Doc. Extract never
//     fails: it returns what it found and the first *SyntaxError.
//  3. The driver (Extract in extract.go) extracts every Doc in its own
//     language, up to MaxDepth levels deep, and composes the maps, the
//     escapers and the comments into the outer File: positions, fixes and
//     suppressions then work in the outer file with no code of the
//     language's own.
//  4. Add the language to Languages, golden files to testdata/LANG/ and a
//     fuzz target FuzzLANG calling checkFile (TestLanguagesRegistered
//     checks both).
//
// The CLI, the walk, `languages:`, the language server and its quick fixes
// read this list; adding a language edits no other package.
type Language struct {
	// Name is the language's name in .cscmd.yaml and in Markdown fences.
	Name string
	// Aliases are other names for it (Markdown info strings: "javascript").
	Aliases []string
	// Extensions are the file name suffixes of the language, lowercase and
	// with their dot.
	Extensions []string
	// IDs are the editor language ids of its documents (LSP).
	IDs []string
	// Extract finds what a file of the language holds; nil for command
	// files, which lint reads line by line.
	Extract func(src []byte) (*File, error)
	// PreCheck is the byte-level test that lets a scan skip a file, or the
	// driver a document, that cannot hold a command or a widget call: false
	// is a promise. nil means MayContain, which knows the escapes of every
	// language here; a language with spellings of its own (a template's
	// entity or filter) sets one that knows them too.
	PreCheck func(src []byte) bool
	// Comments are the comment delimiters of the language; Close is "" for
	// a comment that runs to the end of its line.
	Comments []Delims
	// Suppress is how a suppression comment is written on a line of its
	// own; nil where the language has no comment a file may hold.
	Suppress *Delims
	// Finish, if set, runs once the documents that Extract yielded are
	// extracted and lifted into the File: a template language rewrites
	// there the messages that cross its tags.
	Finish func(src []byte, f *File)
	// Cuts is set when Extract reports where its text may be cut: a large
	// document is then extracted again after an edit only around the
	// edit (see chunk.go).
	Cuts bool
	// Resume, if set, extracts src as the rest of a text that an earlier
	// part left in state (a cut's; "" for a text's start), final when src
	// ends where that text does. Without it, only cuts in the state of a
	// text's start are taken.
	Resume func(src []byte, state string, final bool) (*File, error)
	// Dialect is the language this one is a variant of (JSONC of JSON), or
	// nil: an editor's id for either is taken for a file of the other.
	Dialect *Language
}

// Family is the language l is a dialect of, or l itself.
func (l *Language) Family() *Language {
	for l.Dialect != nil {
		l = l.Dialect
	}
	return l
}

// MayHold reports whether src, a file or document of the language, may hold
// a command or a widget call (see PreCheck).
func (l *Language) MayHold(src []byte) bool {
	if l.PreCheck != nil {
		return l.PreCheck(src)
	}
	return MayContain(src)
}

// Delims are the delimiters of a comment.
type Delims struct{ Open, Close string }

// Languages lists every language, command files first. Adding a language is
// adding it here (see Language).
var Languages = []*Language{Commands, JS, HTML, JSON, JSONC, YAML,
	Vue, Svelte, Astro, PHP, Blade, Liquid, Twig, Jinja, ERB, EJS, Handlebars, GoTemplate, Markdown}

// ByName returns the language of a name or alias (any case), or nil.
func ByName(name string) *Language {
	for _, l := range Languages {
		if strings.EqualFold(l.Name, name) {
			return l
		}
		for _, a := range l.Aliases {
			if strings.EqualFold(a, name) {
				return l
			}
		}
	}
	return nil
}

// Names returns the name and aliases of every language, for did-you-mean.
func Names() []string {
	var out []string
	for _, l := range Languages {
		out = append(out, l.Name)
		out = append(out, l.Aliases...)
	}
	return out
}

// ByPath returns the language of a file by the suffix of its name, the
// longest that matches in any case (".blade.php" over ".php"), or nil. It
// runs for every file of a walk, so it allocates nothing.
func ByPath(path string) *Language {
	var best *Language
	n := 0
	for _, l := range Languages {
		for _, ext := range l.Extensions {
			if len(ext) > n && len(path) >= len(ext) && strings.EqualFold(path[len(path)-len(ext):], ext) {
				best, n = l, len(ext)
			}
		}
	}
	return best
}

// ByID returns the language of an editor language id, or nil.
func ByID(id string) *Language {
	for _, l := range Languages {
		for _, i := range l.IDs {
			if i == id {
				return l
			}
		}
	}
	return nil
}

// Kinds describes the files cscmd lints, for a message about one it does
// not: "a command file (.cscmd) or a host file (.js, .mjs, …)".
func Kinds() string {
	var exts []string
	for _, l := range Languages[1:] {
		exts = append(exts, l.Extensions...)
	}
	return "a command file (" + strings.Join(Commands.Extensions, ", ") + ") or a host file (" + strings.Join(exts, ", ") + ")"
}

// Commands is the language of command files (SPEC §2.1): one message per
// line, linted line by line rather than extracted.
var Commands = &Language{
	Name:       "cscmd",
	Extensions: []string{".cscmd"},
	IDs:        []string{"cscmd"},
	Comments:   []Delims{{Open: "#"}},
	Suppress:   &Delims{Open: "#"},
}

// CommentLine writes body as a comment of the language on a line of its
// own, or is false when the language has none.
func (l *Language) CommentLine(body string) (string, bool) {
	if l == nil || l.Suppress == nil {
		return "", false
	}
	if l.Suppress.Close == "" {
		return l.Suppress.Open + " " + body, true
	}
	return l.Suppress.Open + " " + body + " " + l.Suppress.Close, true
}

// Body strips the delimiters of the language from a comment as written,
// returning its body and the body's offset in text.
func (l *Language) Body(text string) (string, int) {
	for _, d := range l.Comments {
		if !strings.HasPrefix(text, d.Open) {
			continue
		}
		b := text[len(d.Open):]
		if d.Close != "" {
			b = strings.TrimSuffix(b, d.Close)
		}
		return b, len(d.Open)
	}
	return text, 0
}
