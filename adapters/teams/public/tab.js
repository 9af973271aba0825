// The Teams tab: signs the person in with Teams' single sign-on, fetches the referat, its status and the follow-up
// list for them, and lays it out. Every text goes in through textContent, so nothing from a user becomes markup.
(() => {
  const setup = JSON.parse(document.getElementById("setup").textContent);
  const main = document.getElementById("tab");
  let language = "da";
  const tr = (key, params = {}) =>
    (setup.texts[language][key] ?? setup.texts.da[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const withChildren = (node, children) => {
    node.append(...children);
    return node;
  };

  function say(key, again) {
    const parts = [el("p", tr(key), "notice")];
    if (again) {
      const button = el("button", tr("tab.reload"));
      button.addEventListener("click", () => void load());
      parts.push(button);
    }
    main.replaceChildren(...parts);
  }

  const facts = (list) =>
    withChildren(
      el("dl"),
      list.flatMap((f) => [el("dt", f.label), el("dd", f.value)]),
    );

  function block(b) {
    if (b.type === "facts") return facts(b.facts);
    if (b.type === "text") return el("p", b.text);
    if (b.type === "meta") {
      const p = el("p", b.text, "subtle");
      if (b.link && /^https:\/\//.test(b.link.url)) {
        const a = el("a", b.link.text);
        a.href = b.link.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        p.append(" · ", a);
      }
      return p;
    }
    return withChildren(
      el("ul"),
      b.items.map((item) => {
        const li = el("li");
        if (item.label) li.append(el("strong", `${item.label}: `));
        li.append(item.text);
        if (item.details.length)
          li.append(
            withChildren(
              el("ul"),
              item.details.map((d) => el("li", d)),
            ),
          );
        return li;
      }),
    );
  }

  /** One outline section; `shift` lowers its heading under the tab's own. */
  const section = (s, shift) => [el(`h${s.level + shift}`, s.title), ...s.blocks.map(block)];

  function followUp(view) {
    if (view.followUp.length === 0) return [el("p", tr("tab.follow_up_none"))];
    const year = view.record?.year;
    const items = view.followUp.map((row) => {
      const li = el("li", undefined, row.status === "done" ? "done" : row.overdue ? "overdue" : "open");
      const what = el("div", undefined, "what");
      what.append(el("strong", `${row.kindText}: `), row.text);
      if (row.year !== year)
        what.append(el("span", ` · ${tr("tab.from_year", { year: row.year })}`, "subtle"));
      const line = el("div", undefined, "subtle");
      row.facts.forEach((f, i) => {
        if (i > 0) line.append(" · ");
        line.append(`${f.label}: `, el("span", f.value, i === row.facts.length - 1 ? "state" : undefined));
      });
      li.append(what, line);
      return li;
    });
    return [withChildren(el("ul", undefined, "follow-up"), items)];
  }

  function show(view) {
    const parts = [el("h1", tr("tab.heading"))];
    if (view.workspace) parts.push(el("p", view.workspace, "subtle"));
    const record = view.record;
    if (!record) {
      parts.push(el("p", view.notice, "notice"), el("h2", tr("tab.follow_up")), ...followUp(view));
      return main.replaceChildren(...parts);
    }
    if (view.notice) parts.push(el("p", view.notice, "notice"));
    if (record.heldElsewhere)
      parts.push(el("p", tr("tab.held_elsewhere", { channel: record.heldElsewhere }), "notice"));
    const [statusFact, ...sides] = record.statusSection.blocks[0]?.facts ?? [];
    parts.push(el("h2", tr("tab.status")));
    if (statusFact) parts.push(el("p", statusFact.value, `status ${record.status}`));
    parts.push(facts(sides), el("h2", tr("tab.follow_up")), ...followUp(view), el("h2", tr("tab.referat")));
    parts.push(el("p", tr("tab.version", { version: record.version, sha: record.sha256 }), "subtle"));
    const outline = record.outline;
    const article = withChildren(el("article"), [
      el("h3", outline.title),
      facts(outline.facts),
      ...outline.sections.flatMap((s) => section(s, 1)),
    ]);
    parts.push(article);
    main.replaceChildren(...parts);
  }

  /** Teams' library answers only inside Teams; elsewhere it never does, so it is given a few seconds. */
  const withinTeams = (promise) =>
    Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000))]);

  async function load() {
    const teams = window.microsoftTeams;
    if (!teams) return say("tab.outside_teams");
    let context;
    try {
      await withinTeams(teams.app.initialize());
      context = await teams.app.getContext();
    } catch {
      return say("tab.outside_teams");
    }
    const locale = context.app?.locale ?? "";
    language = /^en([-_]|$)/i.test(locale) ? "en" : "da";
    document.documentElement.lang = language;
    say("tab.loading");
    let token;
    try {
      token = await teams.authentication.getAuthToken();
    } catch {
      return say("tab.sign_in_failed", true);
    }
    const query = new URLSearchParams({ locale });
    const place = context.channel?.id ?? context.chat?.id;
    if (place) query.set("channel", place);
    const response = await fetch(`/teams/tab/data?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => null);
    if (!response) return say("tab.failed", true);
    if (response.status === 401) return say("tab.refused", true);
    if (response.status === 403) {
      const body = await response.json().catch(() => ({}));
      return say(body.reason === "not_set_up" ? "tab.not_set_up" : "tab.not_on_roster");
    }
    if (!response.ok) return say("tab.failed", true);
    show(await response.json());
  }

  void load();
})();
