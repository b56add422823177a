import * as React from 'react';

interface Props { id: string; }
const identity = <T,>(x: T): T => x;
const cast = (<any>window).web1on1;

export const Button: React.FC<Props> = ({ id }: Props) => {
  const send = React.useCallback(() => {
    web1on1.api.sendClientMessage('>cs /assign ' + id);
  }, [id]);
  return <button onClick={send} aria-label=">cs /notify">Send &gt;cs /notify</button>;
};

export function List<T extends { id: string }>({ items }: { items: T[] }) {
  return (
    <ul>
      {items.map((i) => (
        <li key={i.id} onClick={() => web1on1.setPredefinedMessage(`>cs /set item ${i.id}`)}>
          {i.id > '5' ? 'big' : 'small'}
        </li>
      ))}
    </ul>
  );
}
const tail = '>cs /set tail yes';
