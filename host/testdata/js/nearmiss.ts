// TypeScript with casts, generics and decorators.
@Component({ selector: 'app-chat', template: '<p>>cs not here</p>' })
export class Chat<T extends object> {
  @Input() message: string = '>cs /set isLead yes';
  private x = <any>window;
  private y = <HTMLElement>document.body;
  constructor(private readonly http: Http<T>) {}
  send(id: string): void {
    const m = new Map<string, RegExp>();
    const z = this.items.filter((i): i is Item => i.ok) as Item[];
    (<any>window).web1on1.api.sendClientMessage('>cs /assign ' + id);
    web1on1.api.sendClientMessage(`>cs /set ${key as string} yes`);
    const re: RegExp = /'>cs/;
    const gen = <U,>(u: U): U => u;
    let v = a < b && c > d ? '>cs /notify' : '';
  }
}
enum Kind { A = '>cs /notify', B = 'b' }
type Fn = <Q>(q: Q) => Q;
const last = '>cs /set done yes';
