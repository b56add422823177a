package host

// ERB is an ERB template (Rails views): <%= … %> is a placeholder, <% … %> a
// statement, <%# … %> a comment.
var ERB = &Language{
	Name:       "erb",
	Aliases:    []string{"rhtml"},
	Extensions: []string{".erb", ".rhtml"},
	IDs:        []string{"erb"},
	Comments:   tmplComments(Delims{Open: "<%#", Close: "%>"}),
	Suppress:   &Delims{Open: "<%#", Close: "%>"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { ERB.Extract = tmplExtract(tmplERB) }
