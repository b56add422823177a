// Embed config of the widget, with a template literal and escapes.
const category = 'Used Car';
web1on1.api.sendClientMessage(`>cs /set @category ${category}`);
web1on1.api.sendClientMessage("\x3ecs /assign 62c6077ca980127f404b0301");
web1on1.api.sendClientMessage('>cs .brand Citroën');
web1on1.api.sendClientMessage('>cs /set isLead yes'); // cscmd-ignore unknown-variable
