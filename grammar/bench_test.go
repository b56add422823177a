package grammar

import (
	"regexp"
	"testing"
)

// The baselines are what a service would write without cscmd: a regexp that
// tells commands from chat, and one that picks a command apart.
var (
	reCommand = regexp.MustCompile(`^>cs[ \t]`)
	reParse   = regexp.MustCompile(`^>cs[ \t]+(?:(/set)[ \t]+(\S+)[ \t]+(.*\S)|(/assign)[ \t]+([0-9a-fA-F]{24})|(/notify)(?:[ \t]+([0-9a-fA-F]{24}))?|\.(\S+)[ \t]+(.*\S)|\+([0-9a-fA-F]{24})|@([0-9a-fA-F]{24})(?:[ \t]+(.*\S))?)[ \t]*$`)
)

const (
	benchChat    = "Hello, I would like to book a test drive for the new model next week"
	benchCommand = ">cs /set @category Used Car"
)

var sinkBool bool

func BenchmarkClassifyChat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = IsCommand(benchChat)
	}
}

func BenchmarkClassifyChatNearMiss(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = Classify(benchChat) == Command
	}
}

func BenchmarkClassifyChatRegexp(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = reCommand.MatchString(benchChat)
	}
}

func BenchmarkParseCommand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(benchCommand); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCommandParticiple is BenchmarkParseCommand without the
// memo of shapes: participle parses the line every time, as it does a line
// of a shape not seen before.
func BenchmarkParseCommandParticiple(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, errs := parseWithParticiple(benchCommand, options{}); errs != nil {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseCommandRegexp(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if reParse.FindStringSubmatch(benchCommand) == nil {
			b.Fatal("no match")
		}
	}
}

func BenchmarkParseCommands(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tc := range parseCases[:9] {
			Parse(tc.in)
		}
	}
}
