;;; eglot.el --- Emacs' LSP client (eglot) against the installed ELB Lens server  -*- lexical-binding: t -*-
;;
;; emacs --batch -l test/e2e/eglot.el
;; Set up by README.md's snippet, loaded as a user's init file would load it.
;; Environment: ELB_LENS_SNIPPET (the snippet, an Emacs Lisp file; elb-lens-server on PATH),
;; ELB_LENS_FILE (a .tf file), ELB_LENS_OUT
;; (result file), ELB_LENS_HOVER_LINE (0-based line to hover). Writes `diagnostic <code>
;; <line>:<col> <source>' lines and a `hover <first line>' line; exits 1 on failure.
;; eglot is built in from Emacs 29; Debian 12's Emacs 28 has it from the elpa-eglot package.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)

(defvar elb-file (getenv "ELB_LENS_FILE"))
(defvar elb-out (getenv "ELB_LENS_OUT"))
(defvar elb-hover-line (string-to-number (or (getenv "ELB_LENS_HOVER_LINE") "0")))
(defvar elb-lines nil)

(defun elb-finish (ok)
  (with-temp-file elb-out (insert (mapconcat #'identity (reverse elb-lines) "\n") "\n"))
  (kill-emacs (if ok 0 1)))

(defun elb-wait (predicate seconds)
  "Poll PREDICATE while processing the server's output, for at most SECONDS."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

;; The snippet defines the mode (unless one exists), the server program and the hook.
(load (getenv "ELB_LENS_SNIPPET") nil t)

;; What eglot received, as the LSP sent it (flymake is checked separately below).
(defvar elb-published nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (when (> (length diagnostics) 0) (setq elb-published diagnostics)))

(condition-case err
    (progn
      ;; The snippet's hook calls eglot-ensure when the file opens.
      (find-file elb-file)
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
      (run-hooks 'post-command-hook)
      (unless (elb-wait #'eglot-current-server 20)
        (push "error: eglot did not connect" elb-lines)
        (elb-finish nil))
      (unless (elb-wait (lambda () elb-published) 20)
        (push "error: no diagnostics arrived" elb-lines)
        (elb-finish nil))
      ;; The diagnostics as the user sees them: flymake's, in the buffer.
      (flymake-start)
      (elb-wait #'flymake-diagnostics 10)
      (dolist (d (append elb-published nil))
        (let ((start (plist-get (plist-get d :range) :start)))
          (push (format "diagnostic %s %d:%d %s" (plist-get d :code) (plist-get start :line)
                        (plist-get start :character) (plist-get d :source))
                elb-lines)))
      (push (format "flymake %d" (length (flymake-diagnostics))) elb-lines)
      (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :position (list :line elb-hover-line :character 4))))
             (contents (plist-get hover :contents))
             (value (if (stringp contents) contents (plist-get contents :value))))
        (push (concat "hover " (car (split-string (or value "none") "\n"))) elb-lines))
      (eglot-shutdown (eglot-current-server))
      (elb-finish t))
  (error
   (push (format "error: %S" err) elb-lines)
   (elb-finish nil)))
