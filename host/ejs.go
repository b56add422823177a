package host

// EJS is an EJS template: <%= … %> and <%- … %> are placeholders, <% … %> a
// statement, <%# … %> a comment.
var EJS = &Language{
	Name:       "ejs",
	Extensions: []string{".ejs"},
	IDs:        []string{"ejs"},
	Extract:    tmplExtract(tmplEJS),
	Cuts:       true,
	Finish:     tmplFinish(tmplEJS),
	Comments:   tmplComments(Delims{Open: "<%#", Close: "%>"}),
	Suppress:   &Delims{Open: "<%#", Close: "%>"},
}
