package host

import "testing"

func TestSvelteGolden(t *testing.T) { goldenLang(t, Svelte) }

func FuzzSvelte(f *testing.F) { fuzzLang(f, Svelte) }
