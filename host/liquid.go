package host

// Liquid is a Liquid template (Shopify themes, Jekyll): {{ … }} is a placeholder, {% … %}
// a statement, {% comment %} … {% endcomment %} and {% # … %} comments.
var Liquid = &Language{
	Name:       "liquid",
	Extensions: []string{".liquid"},
	IDs:        []string{"liquid"},
	Extract:    tmplExtract(tmplLiquid),
	Cuts:       true,
	Finish:     tmplFinish(tmplLiquid),
	Comments:   tmplComments(Delims{Open: "{% comment %}", Close: "{% endcomment %}"}, Delims{Open: "{% #", Close: "%}"}),
	Suppress:   &Delims{Open: "{% #", Close: "%}"},
}
