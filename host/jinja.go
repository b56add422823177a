package host

// Jinja is a Jinja or Nunjucks template (Flask, Django-like, Eleventy): {{ … }} is a
// placeholder, {% … %} a statement, {# … #} a comment.
var Jinja = &Language{
	Name:       "jinja",
	Aliases:    []string{"jinja2", "j2", "nunjucks", "njk"},
	Extensions: []string{".j2", ".jinja", ".jinja2", ".njk"},
	IDs:        []string{"jinja", "jinja-html", "nunjucks"},
	Extract:    tmplExtract(tmplJinja),
	Cuts:       true,
	Finish:     tmplFinish(tmplJinja),
	Comments:   tmplComments(Delims{Open: "{#", Close: "#}"}),
	Suppress:   &Delims{Open: "{#", Close: "#}"},
}
