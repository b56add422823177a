package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHTMLCanRun(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"script", "<script>x()</script>", true},
		{"script any case with attributes", "a <SCRIPT type=module>", true},
		{"event handler", `<button class="a" onclick="x()">`, true},
		{"event handler spaced", "<a\n  onClick = 'x()'>", true},
		{"handler name in a value", `<a title="onclick=x">`, false},
		{"plain markup", "<p>Hello <b>world</b></p>", false},
		{"comparison", "a < b && c > d", false},
		{"scripts in prose", "<scripted> on=", false},
		{"attribute without value", "<input onchange>", false},
		{"unterminated tag", `<a onclick`, false},
		{"unterminated quote", `<a title="x onclick=y`, false},
		{"second tag", `<a title=x><b onmouseover="y">`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, htmlCanRun([]byte(tt.text)))
		})
	}
}

func TestMayHoldHTML(t *testing.T) {
	for raw, want := range map[string]bool{
		`"<b>"`:           true,
		`"\u003cscript"`:  true,
		`"\u003Cscript"`:  true,
		`'\x3cscript'`:    true,
		`"a \n b \" c"`:   false,
		`"plain"`:         false,
		`"\\u003cscript"`: true, // errs on the side of decoding
	} {
		assert.Equal(t, want, mayHoldHTML([]byte(raw)), raw)
	}
}

// A tag-manager variable becomes a placeholder standing for its bytes in
// the host; the text around it keeps its map.
func TestTagVariables(t *testing.T) {
	src := `"a\n{{Car Brand}} b {{x}"`
	f, err := jsonExtract([]byte(src), true)
	require.NoError(t, err)
	s := f.Strings[0]
	d := Doc{Text: []byte(s.Text), Map: s.Map()}
	tagVariables(&d)
	assert.Equal(t, "a\n"+string(Placeholder)+" b {{x}", string(d.Text))
	m := d.Map
	assert.Equal(t, `\n`, src[m.Start(1):m.End(2)])
	assert.Equal(t, "{{Car Brand}}", src[m.Start(2):m.End(5)])
	assert.Equal(t, " b {{x}", src[m.Start(5):m.End(m.Len)])
	back, ok := m.Decoded(len(`"a\n{{Car Brand}} `))
	require.True(t, ok)
	assert.Equal(t, 6, back)
}
