package host

import "testing"

func TestLiquidGolden(t *testing.T) { goldenLang(t, Liquid) }

func FuzzLiquid(f *testing.F) { fuzzLang(f, Liquid) }
