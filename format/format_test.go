package format

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSource(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"canonical":   {">cs\t/set   isLead  yes \n", ">cs /set isLead yes\n"},
		"ids":         {">cs /assign 62C6077CA980127F404B0301", ">cs /assign 62c6077ca980127f404b0301\n"},
		"comments":    {"  # a comment  \n>cs /notify\n", "# a comment\n>cs /notify\n"},
		"blank runs":  {"\n\n>cs /notify\n\n\n\n>cs /notify\n\n", ">cs /notify\n\n>cs /notify\n"},
		"crlf":        {">cs  /notify\r\n\r\n# c\r\n", ">cs /notify\r\n\r\n# c\r\n"},
		"bom":         {"\uFEFF>cs  /notify\n", "\uFEFF>cs /notify\n"},
		"lone cr":     {">cs  /notify\r>cs  /set a b\r", ">cs /notify\r>cs /set a b\r"},
		"chat kept":   {"hello  world  \n", "hello  world  \n"},
		"near miss":   {" >cs /set a b\n", " >cs /set a b\n"},
		"broken kept": {">cs /sett  x\n>cs /assign\n", ">cs /sett  x\n>cs /assign\n"},
		"invalid":     {">cs .a \xff\n", ">cs .a \xff\n"},
		"empty":       {"", ""},
	} {
		got := string(Source([]byte(tc.in)))
		assert.Equal(t, tc.want, got, name)
		assert.Equal(t, got, string(Source([]byte(got))), "%s: formatting is idempotent", name)
	}
}

func FuzzSource(f *testing.F) {
	f.Add(">cs\t/set   isLead  yes \n# c\n\n\nhello\r\n")
	f.Add(">cs /assign 62C6077CA980127F404B0301\r>cs  /sett x\r\n\r# c")
	f.Fuzz(func(t *testing.T, in string) {
		once := Source([]byte(in))
		if twice := Source(once); string(twice) != string(once) {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, once, twice)
		}
	})
}
