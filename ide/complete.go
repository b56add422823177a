package ide

import (
	"strings"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/lsp/feature"
)

// Complete returns the completion candidates at a byte offset of a document:
// what may stand in the command at the cursor, with catalog entries labelled
// by name and inserting their id. Each candidate replaces the word at the
// cursor; clients filter the candidates by what was typed of it.
//
// In a command file only the cursor's line is read; in a host file, the
// string literal holding the cursor, as extraction finds it.
func Complete(ws *Workspace, languageID string, text []byte, offset int) []feature.Completion {
	m, cur, ok := messageAt(ws.extractions(), languageID, text, offset)
	if !ok {
		return nil
	}
	at := completionAt(m.text, cur)
	if at.slot == slotNone {
		return nil
	}
	if m.str != nil {
		// A dynamic part is host code: the replaced word stops at it.
		if i := strings.LastIndex(m.text[at.from:cur], placeholder); i >= 0 {
			at.from += i + len(placeholder)
		}
		if i := strings.Index(m.text[cur:at.to], placeholder); i >= 0 {
			at.to = cur + i
		}
	}
	items := at.items(ws.Catalog())
	if len(items) == 0 {
		return nil
	}
	// The cursor maps to itself: mapping it through the string could land
	// across the gap between two literals of a `+` chain.
	start, end := offset, offset
	if at.from < cur {
		start = m.start(at.from)
	}
	if at.to > cur {
		end = m.end(at.to)
	}
	out := items[:0]
	for _, it := range items {
		newText, ok := m.escape(it.Edit.NewText)
		if !ok {
			continue
		}
		it.Edit = &feature.Edit{Start: start, End: end, NewText: newText}
		out = append(out, it)
	}
	return out
}

const placeholder = string(ast.Placeholder)

// slot is where the cursor stands in a command, deciding what may be
// written there.
type slot int

const (
	slotNone     slot = iota
	slotStart         // a line that is at most ">cs": whole commands
	slotHead          // after ">cs ": the command forms
	slotVerb          // after ">cs /": the verbs
	slotSetName       // after "/set ": @category and meta variables
	slotReserved      // after "/set @": the reserved names
	slotCategory      // after "/set @category ": categories
	slotField         // after ".": field names
	slotForm          // after "+": forms
	slotUser          // after "/assign " or "@": users and bots
	slotInbox         // after "/notify ": inboxes
	slotOrg           // after ".location ": organizations
	slotDept          // after ".location ORG#": that organization's departments
)

// completion is the slot at a cursor and the part of the message that a
// candidate replaces, [from, to), which holds the cursor.
type completion struct {
	slot     slot
	from, to int
	org      string // for slotDept
}

// span is a run of non-blank bytes of a message, [start, end).
type span struct{ start, end int }

