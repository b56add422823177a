package host

import "testing"

func TestBladeGolden(t *testing.T) { goldenLang(t, Blade) }

func FuzzBlade(f *testing.F) { fuzzLang(f, Blade) }
