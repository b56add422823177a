web1on1.api.sendClientMessage('>cs /assign ' + userId);
web1on1.api.sendClientMessage('>cs /set ' + name + ' yes');
web1on1.api.sendClientMessage('>cs /set ' + 'isLead yes');
web1on1.api.sendClientMessage('>' + "cs /notify");
web1on1.api.sendClientMessage('>cs /set category ' + user.profile.category() + '', other);
web1on1.api.sendClientMessage('>cs /set score ' + score * 2 + ' points');
web1on1.api.sendClientMessage('>cs /set count ' + (a + b));
web1on1.api.sendClientMessage('>cs /set a ' + b - c);
web1on1.api.sendClientMessage(">cs /set list " + items[0] + `${sep}` + items[1]);
web1on1.api.sendClientMessage(prefix + '>cs /notify');
web1on1.api.sendClientMessage('>cs /set trimmed yes '.trim());
web1on1.api.sendClientMessage('>cs /assign ' +
  agent.id);
const label = 'Hello ' + name;
const sum = '' + a + b;
