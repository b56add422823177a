package host

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tag is a tag as the tests write it: its text and its kind.
type tag struct {
	text string
	kind tmplKind
}

const (
	out  = tmplOutput
	stmt = tmplStatement
	cmt  = tmplComment
)

// tmplLang is a language of dialect d, for the tables.
func tmplLang(d tmplDialect) *Language {
	return &Language{Name: "test", Extract: tmplExtract(d), Finish: tmplFinish(d)}
}

func TestTemplateMask(t *testing.T) {
	tests := []struct {
		name string
		d    tmplDialect
		src  string
		want []tag
	}{
		{"php echo short", tmplPHP, `a <?= $x ?> b`, []tag{{`<?= $x ?>`, out}}},
		{"php statement", tmplPHP, `<?php if ($a): ?>x<?php endif; ?>`, []tag{{`<?php if ($a): ?>`, stmt}, {`<?php endif; ?>`, stmt}}},
		{"php echo", tmplPHP, `<?php echo esc_js($b); ?>`, []tag{{`<?php echo esc_js($b); ?>`, out}}},
		{"php call writes", tmplPHP, `<?php the_title(); ?>`, []tag{{`<?php the_title(); ?>`, out}}},
		{"php assignment", tmplPHP, `<?php $a = 1; ?>`, []tag{{`<?php $a = 1; ?>`, stmt}}},
		{"php upper case", tmplPHP, `<?PHP foo(); ?>`, []tag{{`<?PHP foo(); ?>`, out}}},
		{"php string holds closer", tmplPHP, `<?php echo "?>"; ?> x`, []tag{{`<?php echo "?>"; ?>`, out}}},
		{"php single string", tmplPHP, `<?php echo 'it\'s ?>'; ?>`, []tag{{`<?php echo 'it\'s ?>'; ?>`, out}}},
		{"php block comment", tmplPHP, `<?php /* ?> */ $a = 1; ?>`, []tag{{`<?php /* ?> */ $a = 1; ?>`, cmt}}},
		{"php line comment ends at closer", tmplPHP, `<?php // note ?> x`, []tag{{`<?php // note ?>`, cmt}}},
		{"php hash comment", tmplPHP, "<?php # a\n$a = 1 ?>", []tag{{"<?php # a\n$a = 1 ?>", cmt}}},
		{"php heredoc", tmplPHP, "<?php $s = <<<EOT\n?> '\nEOT;\n?> x", []tag{{"<?php $s = <<<EOT\n?> '\nEOT;\n?>", stmt}}},
		{"php nowdoc indented", tmplPHP, "<?php $s = <<<'EOT'\n  ?>\n  EOT;\n?>", []tag{{"<?php $s = <<<'EOT'\n  ?>\n  EOT;\n?>", stmt}}},
		{"php to end of file", tmplPHP, "x <?php\nfunction f() {}\n", []tag{{"<?php\nfunction f() {}\n", stmt}}},
		{"php open string falls back", tmplPHP, `<?php echo "a; ?> <b>'x'</b>`, []tag{{`<?php echo "a; ?>`, out}}},
		{"php xml declaration", tmplPHP, `<?xml version="1.0"?>`, nil},
		{"php short tag", tmplPHP, `<? foo() ?>`, []tag{{`<? foo() ?>`, out}}},
		{"blade echo", tmplBlade, `{{ $user->name }} {!! $html !!}`, []tag{{`{{ $user->name }}`, out}, {`{!! $html !!}`, out}}},
		{"blade comment", tmplBlade, `{{-- a }} b --}}`, []tag{{`{{-- a }} b --}}`, cmt}}},
		{"blade escaped echo", tmplBlade, `@{{ name }}`, []tag{{`@{{ name }}`, out}}},
		{"blade directives", tmplBlade, `@if($a) x @endif`, []tag{{`@if($a)`, stmt}, {`@endif`, stmt}}},
		{"blade directive paren in string", tmplBlade, `@if($a == ')') x`, []tag{{`@if($a == ')')`, stmt}}},
		{"blade unknown word", tmplBlade, `>cs /set @category Used @6248f0083ab5d5001e523146`, nil},
		{"blade e-mail", tmplBlade, `info@if.com`, nil},
		{"blade php block", tmplBlade, "@php\n$a = '?>';\n@endphp x", []tag{{"@php\n$a = '?>';\n@endphp", stmt}}},
		{"blade verbatim", tmplBlade, `@verbatim {{ a }} @endverbatim`, []tag{{`@verbatim`, stmt}, {`@endverbatim`, stmt}}},
		{"blade json", tmplBlade, `var a = @json($a);`, []tag{{`@json($a)`, out}}},
		{"liquid output and tag", tmplLiquid, `{{ product.vendor }}{%- if a -%}`, []tag{{`{{ product.vendor }}`, out}, {`{%- if a -%}`, stmt}}},
		{"liquid first closer", tmplLiquid, `{{ "}}" }}`, []tag{{`{{ "}}`, out}}},
		{"liquid comment block", tmplLiquid, `{% comment %} '>cs x' {% endcomment %}y`, []tag{{`{% comment %} '>cs x' {% endcomment %}`, cmt}}},
		{"liquid inline comment", tmplLiquid, `{% # note %}`, []tag{{`{% # note %}`, cmt}}},
		{"liquid raw", tmplLiquid, `{% raw %}{{ a }}{% endraw %}`, []tag{{`{% raw %}`, stmt}, {`{% endraw %}`, stmt}}},
		{"liquid hash is no comment", tmplLiquid, `{# a #}`, nil},
		{"twig string holds closer", tmplTwig, `{{ "}}" ~ a }} {% set b = '%}' %}`, []tag{{`{{ "}}" ~ a }}`, out}, {`{% set b = '%}' %}`, stmt}}},
		{"twig comment", tmplTwig, `{# a '#}`, []tag{{`{# a '#}`, cmt}}},
		{"twig verbatim", tmplTwig, `{% verbatim %}{{ a }}{% endverbatim %}`, []tag{{`{% verbatim %}`, stmt}, {`{% endverbatim %}`, stmt}}},
		{"jinja trim", tmplJinja, `{{- a -}}{%+ if b %}`, []tag{{`{{- a -}}`, out}, {`{%+ if b %}`, stmt}}},
		{"jinja raw unclosed", tmplJinja, `{% raw %}{{ a }}`, []tag{{`{% raw %}`, stmt}}},
		{"unclosed output", tmplJinja, `{{ a <b>`, nil},
		{"erb", tmplERB, `<%= a %><% if b %><%# c %><%- d -%>`, []tag{{`<%= a %>`, out}, {`<% if b %>`, stmt}, {`<%# c %>`, cmt}, {`<%- d -%>`, stmt}}},
		{"erb literal", tmplERB, `<%% a %>`, nil},
		{"erb first closer", tmplERB, `<%= "%>" %>`, []tag{{`<%= "%>`, out}}},
		{"ejs", tmplEJS, `<%- a %><%_ b _%>`, []tag{{`<%- a %>`, out}, {`<%_ b _%>`, stmt}}},
		{"handlebars", tmplHandlebars, `{{#if a}}{{b}}{{/if}}{{{c}}}{{! d}}{{!-- }} --}}{{else}}{{^e}}{{> p}}`,
			[]tag{{`{{#if a}}`, stmt}, {`{{b}}`, out}, {`{{/if}}`, stmt}, {`{{{c}}}`, out}, {`{{! d}}`, cmt}, {`{{!-- }} --}}`, cmt}, {`{{else}}`, stmt}, {`{{^e}}`, stmt}, {`{{> p}}`, out}}},
		{"handlebars escaped", tmplHandlebars, `\{{a}} {{b}}`, []tag{{`{{b}}`, out}}},
		{"go", tmplGo, `{{ if .A }}{{ .B }}{{ end }}{{- /* c }} */ -}}{{ $x := 1 }}{{ $x }}{{ "}}" }}`,
			[]tag{{`{{ if .A }}`, stmt}, {`{{ .B }}`, out}, {`{{ end }}`, stmt}, {`{{- /* c }} */ -}}`, cmt}, {`{{ $x := 1 }}`, stmt}, {`{{ $x }}`, out}, {`{{ "}}" }}`, out}}},
		{"go raw string", tmplGo, "{{ `}}` }}", []tag{{"{{ `}}` }}", out}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			masked, tags := tmplMask(tt.d, []byte(tt.src))
			var got []tag
			for _, g := range tags {
				got = append(got, tag{tt.src[g.Start:g.End], g.Kind})
			}
			assert.Equal(t, tt.want, got)
			checkMask(t, []byte(tt.src), masked, tags)
		})
	}
}

