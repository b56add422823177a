// The languages the server serves (SPEC §2): VS Code's ids, and the file
// extensions, so that a file VS Code knows no language for (.liquid without
// a Liquid extension, say) is still served. editors/vscode_test.go checks
// both against the server's registry (package host).
export const languages = [
  'cscmd',
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
  'html', 'json', 'jsonc', 'yaml',
  'vue', 'svelte', 'astro',
  'php', 'blade', 'liquid', 'twig', 'jinja', 'jinja-html', 'nunjucks', 'erb', 'ejs', 'handlebars', 'mustache', 'gotmpl', 'gohtml',
  'markdown', 'mdx',
];

export const extensions = [
  'cscmd',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx',
  'html', 'htm', 'json', 'jsonc', 'yaml', 'yml',
  'vue', 'svelte', 'astro',
  'php', 'phtml', 'liquid', 'twig', 'j2', 'jinja', 'jinja2', 'njk', 'erb', 'rhtml', 'ejs', 'hbs', 'handlebars', 'mustache', 'tmpl', 'gohtml', 'gotmpl',
  'md', 'markdown', 'mdx',
];