// words cuts a line into its runs of non-blanks.
func words(line string) []span {
	var out []span
	for i := 0; i < len(line); {
		if line[i] == ' ' || line[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// completionAt reads the slot of the cursor cur in the message text from
// the words before it.
func completionAt(text string, cur int) completion {
	line := firstLine(text)
	if cur > len(line) {
		return completion{}
	}
	if len(line) <= len(">cs") && strings.HasPrefix(">cs", line) {
		return completion{slot: slotStart, from: 0, to: len(line)}
	}
	if !grammar.IsCommand(line) {
		return completion{} // chat, or a near miss the linter offers to fix
	}
	ws := words(line)
	// k is the index of the cursor's word; in blanks, of an empty word there.
	k, w := len(ws), span{cur, cur}
	for i, x := range ws {
		if x.start <= cur && cur <= x.end {
			k, w = i, x
			break
		}
		if x.start > cur {
			k = i
			break
		}
	}
	word := line[w.start:w.end]
	in := func(s slot, from, to int) completion { return completion{slot: s, from: from, to: to} }
	switch {
	case k == 0:
		return completion{}
	case k == 1:
		if word == "" || cur == w.start {
			return in(slotHead, w.start, w.end)
		}
		switch word[0] {
		case '/':
			return in(slotVerb, w.start, w.end)
		case '.':
			return in(slotField, w.start+1, w.end)
		case '+':
			return in(slotForm, w.start+1, w.end)
		case '@':
			return in(slotUser, w.start+1, w.end)
		}
		return in(slotHead, w.start, w.end)
	}
	head := line[ws[1].start:ws[1].end]
	switch {
	case head == "/set" && k == 2 && strings.HasPrefix(word, "@"):
		return in(slotReserved, w.start, w.end)
	case head == "/set" && k == 2:
		return in(slotSetName, w.start, w.end)
	case head == "/set" && len(ws) > 2 && line[ws[2].start:ws[2].end] == ast.Category:
		// The value is the rest of the line, spaces and all.
		from := cur
		if len(ws) > 3 && ws[3].start < cur {
			from = ws[3].start
		}
		return in(slotCategory, from, max(cur, ws[len(ws)-1].end))
	case head == "/assign" && k == 2:
		return in(slotUser, w.start, w.end)
	case head == "/notify" && k == 2:
		return in(slotInbox, w.start, w.end)
	case head == ".location" && k == 2:
		hash := strings.IndexByte(word, '#')
		if hash < 0 {
			return in(slotOrg, w.start, w.end)
		}
		hash += w.start
		if cur <= hash {
			return in(slotOrg, w.start, hash)
		}
		to := w.end
		if i := strings.IndexByte(line[hash+1:w.end], '#'); i >= 0 {
			to = hash + 1 + i
		}
		return completion{slot: slotDept, from: hash + 1, to: to, org: line[w.start:hash]}
	}
	return completion{}
}

// items lists the candidates of the slot. Each Edit holds the text to
// insert, before escaping; Complete places it.
func (c completion) items(cat *config.Catalog) []feature.Completion {
	var out []feature.Completion
	add := func(label, insert, detail, doc string, kind feature.CompletionItemKind) {
		out = append(out, feature.Completion{
			Label: label, Detail: detail, Documentation: doc, Kind: int(kind),
			Edit: &feature.Edit{NewText: insert},
		})
	}
	entries := func(kinds ...config.Kind) {
		for _, e := range cat.Entries(kinds...) {
			out = append(out, entryItem(cat, e))
		}
	}
	switch c.slot {
	case slotStart:
		for _, cmd := range commands {
			add(">cs "+cmd.form, ">cs "+cmd.form, cmd.summary, cmd.markdown(), feature.CompletionItemKindKeyword)
		}
	case slotHead:
		for _, cmd := range commands {
			add(cmd.form, cmd.form, cmd.summary, cmd.markdown(), feature.CompletionItemKindKeyword)
		}
	case slotVerb:
		for _, cmd := range verbs {
			add(cmd.form, cmd.form, cmd.summary, cmd.markdown(), feature.CompletionItemKindKeyword)
		}
	case slotSetName, slotReserved:
		add(ast.Category, ast.Category, "set the conversation category", cmdSet.markdown(), feature.CompletionItemKindKeyword)
		if c.slot == slotSetName {
			for _, v := range cat.Variables().All() {
				add(v, v, "meta variable", "", feature.CompletionItemKindVariable)
			}
		}
	case slotCategory:
		for _, name := range cat.Categories().All() {
			add(name, name, "category", "", feature.CompletionItemKindEnumMember)
		}
	case slotField:
		add("location", "location", cmdLocation.summary, cmdLocation.markdown(), feature.CompletionItemKindField)
		for _, f := range cat.Fields().All() {
			if f != "location" {
				add(f, f, "field", "", feature.CompletionItemKindField)
			}
		}
	case slotForm:
		entries(config.Form)
	case slotUser:
		entries(config.User, config.Bot)
	case slotInbox:
		entries(config.Inbox)
	case slotOrg:
		entries(config.Organization)
	case slotDept:
		for _, e := range cat.Departments(c.org) {
			out = append(out, entryItem(cat, e))
		}
	}
	return out
}

// entryItem offers a catalog entry by name, inserting its id. Clients filter
// on the filter text, so typing either the name or the id keeps it.
func entryItem(cat *config.Catalog, e config.Entry) feature.Completion {
	label := e.Name
	if label == "" {
		label = e.ID
	}
	return feature.Completion{
		Label:         label,
		Detail:        string(e.Kind) + " " + e.ID,
		Documentation: describeEntry(cat, e),
		Kind:          int(feature.CompletionItemKindReference),
		FilterText:    e.Name + " " + e.ID,
		Edit:          &feature.Edit{NewText: e.ID},
	}
}
