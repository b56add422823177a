package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSFCExtract(t *testing.T) {
	type str struct {
		text, callee string
	}
	tests := []struct {
		name string
		lang *Language
		src  string
		want []str
	}{
		{"vue script setup ts", Vue, "<script setup lang=\"ts\">\nconst m: string = '>cs /notify'\n</script>",
			[]str{{">cs /notify", ""}}},
		{"vue at click", Vue, `<template><button @click="web1on1.api.sendClientMessage('>cs /assign x')">Go</button></template>`,
			[]str{{">cs /assign x", "api.sendClientMessage"}}},
		{"vue v-on and modifiers", Vue, `<a v-on:click.prevent="send('>cs /notify')">`, []str{{">cs /notify", ""}}},
		{"vue bound prop", Vue, `<Chat :message="'>cs .brand Toyota'" v-bind:other="'>cs /notify'" />`,
			[]str{{">cs .brand Toyota", ""}, {">cs /notify", ""}}},
		{"vue plain attribute is text", Vue, `<Chat message=">cs .brand Toyota" title="'>cs /notify'" />`, nil},
		{"alpine page", HTML, `<div x-data x-init="f('>cs /notify')"><b x-on:click="f('>cs .a b')" @keyup="f('>cs .c d')">`,
			[]str{{">cs /notify", ""}, {">cs .a b", ""}, {">cs .c d", ""}}},
		{"vue mustache is text", Vue, `<p>{{ '>cs /notify' }}</p>`, nil},
		{"svelte on click", Svelte, `<button on:click={() => web1on1.api.sendClientMessage('>cs /notify')}>Go</button>`,
			[]str{{">cs /notify", "api.sendClientMessage"}}},
		{"svelte 5 onclick", Svelte, `<button onclick={() => send(">cs /set isLead yes")}>`, []str{{">cs /set isLead yes", ""}}},
		{"svelte blocks", Svelte, "{#if ok}\n<p>{'>cs /notify'}</p>\n{:else}{@html '>cs .a b'}{/if}",
			[]str{{">cs /notify", ""}, {">cs .a b", ""}}},
		{"svelte script and expression in order", Svelte,
			"<script lang=\"ts\">let a = '>cs /notify';</script>\n<p title={'>cs .a b'}>{`>cs .c ${d}`}</p>",
			[]str{{">cs /notify", ""}, {">cs .a b", ""}, {">cs .c " + string(Placeholder), ""}}},
		{"svelte style braces are not code", Svelte, `<style>p { content: '>cs /notify' }</style>`, nil},
		{"svelte comment", Svelte, `<!-- {'>cs /notify'} -->`, nil},
		{"svelte brace in string", Svelte, `<p>{f('}', '>cs /notify')}</p>`, []str{{">cs /notify", ""}}},
		{"svelte unclosed brace", Svelte, `<p>{ a <script>'>cs /notify'</script>`, []str{{">cs /notify", ""}}},
		{"astro frontmatter", Astro, "---\nconst cmd: string = '>cs /notify';\n---\n<p>{cmd}</p>",
			[]str{{">cs /notify", ""}}},
		{"astro jsx handler", Astro,
			"---\nconst items = [1];\n---\n<ul>{items.map((i) => <li onClick={() => send('>cs .a ' + i)}>{i}</li>)}</ul>",
			[]str{{">cs .a " + string(Placeholder), ""}}},
		{"astro apostrophe in jsx text", Astro, "<div>{ok && <p>Don't</p>}</div><script>'>cs /notify'</script>",
			[]str{{">cs /notify", ""}}},
		{"astro no frontmatter", Astro, "<p>--- a</p>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, err := Extract(tt.lang, src)
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
	for _, l := range []*Language{Vue, Astro} {
		t.Run(l.Name, func(t *testing.T) {
			f, err := Extract(l, src)
			require.NoError(t, err)
			require.NotEmpty(t, f.Strings)
			for _, s := range f.Strings {
				host := string(src[s.HostOffset(0):s.HostEnd(len(s.Text))])
				assert.Contains(t, []string{`&gt;cs /notify`, `\x3ecs .a b`}, host)
			}
		})
	}
}
