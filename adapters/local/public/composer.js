// The thread's writing box, as Slack and Teams have it: Enter sends, Shift+Enter breaks the line (not while an input
// method composes a word), and what was written but not sent is kept per thread while the page is open.
(() => {
  function enterSends(textarea, form) {
    textarea.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
      e.preventDefault();
      form.requestSubmit();
    });
  }

  /** threadId -> the unsent text of its box: kept when the thread is closed and opened again. */
  function drafts(textarea, currentThread) {
    const kept = new Map();
    textarea.addEventListener("input", () => {
      const thread = currentThread();
      if (thread) kept.set(thread, textarea.value);
    });
    return {
      restore: (thread) => {
        textarea.value = kept.get(thread) ?? "";
      },
      sent: (thread) => kept.delete(thread),
    };
  }

  window.localComposer = { enterSends, drafts };
})();
