" cscmd for Vim 8.2 or newer with ALE (Debian: vim-ale), as a language server.
" In your vimrc, after ALE is on the runtime path:
"
"   filetype plugin on
"   packadd! ale
"   source /path/to/cscmd/editors/vim/cscmd.vim
"
" and have cscmd on PATH. If you set g:ale_linters for a file type, add
" 'cscmd' to its list.

augroup cscmd
  autocmd!
  autocmd BufRead,BufNewFile *.cscmd setfiletype cscmd
augroup END

" The server finds .cscmd.yaml from each file; the root only decides which
" files share one server.
function! CscmdProjectRoot(buffer) abort
  let l:config = findfile('.cscmd.yaml', fnamemodify(bufname(a:buffer), ':p:h') . ';')
  return l:config isnot# '' ? fnamemodify(l:config, ':p:h') : getcwd()
endfunction

for s:filetype in ['cscmd', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
      \ 'html', 'json', 'jsonc', 'yaml', 'vue', 'svelte', 'astro', 'php', 'blade', 'liquid',
      \ 'twig', 'jinja', 'htmldjango', 'eruby', 'ejs', 'handlebars', 'mustache', 'gotmpl',
      \ 'markdown', 'mdx']
  call ale#linter#Define(s:filetype, {
        \ 'name': 'cscmd',
        \ 'lsp': 'stdio',
        \ 'executable': 'cscmd',
        \ 'command': '%e lsp',
        \ 'project_root': function('CscmdProjectRoot'),
        \ })
endfor
