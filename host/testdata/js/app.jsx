// JSX: text is not a string; attributes and containers are.
import React from 'react';

export function Chat({ agent, visible }) {
  const open = () => web1on1.api.sendClientMessage('>cs /set isLead yes');
  return (
    <div className="chat" title=">cs /notify" data-x='&gt;cs /set a b'>
      >cs /set isLead no — this is text
      Don't "quote" me; it's text.
      <button onClick={() => web1on1.api.sendClientMessage(`>cs /assign ${agent.id}`)}>
        Assign {agent.name}
      </button>
      {visible && <span title={'>cs /notify'}>{'>cs /set shown yes'}</span>}
      {/* cscmd-ignore prefix */}
      <Foo.Bar {...props} x={<i title=">cs /set icon yes" />} />
      <>
        <p>a / b / c 'x</p>
      </>
      <input disabled value="plain" />
    </div>
  );
}
const after = 1 < 2 ? '>cs /notify' : null;
