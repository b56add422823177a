package host

// Handlebars is a Handlebars or Mustache template: {{ … }} and {{{ … }}} are placeholders,
// {{#…}}, {{/…}}, {{^…}} and {{else}} statements, {{! … }} and {{!-- … --}} comments.
var Handlebars = &Language{
	Name:       "handlebars",
	Aliases:    []string{"hbs", "mustache"},
	Extensions: []string{".hbs", ".handlebars", ".mustache"},
	IDs:        []string{"handlebars", "mustache"},
	Comments:   tmplComments(Delims{Open: "{{!--", Close: "--}}"}, Delims{Open: "{{!", Close: "}}"}),
	Suppress:   &Delims{Open: "{{!--", Close: "--}}"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { Handlebars.Extract = tmplExtract(tmplHandlebars) }
