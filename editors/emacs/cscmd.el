;;; cscmd.el --- >cs command files and the cscmd language server in eglot  -*- lexical-binding: t -*-

;; Emacs 28 or newer with eglot (built in from Emacs 29; Debian: elpa-eglot).
;; Load it from your init file: (load "/path/to/cscmd/editors/emacs/cscmd.el")
;; and have `cscmd' on `exec-path'.

;;; Commentary:

;; `cscmd-mode' is a major mode for .cscmd files: comments, the >cs prefix,
;; verbs, ObjectIds, field and variable names.  Every major mode whose files
;; cscmd checks gets its own entry in `eglot-server-programs': one shared
;; entry would make eglot send one language id for all of them.  The server
;; goes by the file's extension anyway, so a .js file is never linted as a
;; command file.

;;; Code:

(require 'eglot)

(defvar cscmd-font-lock-keywords
  '(("^[ \t]*#.*$" . font-lock-comment-face)
    ("^>cs\\_>" . font-lock-keyword-face)
    ("\\(?:^>cs[ \t]+\\)\\(/[A-Za-z]+\\)" 1 font-lock-builtin-face)
    ("@category\\_>" . font-lock-constant-face)
    ("\\_<[0-9A-Fa-f]\\{24\\}\\_>" . font-lock-constant-face)
    ("^>cs[ \t]+\\.\\([A-Za-z_][A-Za-z0-9_.-]*\\)" 1 font-lock-variable-name-face))
  "Highlighting of `cscmd-mode'.")

;;;###autoload
(define-derived-mode cscmd-mode prog-mode "cscmd"
  "Major mode for files of >cs commands of the web1on1 chat widget."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local font-lock-defaults '(cscmd-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.cscmd\\'" . cscmd-mode))

(defvar cscmd-major-modes
  '(cscmd-mode
    js-mode js-jsx-mode js2-mode rjsx-mode typescript-mode tsx-ts-mode typescript-ts-mode js-ts-mode
    html-mode mhtml-mode web-mode json-mode js-json-mode json-ts-mode yaml-mode yaml-ts-mode
    vue-mode svelte-mode php-mode markdown-mode gfm-mode)
  "Major modes whose files cscmd checks.")

(dolist (mode cscmd-major-modes)
  (add-to-list 'eglot-server-programs `(,mode "cscmd" "lsp"))
  (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))

(provide 'cscmd)
;;; cscmd.el ends here
