package host

// Blade is a Laravel Blade view: PHP blocks, {{ … }}, {!! … !!} and @{{ … }} are
// placeholders, @if(…) and the other directives statements, {{-- … --}} comments.
var Blade = &Language{
	Name:       "blade",
	Extensions: []string{".blade.php"},
	IDs:        []string{"blade"},
	Comments:   tmplComments(Delims{Open: "{{--", Close: "--}}"}),
	Suppress:   &Delims{Open: "{{--", Close: "--}}"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { Blade.Extract = tmplExtract(tmplBlade) }
