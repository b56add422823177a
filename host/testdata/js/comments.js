/* A comment with 'quotes", `backticks and '>cs /notify' is not a string. */
// web1on1.api.sendClientMessage('>cs /notify');
var a = '>cs /set isLead yes'; // cscmd-ignore prefix
// cscmd-ignore unknown-variable, objectid-format
web1on1.api.sendClientMessage('>cs /set isLeed yes');
/*
 * cscmd-ignore
 * multi-line */
var b = ">cs /assign 62C6077CA980127F404B0301";
<!-- an HTML-like comment '>cs /notify'
--> also a comment '>cs /notify' when first on its line
var c = /* inline ' */ '>cs /notify';
