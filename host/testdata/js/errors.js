var ok = '>cs /notify';
var bad = '>cs /set unterminated
var later = '>cs /set after error';
var x = 1 @ 2;
var tmpl = `>cs /notify ${never closed
