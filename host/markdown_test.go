package host

import "testing"

func TestMarkdownGolden(t *testing.T) { goldenLang(t, Markdown) }

func FuzzMarkdown(f *testing.F) { fuzzLang(f, Markdown) }
