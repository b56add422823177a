" Opens each file of $CSCMD_CHECK_FILES (separated by newlines) in Vim set up
" by editors/vim/cscmd.vim alone, waits for ALE's diagnostics from the
" server and writes per file its file type and the rule ids of its
" diagnostics to $CSCMD_CHECK_OUT as JSON.
let s:out = {'editor': string(v:version), 'error': '', 'files': []}
try
  for s:path in split($CSCMD_CHECK_FILES, "\n")
    execute 'edit' fnameescape(s:path)
    let s:buf = bufnr('')
    ALELint
    for s:i in range(200)
      if !empty(get(get(g:ale_buffer_info, s:buf, {}), 'loclist', []))
        break
      endif
      sleep 100m
    endfor
    let s:codes = map(copy(get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])), {_, d -> get(d, 'code', d.text)})
    call add(s:out.files, {'path': s:path, 'filetype': &filetype, 'codes': sort(s:codes)})
  endfor
catch
  let s:out.error = v:exception
endtry
call writefile([json_encode(s:out)], $CSCMD_CHECK_OUT)
qall!
