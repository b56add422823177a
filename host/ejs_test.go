package host

import "testing"

func TestEjsGolden(t *testing.T) { goldenLang(t, EJS) }

func FuzzEjs(f *testing.F) { fuzzLang(f, EJS) }
