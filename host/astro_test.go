package host

import "testing"

func TestAstroGolden(t *testing.T) { goldenLang(t, Astro) }

func FuzzAstro(f *testing.F) { fuzzLang(f, Astro) }
