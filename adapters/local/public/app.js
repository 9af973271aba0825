// The local channel's page: reads the channel by long poll, renders the bot's cards with the real Adaptive Cards
// renderer, and sends what you write and press to the local adapter's JSON API. All text from users is set with
// textContent (the cards' Markdown is escaped by markdown.js before it becomes HTML).
(() => {
  const AC = window.AdaptiveCards;
  const state = {
    session: null,
    language: "da",
    me: null,
    cursor: 0,
    view: "channel",
    thread: null,
    messages: new Map(),
    /** id -> { seq, element } for the channel list, so a message is drawn again only when it changed */
    drawn: new Map(),
    threadDrawn: "",
    generation: 0,
    drafts: null,
  };
  const $ = (id) => document.getElementById(id);

  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = window.localMarkdown(text);
    result.didProcess = true;
  };
  const hostConfig = window.localCards.hostConfig(AC);

  const requestId = () =>
    window.crypto?.randomUUID
      ? window.crypto.randomUUID()
      : Array.from(window.crypto.getRandomValues(new Uint8Array(16)), (b) =>
          b.toString(16).padStart(2, "0"),
        ).join("");

  function text(key, params = {}) {
    const [lang, name] = key.includes(":") ? key.split(":") : [state.language, key];
    const template = state.session?.texts[lang]?.[name] ?? state.session?.texts.da[name] ?? name;
    return window
      .localPlural(lang, template, params)
      .replace(/\{(\w+)\}/g, (whole, p) => (p in params ? String(params[p]) : whole));
  }

  function applyTexts() {
    document.documentElement.lang = state.language;
    document.title = text("title");
    for (const el of document.querySelectorAll("[data-text]")) el.textContent = text(el.dataset.text);
    for (const el of document.querySelectorAll("[data-placeholder]"))
      el.placeholder = text(el.dataset.placeholder);
    const who = $("who");
    const people = state.session.people[state.language] ?? state.session.people.da;
    // The whole name in the list, and the chosen person's role on its own line below: nothing is cut off.
    who.replaceChildren(
      ...people.map((p) => {
        const option = document.createElement("option");
        option.value = p.id;
        option.textContent = p.name;
        return option;
      }),
    );
    who.value = state.me;
    $("who-role").textContent = people.find((p) => p.id === state.me)?.role ?? "";
  }

  let statusTimer = null;
  function showStatus(message, kind = "error") {
    const el = $("status");
    el.textContent = message;
    el.className = `status ${kind}`;
    el.hidden = false;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      el.hidden = true;
    }, 6000);
  }

  async function api(path, body) {
    const res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ as: state.me, requestId: requestId(), ...body }),
    });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer.error || text("offline"));
    return answer;
  }

  // Cards

  function download(url, name) {
    const a = document.createElement("a");
    a.href = url;
    a.download = name || "";
    document.body.append(a);
    a.click();
    a.remove();
  }

  function renderCard(json, message, index) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = async (action) => {
      if (action instanceof AC.OpenUrlAction) {
        if (action.url?.startsWith("/local/files/")) download(action.url, "");
        else if (/^https?:\/\//i.test(action.url ?? "")) window.open(action.url, "_blank", "noopener");
        return;
      }
      if (!(action instanceof AC.ExecuteAction || action instanceof AC.SubmitAction)) return;
      holder.setAttribute("aria-busy", "true");
      try {
        const answer = await api("/local/action", {
          messageId: message.id,
          card: index,
          verb: action.verb ?? "",
          data: action.data ?? {},
        });
        // A refusal is shown to this person alone (and kept in their direct messages), never in the channel.
        if (answer.refusal) showStatus(answer.refusal);
      } catch (error) {
        showStatus(error.message);
      } finally {
        holder.removeAttribute("aria-busy");
      }
    };
    card.parse(window.localCards.forThisPage(json));
    const holder = document.createElement("div");
    holder.className = "card";
    holder.dataset.testid = "card";
    const rendered = card.render();
    if (rendered) holder.append(rendered);
    window.localCards.addCounters(card, text);
    return holder;
  }

  // Messages

  function repliesTo(id) {
    let n = 0;
    for (const m of state.messages.values()) if (m.threadId === id) n++;
    return n;
  }

  function renderMessage(m, { inThread = false } = {}) {
    const el = document.createElement("article");
    el.className = "message";
    if (m.author && m.author.id === state.me) el.classList.add("mine");
    el.id = inThread ? `thread-message-${m.id}` : `message-${m.id}`;
    el.dataset.testid = "message";
    el.dataset.id = m.id;
    const meta = document.createElement("div");
    meta.className = "meta";
    const author = document.createElement("span");
    author.className = "author";
    author.textContent = m.author ? m.author.name : text("bot_name");
    const time = document.createElement("time");
    time.dateTime = m.createdAt;
    time.textContent = new Date(m.createdAt).toLocaleTimeString(state.language === "da" ? "da-DK" : "en-GB", {
      hour: "2-digit",
      minute: "2-digit",
    });
    meta.append(author, time);
    if (m.pinned) {
      const pin = document.createElement("span");
      pin.textContent = text("pinned");
      pin.dataset.testid = "pinned-mark";
      meta.append(pin);
    }
    el.append(meta);
    if (m.text) {
      const body = document.createElement("div");
      body.className = "text";
      body.textContent = m.text;
      el.append(body);
    }
    m.cards.forEach((card, index) => {
      el.append(renderCard(card, m, index));
    });
    if (m.file) {
      const file = document.createElement("div");
      file.className = "file";
      const a = document.createElement("a");
      a.href = m.file.url;
      a.download = m.file.name;
      a.dataset.testid = "file";
      a.textContent = text("download", { name: m.file.name });
      file.append(a);
      el.append(file);
    }
    if (!inThread) {
      const replies = document.createElement("button");
      replies.type = "button";
      replies.className = "replies";
      replies.dataset.testid = "open-thread";
      replies.addEventListener("click", () => openThread(m.id));
      el.append(replies);
      updateReplies(el, m.id);
    }
    return el;
  }

  function updateReplies(el, id) {
    const button = el.querySelector(":scope > .replies");
    if (!button) return;
    const n = repliesTo(id);
    button.textContent = n > 0 ? text("replies", { count: n }) : text("reply");
  }

  const inView = (m) => !m.threadId && m.channel === state.view;
  const byId = (a, b) => Number(a.id) - Number(b.id);

  function drawChannel(changed) {
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    let added = false;
    for (const m of [...state.messages.values()].filter(inView).sort(byId)) {
      const known = state.drawn.get(m.id);
      if (known && known.seq === m.seq && !changed.has(m.id)) {
        updateReplies(known.element, m.id);
        continue;
      }
      const element = renderMessage(m);
      if (known) known.element.replaceWith(element);
      else {
        list.append(element);
        added = true;
      }
      state.drawn.set(m.id, { seq: m.seq, element });
    }
    if (added && atBottom) list.scrollTop = list.scrollHeight;
    $("empty").hidden = state.drawn.size > 0;
    drawPinned();
    const direct = [...state.messages.values()].filter((m) => m.channel === "direct" && !m.threadId).length;
    $("direct-count").textContent = direct > 0 ? String(direct) : "";
  }

  function cardTitle(m) {
    const first = m.cards[0]?.body?.find((e) => e.type === "TextBlock");
    return (first?.text ?? m.text ?? m.file?.name ?? "").replace(/[\\*_]/g, "").slice(0, 120);
  }

  function drawPinned() {
    const pinned = [...state.messages.values()].filter((m) => m.pinned && m.channel === "channel").sort(byId);
    $("pinned-list").replaceChildren(
      ...pinned.map((m) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.testid = "pinned-item";
        button.textContent = cardTitle(m);
        button.addEventListener("click", () => showMessage(m.id));
        li.append(button);
        return li;
      }),
    );
    $("pinned-none").hidden = pinned.length > 0;
  }

  function showMessage(id) {
    if (state.view !== "channel") switchView("channel");
    const el = $(`message-${id}`);
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    el.classList.add("highlight");
    setTimeout(() => el.classList.remove("highlight"), 2000);
  }

  function drawThread() {
    const pane = $("thread");
    const parent = state.thread ? state.messages.get(state.thread) : null;
    pane.hidden = !parent;
    if (!parent) return;
    const items = [
      parent,
      ...[...state.messages.values()].filter((m) => m.threadId === parent.id).sort(byId),
    ];
    const signature = items.map((m) => `${m.id}:${m.seq}`).join(",");
    if (signature === state.threadDrawn) return;
    state.threadDrawn = signature;
    const list = $("thread-messages");
    list.replaceChildren(...items.map((m) => renderMessage(m, { inThread: true })));
    list.scrollTop = list.scrollHeight;
  }

  function openThread(id) {
    state.thread = id;
    state.threadDrawn = "";
    drawThread();
    state.drafts.restore(id);
    $("thread-input").focus();
  }

  function switchView(view) {
    state.view = view;
    for (const b of document.querySelectorAll(".view"))
      b.classList.toggle("current", b.dataset.view === view);
    $("direct-note").hidden = view !== "direct";
    $("messages").replaceChildren();
    state.drawn.clear();
    drawChannel(new Set());
  }

  // Reading: a long poll for everything changed since the last change seen.

  async function poll(generation) {
    let wait = 0;
    while (generation === state.generation) {
      try {
        const res = await fetch(
          `/local/messages?as=${encodeURIComponent(state.me)}&since=${state.cursor}&wait=${wait}`,
        );
        if (!res.ok) throw new Error(String(res.status));
        const answer = await res.json();
        if (generation !== state.generation) return;
        const changed = new Set();
        for (const m of answer.messages) {
          state.messages.set(m.id, m);
          changed.add(m.id);
        }
        state.cursor = answer.cursor;
        if (answer.language !== state.language) {
          state.language = answer.language;
          applyTexts();
          switchView(state.view);
        }
        drawChannel(changed);
        drawThread();
        document.body.dataset.cursor = String(state.cursor);
        wait = 25;
      } catch {
        showStatus(text("offline"));
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }

  function restart() {
    state.generation++;
    state.cursor = 0;
    state.messages.clear();
    state.thread = null;
    state.threadDrawn = "";
    drawThread();
    switchView(state.view);
    poll(state.generation);
  }

  // Writing

  async function send(input, path, extra) {
    const value = input.value;
    if (!value.trim()) return;
    input.disabled = true;
    try {
      await api(path, { text: value, ...extra });
      input.value = "";
      if (extra.threadId) state.drafts.sent(extra.threadId);
    } catch (error) {
      showStatus(error.message);
    } finally {
      input.disabled = false;
      input.focus();
    }
  }

  async function main() {
    state.session = await (await fetch("/local/session")).json();
    const people = state.session.people.da;
    const saved = window.localStorage.getItem("local.me");
    state.me = people.some((p) => p.id === saved) ? saved : people[0].id;
    applyTexts();
    $("who").addEventListener("change", (e) => {
      state.me = e.target.value;
      window.localStorage.setItem("local.me", state.me);
      applyTexts();
      restart();
    });
    for (const b of document.querySelectorAll(".view")) {
      b.addEventListener("click", () => switchView(b.dataset.view));
    }
    $("composer").addEventListener("submit", (e) => {
      e.preventDefault();
      send($("composer-input"), "/local/command", {});
    });
    $("thread-composer").addEventListener("submit", (e) => {
      e.preventDefault();
      send($("thread-input"), "/local/reply", { threadId: state.thread });
    });
    window.localComposer.enterSends($("thread-input"), $("thread-composer"));
    state.drafts = window.localComposer.drafts($("thread-input"), () => state.thread);
    $("thread-close").addEventListener("click", () => {
      state.thread = null;
      drawThread();
    });
    const jump = /^#message-(\d+)$/.exec(window.location.hash);
    restart();
    if (jump) setTimeout(() => showMessage(jump[1]), 500);
  }

  main();
})();
