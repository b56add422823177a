// Buttons written into the page at run time: the handler's command is
// JavaScript inside an HTML attribute inside a JavaScript string.
const panel = document.querySelector('#chat-actions');

panel.innerHTML = '<button onclick="web1on1.api.sendClientMessage(\'>cs /sett @category Used Car\')">Used cars</button>';

panel.insertAdjacentHTML('beforeend',
  "<a href=\"#\" onclick=\"web1on1.api.sendClientMessage('>CS /set isLead yes'); return false\">Call me</a>");

function categoryButton(category, agent) {
  return `<button onclick="web1on1.api.sendClientMessage('>cs /set @category ${category}')">${category}</button>
<button onclick="web1on1.api.sendClientMessage('>cs /assign ${agent} now')">Talk to ${agent}</button>`;
}

// Not code: text and a template type.
panel.title = '<b>web1on1.api.sendClientMessage(">cs /sett x")</b>';
const tpl = '<script type="text/x-template">web1on1.api.sendClientMessage(">cs /sett x")</script>';
