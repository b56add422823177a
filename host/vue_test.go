package host

import "testing"

func TestVueGolden(t *testing.T) { goldenLang(t, Vue) }

func FuzzVue(f *testing.F) { fuzzLang(f, Vue) }
