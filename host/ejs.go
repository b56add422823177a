package host

// EJS is an EJS template: <%= … %> and <%- … %> are placeholders, <% … %> a
// statement, <%# … %> a comment.
var EJS = &Language{
	Name:       "ejs",
	Extensions: []string{".ejs"},
	IDs:        []string{"ejs"},
	Comments:   tmplComments(Delims{Open: "<%#", Close: "%>"}),
	Suppress:   &Delims{Open: "<%#", Close: "%>"},
}

// The extractor runs the driver on the masked page, which reads the list
// of languages: it is set once that list exists.
func init() { EJS.Extract = tmplExtract(tmplEJS) }
