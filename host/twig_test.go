package host

import "testing"

func TestTwigGolden(t *testing.T) { goldenLang(t, Twig) }

func FuzzTwig(f *testing.F) { fuzzLang(f, Twig) }