// checkMask asserts what masking promises: the same length, every byte
// outside a tag kept, every byte of a tag filler except line breaks.
func checkMask(t *testing.T, src, masked []byte, tags []tmplTag) {
	t.Helper()
	require.Len(t, masked, len(src))
	in := make([]bool, len(src))
	prev := 0
	for _, g := range tags {
		require.True(t, prev <= g.Start && g.Start < g.End && g.End <= len(src), "tag %d..%d after %d", g.Start, g.End, prev)
		prev = g.End
		for i := g.Start; i < g.End; i++ {
			in[i] = true
		}
	}
	for i := range src {
		switch {
		case !in[i], src[i] == '\n', src[i] == '\r':
			require.Equal(t, src[i], masked[i], "byte %d", i)
		default:
			require.Contains(t, []byte{tmplFillOutput, tmplFillOther}, masked[i], "byte %d", i)
		}
	}
}

func TestTemplateExtract(t *testing.T) {
	type str struct {
		text string
		host string // the host bytes of the whole text
	}
	ph := string(Placeholder)
	tests := []struct {
		name string
		d    tmplDialect
		src  string
		want []str
	}{
		{"liquid placeholder", tmplLiquid, `<script>web1on1.api.sendClientMessage('>cs .brand {{ product.vendor }}')</script>`,
			[]str{{">cs .brand " + ph, `>cs .brand {{ product.vendor }}`}}},
		{"statement is absent", tmplTwig, `<script>f('>cs /set @category {% if a %}Used{% else %}New{% endif %} Car')</script>`,
			[]str{{">cs /set @category UsedNew Car", `>cs /set @category {% if a %}Used{% else %}New{% endif %} Car`}}},
		{"comment is absent", tmplJinja, `<script>f('>cs /notify{# x #}')</script>`, []str{{">cs /notify", `>cs /notify`}}},
		{"php in handler", tmplPHP, `<button onclick="web1on1.api.sendClientMessage('>cs /assign <?= $agent ?>')">`,
			[]str{{">cs /assign " + ph, `>cs /assign <?= $agent ?>`}}},
		{"php echo with quotes", tmplPHP, `<script>f('>cs .brand <?php echo '\'' . $b; ?>')</script>`,
			[]str{{">cs .brand " + ph, `>cs .brand <?php echo '\'' . $b; ?>`}}},
		{"output as argument", tmplBlade, `<script>web1on1.api.sendClientMessage({{ $msg }})</script>`, nil},
		{"php around script", tmplPHP, "<?php if ($chat): ?>\n<script>f('>cs /notify')</script>\n<?php endif; ?>",
			[]str{{">cs /notify", ">cs /notify"}}},
		{"command in a tag is not a message", tmplPHP, `<?php echo "<script>f('>cs /sett a')</script>"; ?>`, nil},
		{"erb escape before tag", tmplERB, `<script>f('>cs .name \u00e9<%= x %>')</script>`,
			[]str{{">cs .name é" + ph, `>cs .name \u00e9<%= x %>`}}},
		{"two placeholders", tmplHandlebars, `<script>f('>cs .location {{org}}#{{dept}}')</script>`,
			[]str{{">cs .location " + ph + "#" + ph, `>cs .location {{org}}#{{dept}}`}}},
		{"go template", tmplGo, `<script>f(">cs /notify {{ .Inbox }}")</script>`, []str{{">cs /notify " + ph, `>cs /notify {{ .Inbox }}`}}},
		{"go template in handler entity", tmplGo, `<b onclick="f('&gt;cs /notify {{ .Inbox }}')">`, []str{{">cs /notify " + ph, `&gt;cs /notify {{ .Inbox }}`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, err := Extract(tmplLang(tt.d), src)
			require.NoError(t, err)
			var got []str
			for _, s := range f.Strings {
				got = append(got, str{s.Text, tt.src[s.HostOffset(0):s.HostEnd(len(s.Text))]})
			}
			assert.Equal(t, tt.want, got)
			checkFile(t, src, f)
		})
	}
}

func TestTemplateSuppressionComment(t *testing.T) {
	src := []byte("{# cscmd-ignore syntax #}<script>f('>cs')</script><!-- cscmd-ignore prefix -->")
	f, err := Extract(Twig, src)
	require.NoError(t, err)
	require.Len(t, f.Comments, 2)
	assert.Equal(t, "{# cscmd-ignore syntax #}", f.Comments[0].Text)
	assert.Equal(t, "<!-- cscmd-ignore prefix -->", f.Comments[1].Text)
}

func FuzzTemplate(f *testing.F) {
	for _, seed := range []string{
		`<?php echo "?>"; ?><script>f('>cs .a <?= $b ?>')</script>`,
		`{{ a }}{% if %}{# c #}<b onclick="f('>cs /set @category {{ x }}')">`,
		`<%= a %><script>f('>cs /assign <%= id %>')</script>`,
		`{{#if}}<script>f('>cs @{{id}} hi')</script>{{/if}}`,
		"<?php $a = <<<EOT\n?>\nEOT;\n?><script>'>cs /notify'</script>",
		`@if($a)<script>f('>cs .b {{ $c }}')</script>@endif`,
	} {
		for d := tmplPHP; d <= tmplGo; d++ {
			f.Add(byte(d), []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, d byte, src []byte) {
		dialect := tmplDialect(int(d)%int(tmplGo) + 1)
		orig := bytes.Clone(src)
		masked, tags := tmplMask(dialect, src)
		checkMask(t, src, masked, tags)
		file, _ := Extract(tmplLang(dialect), src)
		require.Equal(t, orig, src, "the input must not be modified")
		checkFile(t, src, file)
	})
}
