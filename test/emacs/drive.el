;;; drive.el --- Drives Emacs 28's eglot 1.9 against the homelab language server  -*- lexical-binding: t -*-
;;
;; Debian's `emacs-nox' in batch mode, with Debian's `elpa-eglot' and
;; `elpa-yaml-mode' (activated by Debian's site start-up) and the README's
;; Emacs configuration loaded as printed ($HOMELAB_EMACS_CONFIG). Debian has
;; no nix-mode, so a minimal one is defined here. Buffers are opened with
;; `find-file', edited as a user would, and each step records what eglot and
;; flymake show: diagnostics, completion through eglot's capf and its exit
;; function, hover through eglot's eldoc function, definition through xref,
;; a quick fix through `eglot-code-actions', a rename through `eglot-rename',
;; and a file replaced on disk by a rename. The record is written as JSON to
;; $HOMELAB_EMACS_OUT; eglot.test.ts asserts on it.
;;
;; Environment: HOMELAB_EMACS_ROOT (the homelab copy), HOMELAB_EMACS_CONFIG,
;; HOMELAB_EMACS_OUT, HOMELAB_EMACS_RUN (`profile': the full run starting
;; from a profile; `inventory': start-up from homelab.yaml only).

(require 'cl-lib)
(require 'json)
(require 'package)
;; What an interactive Emacs does at start-up (batch mode skips it): activate
;; the installed packages, Debian's elpa-eglot and elpa-yaml-mode among them.
(package-activate-all)
(require 'subr-x)

(defun homelab-env (name)
  (let ((v (getenv name)))
    (unless (and v (not (string-empty-p v))) (error "%s is not set" name))
    v))

(defconst homelab-root (file-name-as-directory (homelab-env "HOMELAB_EMACS_ROOT")))
(defconst homelab-out (homelab-env "HOMELAB_EMACS_OUT"))
(defconst homelab-run (homelab-env "HOMELAB_EMACS_RUN"))
(defconst homelab-wait 10.0 "Bound of each wait, in seconds.")

;; Debian has no nix-mode: the smallest one eglot can manage.
(define-derived-mode nix-mode prog-mode "Nix"
  "A minimal major mode for Nix files (the test's own)."
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.nix\\'" . nix-mode))

;; The README's configuration, as printed.
(load (homelab-env "HOMELAB_EMACS_CONFIG") nil t)

(setq eglot-sync-connect 10
      eglot-autoshutdown nil
      eglot-events-buffer-size 0
      make-backup-files nil
      create-lockfiles nil
      auto-save-default nil)

(defvar homelab-record (list (cons 'emacs emacs-version)))
(defvar homelab-steps nil)

(defun homelab-path (rel) (expand-file-name rel homelab-root))

(defun homelab-wait-until (pred &optional seconds)
  "Wait (bounded) until PRED is non-nil; return its value."
  (let ((deadline (+ (float-time) (or seconds homelab-wait)))
        value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      ;; As between a user's commands: what waits for the end of a command
      ;; (flymake's deferred start in a new buffer, eglot's connection) runs.
      (run-hooks 'post-command-hook)
      (run-hooks 'window-configuration-change-hook)
      ;; And as when the user pauses: the idle timers run (eglot sends its
      ;; didChange from one; batch mode is never idle).
      (dolist (timer (copy-sequence timer-idle-list)) (timer-event-handler timer))
      (accept-process-output nil 0.05))
    value))

(defun homelab-open (rel)
  "Visit REL of the homelab; eglot starts or attaches through the README's hooks."
  (let ((buf (find-file-noselect (homelab-path rel))))
    (switch-to-buffer buf)
    ;; The end of the user's C-x C-f: eglot-ensure connects from `post-command-hook',
    ;; and the buffer is displayed (batch mode has no redisplay to run this hook;
    ;; flymake starts in a buffer once it is shown).
    (run-hooks 'post-command-hook)
    (run-hooks 'window-configuration-change-hook)
    (homelab-wait-until (lambda () (and (bound-and-true-p eglot--managed-mode) (eglot-current-server))))
    buf))

(defun homelab-diagnostics (&optional buffer)
  "What flymake shows in BUFFER: [line code message] sorted by line, lines 0-based (vectors, for JSON)."
  (with-current-buffer (or buffer (current-buffer))
    (vconcat
     (sort (mapcar (lambda (d)
                     (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                       (vector (1- (line-number-at-pos (flymake-diagnostic-beg d)))
                               (plist-get lsp :code)
                               (flymake-diagnostic-text d))))
                   (flymake-diagnostics))
           (lambda (a b) (< (aref a 0) (aref b 0)))))))

(defun homelab-has-diag (code line &optional buffer)
  (cl-some (lambda (d) (and (equal (aref d 1) code) (= (aref d 0) line))) (homelab-diagnostics buffer)))

(defun homelab-goto (needle &optional offset)
  "Point on the first NEEDLE of the buffer (plus OFFSET); return its 0-based line."
  (goto-char (point-min))
  (unless (search-forward needle nil t) (error "%S not found in %s" needle (buffer-name)))
  (goto-char (+ (match-beginning 0) (or offset 0)))
  (1- (line-number-at-pos)))

(defun homelab-line-text ()
  (buffer-substring-no-properties (line-beginning-position) (line-end-position)))

(defun homelab-text () (buffer-substring-no-properties (point-min) (point-max)))

(defmacro homelab-step (name &rest body)
  "Run BODY as step NAME; it returns an alist, recorded with `ok' (or the error)."
  (declare (indent 1))
  `(let ((started (float-time)) (rec nil))
     (condition-case err
         (setq rec (append (list (cons 'ok t)) (progn ,@body)))
       (error (setq rec (list (cons 'ok :json-false) (cons 'error (error-message-string err))))))
     (push (cons ',name (append rec (list (cons 'ms (round (* 1000 (- (float-time) started))))))) homelab-steps)))

(defun homelab-server-root ()
  (let ((server (eglot-current-server)))
    (and server (expand-file-name (project-root (eglot--project server))))))

;;; Start-up from homelab.yaml alone (a fresh Emacs).

(defun homelab-run-inventory ()
  (homelab-step startupInventory
    (let* ((buf (homelab-open "homelab.yaml")))
      (homelab-wait-until (lambda () (>= (length (homelab-diagnostics buf)) 10)))
      (list (cons 'mode (symbol-name major-mode))
            (cons 'root (homelab-server-root))
            (cons 'diagnostics (homelab-diagnostics buf))))))

;;; The full run, starting from a profile.

(defun homelab-run-profile ()
  (homelab-step startupProfile
    (let* ((buf (homelab-open "profiles/LXC_plane-config.nix")))
      (homelab-wait-until (lambda () (and (homelab-has-diag "unknown-setting" 13 buf)
                                          (homelab-has-diag "inventory-profile-mismatch" 7 buf))))
      (list (cons 'mode (symbol-name major-mode))
            (cons 'root (homelab-server-root))
            (cons 'diagnostics (homelab-diagnostics buf)))))

  (homelab-step inventory
    ;; Opened a moment after the server's first check.
    (let* ((first (eglot-current-server))
           (buf (homelab-open "homelab.yaml")))
      (homelab-wait-until (lambda () (>= (length (homelab-diagnostics buf)) 15)))
      (list (cons 'sameServer (if (eq first (eglot-current-server)) t :json-false))
            (cons 'diagnostics (homelab-diagnostics buf)))))

  (homelab-step edit
    (let ((buf (homelab-open "profiles/LXC_mailer-config.nix")) line)
      (setq line (1+ (homelab-goto "uptimeKumaEnable = true;")))
      (end-of-line)
      (insert "\n    grafanaEnabel = true;")
      (homelab-wait-until (lambda () (homelab-has-diag "unknown-setting" line buf)))
      (prog1 (list (cons 'line line) (cons 'diagnostics (homelab-diagnostics buf)))
        (delete-region (line-beginning-position 1) (1+ (line-end-position 1)))
        (goto-char (point-min)))))

  (homelab-step completion
    (let ((buf (homelab-open "profiles/LXC_mailer-config.nix")) line capf candidates chosen)
      (setq line (1+ (homelab-goto "uptimeKumaEnable = true;")))
      (end-of-line)
      (insert "\n    grafanaEn")
      (setq capf (eglot-completion-at-point))
      (setq candidates (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) (nth 2 capf)))
      (setq chosen (cl-find "grafanaEnable" candidates :test #'equal))
      (when chosen
        ;; What completion-at-point does on a choice: the text becomes the candidate, then eglot's exit function.
        (delete-region (nth 0 capf) (nth 1 capf))
        (goto-char (nth 0 capf))
        (insert chosen)
        (funcall (plist-get (nthcdr 3 capf) :exit-function) chosen 'finished))
      (prog1 (list (cons 'line line)
                   (cons 'candidates (vconcat (mapcar #'substring-no-properties candidates)))
                   (cons 'chosen (if chosen t :json-false))
                   (cons 'text (homelab-line-text)))
        (delete-region (line-beginning-position) (1+ (line-end-position)))
        (set-buffer-modified-p nil))))

  (homelab-step hover
    (let (hover)
      (homelab-open "profiles/LXC_monitoring-config.nix")
      (homelab-goto "grafanaEnable = true;" 3)
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover info)))
      (homelab-wait-until (lambda () hover))
      (list (cons 'text (and hover (substring-no-properties hover))))))

  (homelab-step diskChange
    ;; lib/defaults.nix (not visited) replaced by a rename, as `sed -i' does: declaring
    ;; `dockerEnabel' makes the open plane profile's unknown-setting go; the original back brings it again.
    (let* ((plane (homelab-open "profiles/LXC_plane-config.nix"))
           (file (homelab-path "lib/defaults.nix"))
           (original (with-temp-buffer (insert-file-contents file) (buffer-string)))
           (temp (concat file ".new"))
           before gone back)
      (setq before (and (homelab-has-diag "unknown-setting" 13 plane) t))
      (with-temp-file temp
        (insert (replace-regexp-in-string "^    dockerEnable = false;$" "    dockerEnable = false;\n    dockerEnabel = false;" original t t)))
      (rename-file temp file t)
      (setq gone (homelab-wait-until (lambda () (not (homelab-has-diag "unknown-setting" 13 plane)))))
      (with-temp-file temp (insert original))
      (rename-file temp file t)
      (setq back (homelab-wait-until (lambda () (homelab-has-diag "unknown-setting" 13 plane))))
      (list (cons 'before (if before t :json-false))
            (cons 'goneAfterReplace (if gone t :json-false))
            (cons 'backAfterRestore (if back t :json-false)))))

  (homelab-step definition
    (let (landed)
      (homelab-open "profiles/LXC_monitoring-config.nix")
      (homelab-goto "grafanaEnable = true;" 3)
      (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
      (setq landed (list (cons 'file (buffer-file-name)) (cons 'line (1- (line-number-at-pos))) (cons 'text (homelab-line-text))))
      landed))

  (homelab-step quickFix
    (let ((buf (homelab-open "profiles/LXC_proxy-config.nix")) line actions fix)
      (setq line (1+ (homelab-goto "hostname = \"proxy\";")))
      (end-of-line)
      (insert "\n    /* ◉🏠 */ grafanaEnabel = true;")
      (homelab-wait-until (lambda () (homelab-has-diag "unknown-setting" line buf)))
      (homelab-goto "grafanaEnabel")
      (setq actions (eglot-code-actions (line-beginning-position) (line-end-position)))
      (setq fix (cl-find-if (lambda (a) (equal (plist-get a :title) "Replace with `grafanaEnable`")) actions))
      (when fix (eglot--read-execute-code-action (list fix) (eglot-current-server) (plist-get fix :kind)))
      (goto-char (point-min))
      (forward-line line)
      (prog1 (list (cons 'line line)
                   (cons 'titles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
                   (cons 'text (homelab-line-text)))
        (delete-region (line-beginning-position) (1+ (line-end-position)))
        (set-buffer-modified-p nil))))

  (homelab-step rename
    (let (files prompts)
      (homelab-open "lib/defaults.nix")
      (homelab-goto "grafanaEnable = false;" 3)
      ;; eglot asks before editing files that are not visited; the user says yes.
      (cl-letf (((symbol-function 'y-or-n-p) (lambda (prompt) (push prompt prompts) t)))
        (eglot-rename "grafanaOn"))
      (dolist (rel '("lib/defaults.nix" "profiles/LXC_monitoring-config.nix" "system/app/monitoring.nix"))
        (let ((b (find-buffer-visiting (homelab-path rel))))
          (push (cons rel (if b (with-current-buffer b (homelab-text)) :json-false)) files)))
      (list (cons 'prompts (vconcat prompts)) (cons 'files files)))))

(condition-case err
    (if (equal homelab-run "inventory") (homelab-run-inventory) (homelab-run-profile))
  (error (push (cons 'error (error-message-string err)) homelab-record)))

(push (cons 'steps (nreverse homelab-steps)) homelab-record)
(let ((coding-system-for-write 'utf-8))
  (with-temp-file homelab-out (insert (json-encode homelab-record))))
(when (boundp 'eglot--servers-by-project)
  (dolist (server (hash-table-values eglot--servers-by-project))
    (dolist (s server) (ignore-errors (eglot-shutdown s)))))
(kill-emacs 0)
