web1on1.api.sendClientMessage('>cs /sett excluded by the config');
