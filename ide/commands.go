package ide

import (
	"strings"
)

// command documents one form of the language, for hover and completion.
// The examples are those of the widget's documentation.
type command struct {
	form     string // as typed after ">cs ": "/set", ".", "+", "@"
	summary  string // one line, lowercase, for completion details
	syntax   []string
	about    string
	examples []string
}

var (
	cmdField = command{
		form:     ".",
		summary:  "set a contact-profile or form field",
		syntax:   []string{".NAME VALUE", ".location ORG[#DEPT]"},
		about:    "Sets a field of the contact's profile or of an active form to the rest of the line. `.location` sets the contact's location: an organization id, optionally followed by `#` and the id of one of its departments.",
		examples: []string{">cs .brand Toyota", ">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5"},
	}
	cmdLocation = command{
		form:     ".location",
		summary:  "set the contact's location",
		syntax:   []string{".location ORG[#DEPT]"},
		about:    "Sets the contact's location: an organization id, optionally followed by `#` and the id of one of that organization's departments.",
		examples: []string{">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5"},
	}
	cmdForm = command{
		form:     "+",
		summary:  "activate a form",
		syntax:   []string{"+FORM"},
		about:    "Activates the form with this id in the conversation; `.NAME VALUE` then fills in its fields.",
		examples: []string{">cs +6093490651a8b5629324ae4f"},
	}
	cmdSet = command{
		form:     "/set",
		summary:  "set a conversation meta variable or the category",
		syntax:   []string{"/set NAME VALUE", "/set @category VALUE"},
		about:    "Sets a permanent conversation meta variable, which routing rule conditions can use to trigger routes. With the reserved name `@category` it sets the conversation category instead.",
		examples: []string{">cs /set isLead yes", ">cs /set @category Used Car"},
	}
	cmdAssign = command{
		form:     "/assign",
		summary:  "assign the conversation to a user or bot",
		syntax:   []string{"/assign ID"},
		about:    "Assigns the conversation to the user or bot with this id.",
		examples: []string{">cs /assign 62c6077ca980127f404b0301"},
	}
	cmdNotify = command{
		form:     "/notify",
		summary:  "notify an inbox, or every organization",
		syntax:   []string{"/notify [INBOX]"},
		about:    "Notifies the team inbox with this id; without an id, notifies all organizations.",
		examples: []string{">cs /notify 605411853c68d83fd1ac7655", ">cs /notify"},
	}
	cmdMention = command{
		form:     "@",
		summary:  "mention a user or bot",
		syntax:   []string{"@ID TEXT"},
		about:    "Mentions the user or bot with this id, with the rest of the line as the message for them.",
		examples: []string{">cs @6248f0083ab5d5001e523146 Hello this is for you"},
	}
	cmdPrefix = command{
		form:     ">cs",
		summary:  "command prefix",
		syntax:   []string{">cs COMMAND"},
		about:    "Marks a command message: the widget runs it instead of sending it to the conversation as chat. `>cs` must start the message and be followed by a space.",
		examples: []string{">cs /set @category Used Car"},
	}
)

// commands are the command forms in the order completion offers them.
var commands = []command{cmdField, cmdForm, cmdSet, cmdAssign, cmdNotify, cmdMention}

// verbs are the commands written with a slash.
var verbs = []command{cmdSet, cmdAssign, cmdNotify}

// markdown is the command's documentation page, for hover and completion.
func (c command) markdown() string {
	var b strings.Builder
	b.WriteString("**" + c.form + "** — " + c.summary + "\n\n```cscmd\n")
	b.WriteString(strings.Join(c.syntax, "\n"))
	b.WriteString("\n```\n\n" + c.about + "\n\nExample:\n\n```cscmd\n")
	b.WriteString(strings.Join(c.examples, "\n"))
	b.WriteString("\n```")
	return b.String()
}
