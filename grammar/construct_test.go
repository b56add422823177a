package grammar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConstructorsRefuse(t *testing.T) {
	for name, call := range map[string]func() (string, error){
		"empty category":        func() (string, error) { return SetCategory("  ") },
		"category line break":   func() (string, error) { return SetCategory("a\r\nb") },
		"category invalid utf8": func() (string, error) { return SetCategory("a\xff") },
		"reserved variable":     func() (string, error) { return SetVariable("@category", "x") },
		"bad variable name":     func() (string, error) { return SetVariable("1x", "yes") },
		"variable with space":   func() (string, error) { return SetVariable("is lead", "yes") },
		"empty variable value":  func() (string, error) { return SetVariable("isLead", "") },
		"field location":        func() (string, error) { return SetField("location", "x") },
		"bad field name":        func() (string, error) { return SetField(".brand", "x") },
		"bad organization":      func() (string, error) { return SetLocation("x", "") },
		"bad department":        func() (string, error) { return SetLocation("61be87aeafdf672d381a9db4", "61be87aeafdf672d381a9dbz") },
		"department with hash":  func() (string, error) { return SetLocation("61be87aeafdf672d381a9db4", "#61be87aeafdf672d381a9db") },
		"bad form":              func() (string, error) { return ActivateForm("") },
		"bad assign":            func() (string, error) { return Assign("62c6077ca980127f404b0301 x") },
		"bad inbox":             func() (string, error) { return Notify("sales") },
		"bad mention":           func() (string, error) { return Mention("jane", "hi") },
		"mention line break":    func() (string, error) { return Mention("6248f0083ab5d5001e523146", "a\nb") },
	} {
		got, err := call()
		assert.Error(t, err, name)
		assert.Empty(t, got, name)
	}
}

func TestConstructorsParseBack(t *testing.T) {
	cmds := []func() (string, error){
		func() (string, error) { return SetCategory("Used Car") },
		func() (string, error) { return SetVariable("lead.score-2", "  very   high ") },
		func() (string, error) { return SetField("brand", "Citroën 😀") },
		func() (string, error) { return SetLocation("61be87aeafdf672d381a9db4", "") },
		func() (string, error) { return Mention("6248f0083ab5d5001e523146", "") },
	}
	want := []string{
		">cs /set @category Used Car",
		">cs /set lead.score-2 very   high",
		">cs .brand Citroën 😀",
		">cs .location 61be87aeafdf672d381a9db4",
		">cs @6248f0083ab5d5001e523146",
	}
	for i, call := range cmds {
		got, err := call()
		assert.NoError(t, err)
		assert.Equal(t, want[i], got)
		_, err = Parse(got)
		assert.NoError(t, err)
	}
}
