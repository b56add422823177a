package host

import "testing"

func TestPhpGolden(t *testing.T) { goldenLang(t, PHP) }

func FuzzPhp(f *testing.F) { fuzzLang(f, PHP) }
