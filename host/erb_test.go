package host

import "testing"

func TestErbGolden(t *testing.T) { goldenLang(t, ERB) }

func FuzzErb(f *testing.F) { fuzzLang(f, ERB) }
