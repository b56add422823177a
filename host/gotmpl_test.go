package host

import "testing"

func TestGotmplGolden(t *testing.T) { goldenLang(t, GoTemplate) }

func FuzzGotmpl(f *testing.F) { fuzzLang(f, GoTemplate) }
