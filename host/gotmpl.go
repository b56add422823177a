package host

// GoTemplate is a Go html/template page (Hugo layouts too): an action that writes a value is a
// placeholder; if, range, with, end, define and declarations are statements;
// {{/* … */}} is a comment.
var GoTemplate = &Language{
	Name:       "gotmpl",
	Aliases:    []string{"gohtml", "go-html-template", "tmpl"},
	Extensions: []string{".tmpl", ".gohtml", ".gotmpl"},
	IDs:        []string{"gotmpl", "gohtml"},
	Extract:    tmplExtract(tmplGo),
	Cuts:       true,
	Finish:     tmplFinish(tmplGo),
	Comments:   tmplComments(Delims{Open: "{{/*", Close: "*/}}"}, Delims{Open: "{{- /*", Close: "*/ -}}"}),
	Suppress:   &Delims{Open: "{{/*", Close: "*/}}"},
}
