package host

import "testing"

func TestHandlebarsGolden(t *testing.T) { goldenLang(t, Handlebars) }

func FuzzHandlebars(f *testing.F) { fuzzLang(f, Handlebars) }
