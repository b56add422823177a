// Package benchdoc writes the large documents that the benchmarks of more
// than one package edit: a Vue or Svelte component, a PHP template page and a tag
// manager's export of many lines, with handlers, bound props,
// interpolations, template tags and HTML in JSON strings.
package benchdoc

import (
	"fmt"
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

// VueLine writes line i of a component; every fifth line, from the third,
// is an /assign handler where a benchmark may ask for completion.
func VueLine(doc *strings.Builder, i int) {
	if i == 0 {
		doc.WriteString("<template>")
	}
	switch i % 5 {
	case 0:
		fmt.Fprintf(doc, "    <button @click=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">Used</button>\n")
	case 1:
		fmt.Fprintf(doc, "    <p class=\"price\" :title=\"item%d.name\">{{ total }} for item %d</p>\n", i, i)
	case 2:
		fmt.Fprintf(doc, "    <button @click=\"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')\">Sales</button>\n")
	case 3:
		fmt.Fprintf(doc, "    <ChatButton :message=\"'>cs .brand ' + brand\" v-if=\"shown\" />\n")
	default:
		fmt.Fprintf(doc, "    <!-- line %d -->\n", i)
	}
}

// SvelteLine writes line i of a Svelte component, shaped like VueLine's.
func SvelteLine(doc *strings.Builder, i int) {
	switch i % 5 {
	case 0:
		fmt.Fprintf(doc, "    <button on:click={() => web1on1.api.sendClientMessage('>cs /set @category Used Car')}>Used</button>\n")
	case 1:
		fmt.Fprintf(doc, "    <p class=\"price\" title={item%d.name}>{total} for item %d</p>\n", i, i)
	case 2:
		fmt.Fprintf(doc, "    <button on:click={() => web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')}>Sales</button>\n")
	case 3:
		fmt.Fprintf(doc, "    {#if shown}<ChatButton message={'>cs .brand ' + brand} />{/if}\n")
	default:
		fmt.Fprintf(doc, "    <!-- line %d -->\n", i)
	}
}

// PHPLine writes line i of a WordPress-style template page, shaped like
// VueLine's.
func PHPLine(doc *strings.Builder, i int) {
	switch i % 5 {
	case 0:
		fmt.Fprintf(doc, "<?php if ( $used ) : ?><button onclick=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">Used</button><?php endif; ?>\n")
	case 1:
		fmt.Fprintf(doc, "<p class=\"price\"><?php echo esc_html( $total ); ?> for item %d</p>\n", i)
	case 2:
		fmt.Fprintf(doc, "    <button onclick=\"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')\">Sales</button>\n")
	case 3:
		fmt.Fprintf(doc, "<button onclick=\"web1on1.api.sendClientMessage('>cs .brand <?= esc_js( $brand ) ?>')\">Brand</button>\n")
	default:
		fmt.Fprintf(doc, "<!-- line %d -->\n", i)
	}
}

// GTMLine writes line i of a tag manager's container export, one tag a
// line: every tag's HTML is a document in a JSON string, scripts and
// handlers inside it.
func GTMLine(doc *strings.Builder, i int) {
	if i == 0 {
		doc.WriteString(`{"containerVersion": {"tag": [`)
	}
	switch i % 5 {
	case 0, 1:
		fmt.Fprintf(doc, `{"type": "html", "parameter": [{"key": "html", "value": "<button onclick=\"web1on1.api.sendClientMessage('>cs /set @category Used Car')\">%d</button>"}]},`+"\n", i)
	case 2:
		fmt.Fprintf(doc, `{"type": "html", "parameter": [{"key": "html", "value": "<script>\n web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301');\n</script>"}]},`+"\n")
	case 3:
		fmt.Fprintf(doc, `{"type": "gaawc", "parameter": [{"key": "measurementId", "value": "G-ABC%d"}]},`+"\n", i)
	default:
		fmt.Fprintf(doc, `{"type": "html", "parameter": [{"key": "html", "value": "<script>\n  window.dataLayer.push({event: 'tag-%d'});\n</script>"}]},`+"\n", i)
	}
	if i == 9999 {
		doc.WriteString(`{"type": "end"}]}}` + "\n")
	}
}
