package host

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSFCExtract(t *testing.T) {
	type str struct {
		text, callee string
	}
	tests := []struct {
		name    string
		extract func([]byte) (*File, error)
		src     string
		want    []str
	}{
		{"vue script setup ts", extractVue, "<script setup lang=\"ts\">\nconst m: string = '>cs /notify'\n</script>",
			[]str{{">cs /notify", ""}}},
		{"vue at click", extractVue, `<template><button @click="web1on1.api.sendClientMessage('>cs /assign x')">Go</button></template>`,
			[]str{{">cs /assign x", "api.sendClientMessage"}}},
		{"vue v-on and modifiers", extractVue, `<a v-on:click.prevent="send('>cs /notify')">`, []str{{">cs /notify", ""}}},
		{"vue bound prop", extractVue, `<Chat :message="'>cs .brand Toyota'" v-bind:other="'>cs /notify'" />`,
			[]str{{">cs .brand Toyota", ""}, {">cs /notify", ""}}},
		{"vue plain attribute is text", extractVue, `<Chat message=">cs .brand Toyota" title="'>cs /notify'" />`, nil},
		{"vue mustache is text", extractVue, `<p>{{ '>cs /notify' }}</p>`, nil},
		{"svelte on click", extractSvelte, `<button on:click={() => web1on1.api.sendClientMessage('>cs /notify')}>Go</button>`,
			[]str{{">cs /notify", "api.sendClientMessage"}}},
		{"svelte 5 onclick", extractSvelte, `<button onclick={() => send(">cs /set isLead yes")}>`, []str{{">cs /set isLead yes", ""}}},
		{"svelte blocks", extractSvelte, "{#if ok}\n<p>{'>cs /notify'}</p>\n{:else}{@html '>cs .a b'}{/if}",
			[]str{{">cs /notify", ""}, {">cs .a b", ""}}},
		{"svelte script and expression in order", extractSvelte,
			"<script lang=\"ts\">let a = '>cs /notify';</script>\n<p title={'>cs .a b'}>{`>cs .c ${d}`}</p>",
			[]str{{">cs /notify", ""}, {">cs .a b", ""}, {">cs .c " + string(Placeholder), ""}}},
		{"svelte style braces are not code", extractSvelte, `<style>p { content: '>cs /notify' }</style>`, nil},
		{"svelte comment", extractSvelte, `<!-- {'>cs /notify'} -->`, nil},
		{"svelte brace in string", extractSvelte, `<p>{f('}', '>cs /notify')}</p>`, []str{{">cs /notify", ""}}},
		{"svelte unclosed brace", extractSvelte, `<p>{ a <script>'>cs /notify'</script>`, []str{{">cs /notify", ""}}},
		{"astro frontmatter", extractAstro, "---\nconst cmd: string = '>cs /notify';\n---\n<p>{cmd}</p>",
			[]str{{">cs /notify", ""}}},
		{"astro jsx handler", extractAstro,
			"---\nconst items = [1];\n---\n<ul>{items.map((i) => <li onClick={() => send('>cs .a ' + i)}>{i}</li>)}</ul>",
			[]str{{">cs .a " + string(Placeholder), ""}}},
		{"astro apostrophe in jsx text", extractAstro, "<div>{ok && <p>Don't</p>}</div><script>'>cs /notify'</script>",
			[]str{{">cs /notify", ""}}},
		{"astro no frontmatter", extractAstro, "<p>--- a</p>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, err := tt.extract(src)
			require.NoError(t, err)
			var got []str
			for _, s := range f.Strings {
				got = append(got, str{s.Text, s.Callee})
			}
			assert.Equal(t, tt.want, got)
			checkFile(t, src, f)
		})
	}
}

func TestSFCPositions(t *testing.T) {
	src := []byte("---\nconst a = 1;\n---\n<b @click=\"f('&gt;cs /notify')\" on:x={() => f(\"\\x3ecs .a b\")}>")
	for name, extract := range map[string]func([]byte) (*File, error){"vue": extractVue, "astro": extractAstro} {
		t.Run(name, func(t *testing.T) {
			f, err := extract(src)
			require.NoError(t, err)
			require.NotEmpty(t, f.Strings)
			for _, s := range f.Strings {
				host := string(src[s.HostOffset(0):s.HostEnd(len(s.Text))])
				assert.Contains(t, []string{`&gt;cs /notify`, `\x3ecs .a b`}, host)
			}
		})
	}
}

func FuzzSFC(f *testing.F) {
	for _, seed := range []string{
		`<template><b @click="f('>cs /notify')" :a="'>cs .a b'"></b></template><script>'>cs /notify'</script>`,
		"---\nconst a = '>cs /notify';\n---\n<p onClick={() => f(`>cs .a ${b}`)}>{'}'}</p>",
		"{#if a}<b on:click={() => f('>cs /notify')}>{/if}<style>{}</style><!-- { -->",
	} {
		for k := range 3 {
			f.Add(byte(k), []byte(seed))
		}
	}
	extractors := [...]func([]byte) (*File, error){extractVue, extractSvelte, extractAstro}
	f.Fuzz(func(t *testing.T, k byte, src []byte) {
		orig := bytes.Clone(src)
		file, _ := extractors[int(k)%len(extractors)](src)
		require.Equal(t, orig, src, "the input must not be modified")
		checkFile(t, src, file)
	})
}
