package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkdownFences(t *testing.T) {
	type fence struct {
		info, text string
	}
	tests := []struct {
		name string
		src  string
		want []fence
	}{
		{"backticks", "# Setup\n\n```js\nweb1on1.open();\n```\n", []fence{{"js", "web1on1.open();\n"}}},
		{"tildes and attributes", "~~~ JavaScript title=\"a.js\"\na\n~~~\n", []fence{{"javascript", "a\n"}}},
		{"braced info", "```{.html}\n<b>\n```\n", []fence{{"html", "<b>\n"}}},
		{"no info", "```\na\n```\n", nil},
		{"empty block", "```js\n```\n", nil},
		{"indented block is no fence", "text\n\n    ```js\n    a\n    ```\n", nil},
		{"inline code", "use `'>cs /notify'` or ``` js ``` inline\n", nil},
		{"longer fence holds a shorter one", "````md\n```js\na\n```\n````\n", []fence{{"md", "```js\na\n```\n"}}},
		{"unclosed fence runs to the end", "```yaml\na: 1\n", []fence{{"yaml", "a: 1\n"}}},
		{"list item", "- step:\n\n  ```js\n  a()\n  b()\n  ```\n", []fence{{"js", "  a()\n  b()\n"}}},
		{"block quote", "> ```yaml\n> a: 1\n> b: 2\n> ```\n", []fence{{"yaml", "  a: 1\n  b: 2\n"}}},
		{"crlf", "```js\r\na\r\n```\r\n", []fence{{"js", "a\r\n"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var got []fence
			for _, f := range mdFences(src) {
				got = append(got, fence{f.Info, string(f.Text)})
				require.LessOrEqual(t, f.Start+len(f.Text), len(src))
				for i, c := range f.Text {
					if c != ' ' {
						require.Equal(t, src[f.Start+i], c, "byte %d of the fence keeps its offset", i)
					}
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
