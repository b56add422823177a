// The widget API as documented, with the seed's commands.
web1on1.open();
web1on1.close();
if (web1on1.isOpened()) {
  web1on1.setPredefinedMessage('I want to book a test drive');
}
web1on1.api.showFakeAgentMessage('Welcome to the chat');
web1on1.api.showFakeAgentMessage('Welcome to the chat', 'Acme Corp');
web1on1.api.sendClientMessage('Hello');

web1on1.api.sendClientMessage('>cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5');
web1on1.api.sendClientMessage('>cs +6093490651a8b5629324ae4f');
web1on1.api.sendClientMessage(">cs .brand Toyota");
web1on1.api.sendClientMessage('>cs /set @category Used Car');
web1on1.api.sendClientMessage('>cs /set isLead yes');
web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301');
web1on1.api.sendClientMessage('>cs /notify 605411853c68d83fd1ac7655');
web1on1.api.sendClientMessage('>cs /notify');
web1on1.api.sendClientMessage('>cs @6248f0083ab5d5001e523146 Hello this is for you');

// Shown to the visitor instead of being run.
web1on1.setPredefinedMessage('>cs /set isLead yes');
web1on1.api.showFakeAgentMessage('>cs /notify', 'Bot');

// Misspelt members and wrong argument counts.
web1on1.opne();
web1on1.api.sendClientMesage('>cs /notify');
web1on1.api.sendClientMessage();
web1on1.api.sendClientMessage('>cs /notify', 'extra',);
window.web1on1.api.sendClientMessage(
  '>cs /set isLead yes',
);
web1on1?.api?.sendClientMessage(">cs /notify");

// Near misses are extracted; the grammar judges them.
const nearMisses = [' >cs /set isLead yes', '>CS /set isLead yes', '>cs/set isLead yes', '> cs /notify', '>csv data'];
// Not candidates.
const others = ['hello', 'x >cs /notify', '>c s', '>', "", `text`, '>>cs'];
