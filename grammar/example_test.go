package grammar_test

import (
	"fmt"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
)

func ExampleParse() {
	msg, err := grammar.Parse(">cs /set @category Used Car")
	if err != nil {
		fmt.Println(err)
		return
	}
	switch m := msg.(type) {
	case *ast.Set:
		fmt.Printf("set %s to %q (reserved: %v)\n", m.Name.Name, m.Value.Value, m.Reserved())
	case *ast.Chat:
		fmt.Println("chat:", m.Text)
	}
	// Output: set @category to "Used Car" (reserved: true)
}

func ExampleParse_errors() {
	_, err := grammar.Parse(">cs /sett isLead yes")
	for _, e := range err.(grammar.ErrorList) {
		fmt.Printf("%s: %s [%s] suggest %q\n", e.Pos, e.Msg, e.Code, e.Suggest)
	}
	// Output: 1:5: unknown command "/sett"; did you mean "/set"? [unknown-command] suggest "/set"
}

func ExampleParseDocument() {
	src := "# sent when the page opens\n>cs .brand Toyota\n\n>cs /assign 62c6077ca980127f404b0301\n"
	doc, errs := grammar.ParseDocument([]byte(src))
	for _, m := range doc.Messages {
		fmt.Printf("line %d: %s\n", m.Pos().Line, m.Kind())
	}
	fmt.Println(len(errs), "errors")
	// Output:
	// line 2: field
	// line 4: assign
	// 0 errors
}

func ExampleIsCommand() {
	for _, msg := range []string{">cs /notify", "Hello", ">csv data"} {
		fmt.Println(grammar.IsCommand(msg))
	}
	// Output:
	// true
	// false
	// false
}

func ExampleClassify() {
	for _, msg := range []string{">cs /notify", ">CS /notify", "Hello"} {
		fmt.Println(grammar.Classify(msg))
	}
	// Output:
	// command
	// near miss
	// chat
}

func ExampleSetCategory() {
	cmd, err := grammar.SetCategory("  Used Car ")
	fmt.Println(cmd, err)
	_, err = grammar.SetCategory("Used\nCar")
	fmt.Println(err)
	// Output:
	// >cs /set @category Used Car <nil>
	// category holds a line break; a command is one line
}

func ExampleSetLocation() {
	cmd, _ := grammar.SetLocation("61BE87AEAFDF672D381A9DB4", "61be87aeafdf672d381a9db5")
	fmt.Println(cmd)
	_, err := grammar.SetLocation("61be87aeafdf672d381a9db", "")
	fmt.Println(err)
	// Output:
	// >cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5
	// organization id must be 24 hex digits, got 23
}

func ExampleSetVariable() {
	cmd, _ := grammar.SetVariable("isLead", "yes")
	fmt.Println(cmd)
	// Output: >cs /set isLead yes
}

func ExampleSetField() {
	cmd, _ := grammar.SetField("brand", "Toyota")
	fmt.Println(cmd)
	// Output: >cs .brand Toyota
}

func ExampleActivateForm() {
	cmd, _ := grammar.ActivateForm("6093490651a8b5629324ae4f")
	fmt.Println(cmd)
	// Output: >cs +6093490651a8b5629324ae4f
}

func ExampleAssign() {
	cmd, _ := grammar.Assign("62c6077ca980127f404b0301")
	fmt.Println(cmd)
	// Output: >cs /assign 62c6077ca980127f404b0301
}

func ExampleNotify() {
	one, _ := grammar.Notify("605411853c68d83fd1ac7655")
	all, _ := grammar.Notify("")
	fmt.Println(one)
	fmt.Println(all)
	// Output:
	// >cs /notify 605411853c68d83fd1ac7655
	// >cs /notify
}

func ExampleMention() {
	cmd, _ := grammar.Mention("6248f0083ab5d5001e523146", "Hello this is for you")
	fmt.Println(cmd)
	// Output: >cs @6248f0083ab5d5001e523146 Hello this is for you
}

func ExampleBase() {
	// A message cut out of a larger file keeps the file's positions.
	msg, _ := grammar.Parse(">cs /assign 62c6077ca980127f404b0301",
		grammar.Base(ast.Pos{Offset: 120, Line: 7, Column: 9}))
	fmt.Println(msg.Pos(), msg.Pos().Offset)
	// Output: 7:9 120
}

func ExamplePlaceholders() {
	// `'>cs /assign ' + agentId` in a page: the id is filled in at run time.
	text := ">cs /assign " + string(ast.Placeholder)
	_, err := grammar.Parse(text, grammar.Placeholders())
	fmt.Println(err)
	_, err = grammar.Parse(text)
	fmt.Println(err != nil)
	// Output:
	// <nil>
	// true
}

func ExampleLines() {
	for l := range grammar.Lines([]byte("# opens the form\n\n>cs +6093490651a8b5629324ae4f\r\n")) {
		fmt.Printf("%d %d %q\n", l.Pos.Line, l.Kind, l.Text)
	}
	// Output:
	// 1 1 "# opens the form"
	// 2 0 ""
	// 3 2 ">cs +6093490651a8b5629324ae4f"
	// 4 0 ""
}
