// Package benchdoc writes the large documents that the benchmarks of more
// than one package edit: a Vue or Svelte component, a PHP template page and a tag
// manager's export of many lines, with handlers, bound props,
// interpolations, template tags and HTML in JSON strings.
package benchdoc

import (
	"strconv"
	"strings"
)

// Page returns n lines written by line.
func Page(n int, line func(*strings.Builder, int)) []byte {
	var b strings.Builder
	for i := range n {
		line(&b, i)
	}
	return []byte(b.String())
}

// Lines is a document whose line i is Lines[i%len(Lines)], with each
// "{i}" in it written as i; every fifth line, from the third, holds an
// /assign command where a benchmark may ask for completion.
type Lines []string

// Line writes line i.
func (l Lines) Line(doc *strings.Builder, i int) {
	doc.WriteString(strings.ReplaceAll(l[i%len(l)], "{i}", strconv.Itoa(i)))
}

var (
	vueLines = Lines{
		"    <button @click=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">Used</button>\n",
		"    <p class=\"price\" :title=\"item{i}.name\">{{ total }} for item {i}</p>\n",
		"    <button @click=\"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')\">Sales</button>\n",
		"    <ChatButton :message=\"'>cs .brand ' + brand\" v-if=\"shown\" />\n",
		"    <!-- line {i} -->\n",
	}
	svelteLines = Lines{
		"    <button on:click={() => web1on1.api.sendClientMessage('>cs /set @category Used Car')}>Used</button>\n",
		"    <p class=\"price\" title={item{i}.name}>{total} for item {i}</p>\n",
		"    <button on:click={() => web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')}>Sales</button>\n",
		"    {#if shown}<ChatButton message={'>cs .brand ' + brand} />{/if}\n",
		"    <!-- line {i} -->\n",
	}
	phpLines = Lines{
		"<?php if ( $used ) : ?><button onclick=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">Used</button><?php endif; ?>\n",
		"<p class=\"price\"><?php echo esc_html( $total ); ?> for item {i}</p>\n",
		"    <button onclick=\"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')\">Sales</button>\n",
		"<button onclick=\"web1on1.api.sendClientMessage('>cs .brand <?= esc_js( $brand ) ?>')\">Brand</button>\n",
		"<!-- line {i} -->\n",
	}
	gtmLines = Lines{
		`{"type": "html", "parameter": [{"key": "html", "value": "<button onclick=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">{i}</button>"}]},` + "\n",
		`{"type": "html", "parameter": [{"key": "html", "value": "<button onclick=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">{i}</button>"}]},` + "\n",
		`{"type": "html", "parameter": [{"key": "html", "value": "<script>\n web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301');\n</script>"}]},` + "\n",
		`{"type": "gaawc", "parameter": [{"key": "measurementId", "value": "G-ABC{i}"}]},` + "\n",
		`{"type": "html", "parameter": [{"key": "html", "value": "<script>\n  window.dataLayer.push({event: 'tag-{i}'});\n</script>"}]},` + "\n",
	}
)

// VueLine writes line i of a component.
func VueLine(doc *strings.Builder, i int) {
	if i == 0 {
		doc.WriteString("<template>")
	}
	vueLines.Line(doc, i)
}

// SvelteLine writes line i of a Svelte component, shaped like VueLine's.
func SvelteLine(doc *strings.Builder, i int) { svelteLines.Line(doc, i) }

// PHPLine writes line i of a WordPress-style template page, shaped like
// VueLine's.
func PHPLine(doc *strings.Builder, i int) { phpLines.Line(doc, i) }

// GTMLine writes line i of a tag manager's container export of 10,000
// tags, one a line: every tag's HTML is a document in a JSON string,
// scripts and handlers inside it.
func GTMLine(doc *strings.Builder, i int) {
	if i == 0 {
		doc.WriteString(`{"containerVersion": {"tag": [`)
	}
	gtmLines.Line(doc, i)
	if i == 9999 {
		doc.WriteString(`{"type": "end"}]}}` + "\n")
	}
}
