package host

// Twig is a Twig template (Symfony, Drupal, Craft): {{ … }} is a placeholder, {% … %}
// a statement, {# … #} a comment.
var Twig = &Language{
	Name:       "twig",
	Extensions: []string{".twig"},
	IDs:        []string{"twig"},
	Comments:   tmplComments(Delims{Open: "{#", Close: "#}"}),
	Suppress:   &Delims{Open: "{#", Close: "#}"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { Twig.Extract = tmplExtract(tmplTwig) }
