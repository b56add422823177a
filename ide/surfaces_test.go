package ide

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// In components, templates and Markdown, "ignore this rule here" writes a
// comment the file's own syntax hides from the page — a template comment on
// a page line, a script comment inside a script — and silences the finding.
func TestIgnoreInSurfaces(t *testing.T) {
	a := &Analyzer{}
	for _, tc := range []struct {
		lang, text, want string
	}{
		{"php", "<?php get_header(); ?>\n<button onclick=\"web1on1.api.sendClientMessage('>cs /sett a <?= $b ?>')\">x</button>\n", "<?php // cscmd-ignore unknown-command ?>\n<button"},
		{"php", "<script>\n  web1on1.api.sendClientMessage('>cs /sett a <?= $b ?>');\n</script>\n", "  // cscmd-ignore unknown-command\n"},
		{"blade", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{ $b }}')\">x</b>\n", "{{-- cscmd-ignore unknown-command --}}\n<b"},
		{"liquid", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{ b }}')\">x</b>\n", "{% # cscmd-ignore unknown-command %}\n<b"},
		{"twig", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{ b }}')\">x</b>\n", "{# cscmd-ignore unknown-command #}\n<b"},
		{"jinja", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{ b }}')\">x</b>\n", "{# cscmd-ignore unknown-command #}\n<b"},
		{"erb", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a <%= b %>')\">x</b>\n", "<%# cscmd-ignore unknown-command %>\n<b"},
		{"ejs", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a <%= b %>')\">x</b>\n", "<%# cscmd-ignore unknown-command %>\n<b"},
		{"handlebars", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{b}}')\">x</b>\n", "{{!-- cscmd-ignore unknown-command --}}\n<b"},
		{"gotmpl", "<b onclick=\"web1on1.api.sendClientMessage('>cs /sett a {{ .B }}')\">x</b>\n", "{{/* cscmd-ignore unknown-command */}}\n<b"},
		{"vue", "<template>\n  <b @click=\"web1on1.api.sendClientMessage('>cs /sett a b')\">x</b>\n</template>\n", "  <!-- cscmd-ignore unknown-command -->\n"},
		{"svelte", "<b on:click={() =>\n  web1on1.api.sendClientMessage('>cs /sett a b')}>x</b>\n", "  // cscmd-ignore unknown-command\n"},
		{"astro", "---\nconst m = '>cs /sett a b';\n---\n", "// cscmd-ignore unknown-command\nconst m"},
		{"markdown", "# Setup\n\n```js\nweb1on1.api.sendClientMessage('>cs /sett a b');\n```\n", "// cscmd-ignore unknown-command\nweb1on1"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			got := a.Analyze(nil, "file:///p/x", tc.lang, []byte(tc.text))
			require.NotEmpty(t, got)
			assert.Equal(t, "unknown-command", got[0].Code)
			fix := fixTitled(t, got[0], "Ignore unknown-command here")
			fixed := applyFix(tc.text, fix)
			assert.Contains(t, fixed, tc.want)
			assert.Empty(t, a.Analyze(nil, "file:///p/x", tc.lang, []byte(fixed)), "silenced")
		})
	}
}
