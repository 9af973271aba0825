// The little Markdown the bot's cards use (bold, italics, links, list items, line breaks), for the Adaptive Cards
// renderer. Everything is HTML-escaped first, so no text from a user can become markup.
(() => {
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;

  function inline(line) {
    return line
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label, url) =>
        SAFE_URL.test(url)
          ? `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`
          : whole,
      )
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
      .replace(/(^|[\s(])\*(.+?)\*(?=$|[\s).,:;!?])/g, "$1<em>$2</em>");
  }

  window.localMarkdown = (text) => {
    // Backslash escapes become placeholders, so an escaped * or _ stays a character.
    const kept = [];
    const hidden = String(text).replace(/\\([\\*_[\]`~\-+>#.()!])/g, (_, c) => {
      kept.push(c);
      return `\uE000${kept.length - 1}\uE000`;
    });
    const html = escapeHtml(hidden)
      .split("\n")
      .map((line) => {
        const item = /^\s*[-*]\s+(.*)$/.exec(line);
        return item ? `• ${inline(item[1])}` : inline(line);
      })
      .join("<br>");
    return html.replace(/\uE000(\d+)\uE000/g, (_, i) => escapeHtml(kept[Number(i)] ?? ""));
  };
})();
