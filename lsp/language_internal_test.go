package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.lsp.dev/uri"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, id, path string
		want           string
		served         bool
	}{
		{name: "cscmd file", id: "cscmd", path: "/p/a.cscmd", want: "cscmd", served: true},
		{name: "one shared editor entry sends cscmd for a script", id: "cscmd", path: "/p/a.js", want: "javascript", served: true},
		{name: "cscmd for a page", id: "cscmd", path: "/p/index.HTML", want: "html", served: true},
		{name: "plain text id for a command file", id: "plaintext", path: "/p/a.cscmd", want: "cscmd", served: true},
		{name: "no id for yaml", id: "", path: "/p/a.yml", want: "yaml", served: true},
		{name: "javascript for a command file", id: "javascript", path: "/p/a.cscmd", want: "cscmd", served: true},
		{name: "JSX in a .js file keeps the client's id", id: "javascriptreact", path: "/p/a.js", want: "javascriptreact", served: true},
		{name: "jsonc for a .json file keeps its comments", id: "jsonc", path: "/p/tsconfig.json", want: "jsonc", served: true},
		{name: "untitled buffer by its id", id: "cscmd", path: "/Untitled-1", want: "cscmd", served: true},
		{name: "unknown extension by its id", id: "yaml", path: "/p/a.txt", want: "yaml", served: true},
		{name: "unknown extension and id", id: "python", path: "/p/a.py", served: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := language(tt.id, uri.File(tt.path))
			assert.Equal(t, tt.served, ok)
			if tt.served {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}
