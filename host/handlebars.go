package host

// Handlebars is a Handlebars or Mustache template: {{ … }} and {{{ … }}} are placeholders,
// {{#…}}, {{/…}}, {{^…}} and {{else}} statements, {{! … }} and {{!-- … --}} comments.
var Handlebars = &Language{
	Name:       "handlebars",
	Aliases:    []string{"hbs", "mustache"},
	Extensions: []string{".hbs", ".handlebars", ".mustache"},
	IDs:        []string{"handlebars", "mustache"},
	Extract:    tmplExtract(tmplHandlebars),
	Cuts:       true,
	Finish:     tmplFinish(tmplHandlebars),
	Comments:   tmplComments(Delims{Open: "{{!--", Close: "--}}"}, Delims{Open: "{{!", Close: "}}"}),
	Suppress:   &Delims{Open: "{{!--", Close: "--}}"},
}
