package linemap

import (
	"fmt"
	"testing"
)

// FuzzSplice checks that the Map of an edited text made by Splice is the
// one New makes of it: the same line starts, widths and checkpoints.
func FuzzSplice(f *testing.F) {
	long := "é" + string(make([]byte, 3*checkEvery)) + "\n"
	for _, seed := range []struct{ src, ins string }{
		{"a\nb\nc", "x"},
		{"a\r\nb", "\n"},
		{"a\rb", "\n"},
		{"a\r\nb", "x"},
		{"héllo\nwörld\n", "\r"},
		{long + long + "x", "ü"},
		{"", "\n\n"},
	} {
		f.Add([]byte(seed.src), uint16(1), uint16(2), []byte(seed.ins))
	}
	f.Fuzz(func(t *testing.T, src []byte, at, del uint16, ins []byte) {
		start := min(int(at), len(src))
		end := min(start+int(del), len(src))
		edited := append(append(append([]byte{}, src[:start]...), ins...), src[end:]...)
		got := New(src).Splice(edited, start, end, len(ins))
		want := New(edited)
		if g, w := dump(got), dump(want); g != w {
			t.Fatalf("replacing [%d, %d) of %q with %q:\nSplice: %s\nNew:    %s", start, end, src, ins, g, w)
		}
	})
}

func dump(m *Map) string {
	return fmt.Sprintf("starts=%v wide=%v checks=%v", m.starts, m.wide, m.checks)
}
