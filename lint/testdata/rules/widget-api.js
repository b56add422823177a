// widget-api: calls on web1on1 that the widget does not have, or with the
// wrong number of arguments.

// bad: a misspelt member (suggestion)
web1on1.opne();
web1on1.isOpen();
web1on1.api.sendClientMesage('>cs /notify');
// bad: a member at the wrong level (suggestion)
web1on1.sendClientMessage('>cs /notify');
web1on1.showFakeAgentMessage('Welcome to the chat');
// bad: a member far from any (lists them all)
web1on1.reset();
web1on1.api.sendMessage('Hello');
// bad: "api" is not callable
web1on1.api();
// bad: too few arguments
web1on1.setPredefinedMessage();
web1on1.api.sendClientMessage();
web1on1.api.showFakeAgentMessage();
// bad: too many arguments
web1on1.open('now');
web1on1.close(true);
web1on1.isOpened(1, 2);
web1on1.api.sendClientMessage('>cs /notify', 'now');
web1on1.api.showFakeAgentMessage('Welcome to the chat', 'Acme Corp', 3);
// bad: arguments over several lines
web1on1.api.sendClientMessage(
  '>cs /notify',
  'extra'
);
// bad: through window
window.web1on1.opne();
// bad: the column counts the code points of "Grüße" as one each
/* Grüße */ web1on1.opne();
// good: every call of the widget document
web1on1.open();
web1on1.close();
web1on1.isOpened();
web1on1.setPredefinedMessage('I want to book a test drive');
web1on1.api.showFakeAgentMessage('Welcome to the chat');
web1on1.api.showFakeAgentMessage('Welcome to the chat', 'Acme Corp');
web1on1.api.sendClientMessage('Hello');
// good: one argument holding a call with two
web1on1.setPredefinedMessage(greeting(name, 'nl'));
// good: a trailing comma is not an argument
web1on1.api.sendClientMessage('>cs /notify',);
// good: a spread counts as one argument
web1on1.api.sendClientMessage(...args);
// good: a member read without a call is not checked
const send = web1on1.api.sendClientMessage;
// good: another object's methods are not the widget's
chat.opne();
// edge: suppressed by a comment on the line above
// cscmd-ignore widget-api
web1on1.opne();
// edge: suppressed by a comment on the same line
web1on1.opne(); // cscmd-ignore widget-api
// edge: a suppression with a reason after the rule list
web1on1.close(true); // cscmd-ignore widget-api legacy embed passes a flag
