;;; check.el --- opens each file of $CSCMD_CHECK_FILES with eglot, set up by
;;; editors/emacs/cscmd.el alone, waits for the server's diagnostics and
;;; writes per file its major mode and the rule ids of its diagnostics to
;;; $CSCMD_CHECK_OUT as JSON.  -*- lexical-binding: t -*-

(require 'json)
(require 'flymake)

(defun cscmd-check--codes ()
  "Rule ids of the flymake diagnostics of the current buffer, sorted."
  (sort (mapcar (lambda (d)
                  (let ((text (flymake-diagnostic-text d)))
                    ;; eglot writes "[CODE] MESSAGE" or "CODE: MESSAGE"
                    (if (string-match "\\[\\([a-z-]+\\)\\]" text) (match-string 1 text) text)))
                (flymake-diagnostics))
        #'string<))

(let ((files '()) (err nil))
  (condition-case e
      (dolist (path (split-string (getenv "CSCMD_CHECK_FILES") "\n" t))
        (with-current-buffer (find-file-noselect path)
          ;; eglot-ensure starts the server after the command loop runs.
          (unless (eglot-current-server) (call-interactively #'eglot))
          ;; Flymake defers its start until the buffer is shown, which never
          ;; happens in batch mode: start it by hand until it reports.
          (let ((deadline (+ (float-time) 20)))
            (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
              (flymake-start)
              (accept-process-output nil 0.2)))
          (push `((path . ,path) (filetype . ,(symbol-name major-mode)) (codes . ,(vconcat (cscmd-check--codes))))
                files)))
    (error (setq err (error-message-string e))))
  (with-temp-file (getenv "CSCMD_CHECK_OUT")
    (insert (json-encode `((editor . ,emacs-version) (error . ,(or err "")) (files . ,(vconcat (nreverse files)))))))
  (ignore-errors (eglot-shutdown-all)))
(kill-emacs 0)
