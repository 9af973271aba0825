// The server's texts carry ICU plural forms; the page picks the form by the browser's own plural rules.
(() => {
  // {count, plural, one {# reply} other {# replies}}: the server's plural form, chosen by the browser's rules.
  window.localPlural = function plural(lang, template, params) {
    return template.replace(
      /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g,
      (whole, name, body) => {
        if (!(name in params)) return whole;
        const value = Number(params[name]);
        const options = Object.fromEntries(
          [...body.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]]),
        );
        const category = new Intl.PluralRules(lang === "en" ? "en-GB" : "da-DK").select(value);
        return (options[`=${value}`] ?? options[category] ?? options.other ?? "").replace(
          /#/g,
          String(value),
        );
      },
    );
  };
})();
