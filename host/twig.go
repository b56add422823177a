package host

// Twig is a Twig template (Symfony, Drupal, Craft): {{ … }} is a placeholder, {% … %}
// a statement, {# … #} a comment.
var Twig = &Language{
	Name:       "twig",
	Extensions: []string{".twig"},
	IDs:        []string{"twig"},
	Extract:    tmplExtract(tmplTwig),
	Cuts:       true,
	Finish:     tmplFinish(tmplTwig),
	Comments:   tmplComments(Delims{Open: "{#", Close: "#}"}),
	Suppress:   &Delims{Open: "{#", Close: "#}"},
}
