package host

// Blade is a Laravel Blade view: PHP blocks, {{ … }}, {!! … !!} and @{{ … }} are
// placeholders, @if(…) and the other directives statements, {{-- … --}} comments.
var Blade = &Language{
	Name:       "blade",
	Extensions: []string{".blade.php"},
	IDs:        []string{"blade"},
	Extract:    tmplExtract(tmplBlade),
	Cuts:       true,
	Finish:     tmplFinish(tmplBlade),
	Comments:   tmplComments(Delims{Open: "{{--", Close: "--}}"}),
	Suppress:   &Delims{Open: "{{--", Close: "--}}"},
}
