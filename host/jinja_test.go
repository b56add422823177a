package host

import "testing"

func TestJinjaGolden(t *testing.T) { goldenLang(t, Jinja) }

func FuzzJinja(f *testing.F) { fuzzLang(f, Jinja) }
