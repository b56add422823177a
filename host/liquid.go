package host

// Liquid is a Liquid template (Shopify themes, Jekyll): {{ … }} is a placeholder, {% … %}
// a statement, {% comment %} … {% endcomment %} and {% # … %} comments.
var Liquid = &Language{
	Name:       "liquid",
	Extensions: []string{".liquid"},
	IDs:        []string{"liquid"},
	Comments:   tmplComments(Delims{Open: "{% comment %}", Close: "{% endcomment %}"}, Delims{Open: "{% #", Close: "%}"}),
	Suppress:   &Delims{Open: "{% #", Close: "%}"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { Liquid.Extract = tmplExtract(tmplLiquid) }
