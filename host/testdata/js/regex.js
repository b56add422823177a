// A regexp literal may hold quotes and >cs; a division never starts one.
var a = 1, b = 2, c = 3, s = '', y = '';
var d = a / b / c;
var x = /'>cs/.test(s);
var z = /[/]>cs'/;
var w = a / b + ">cs /notify" / 2;
if (x) /'>cs "/.test(y);
while (false) /"/g.exec(s);
var p = [a][0] / b / '>cs /set a b';
var q = (a) / b / ">cs /set c d";
var r = x.return / 2 / '>cs /set e f';
function f() { return /'>cs'/g; }
var t = typeof /'/ === 'object' ? '>cs /assign 62c6077ca980127f404b0301' : 'no';
var u = a++ / 2, v = '>cs /notify';
var eq = s.replace(/=/g, '') /= 2;
label: /'/.source;
var tpl = `${a / b}` + '>cs /set g h';
