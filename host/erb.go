package host

// ERB is an ERB template (Rails views): <%= … %> is a placeholder, <% … %> a
// statement, <%# … %> a comment.
var ERB = &Language{
	Name:       "erb",
	Aliases:    []string{"rhtml"},
	Extensions: []string{".erb", ".rhtml"},
	IDs:        []string{"erb"},
	Extract:    tmplExtract(tmplERB),
	Cuts:       true,
	Finish:     tmplFinish(tmplERB),
	Comments:   tmplComments(Delims{Open: "<%#", Close: "%>"}),
	Suppress:   &Delims{Open: "<%#", Close: "%>"},
}
