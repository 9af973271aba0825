// What this page adds to the Adaptive Cards renderer: a closer likeness of Teams' choices, and a running count
// under each text field that has a limit.
(() => {
  // The renderer's "filtered" single choice shows the chosen value's id until one types; Teams shows a searchable
  // list of names. A plain dropdown is the closer likeness, so single "filtered" choices are drawn as "compact".
  function forThisPage(node) {
    if (Array.isArray(node)) return node.map(forThisPage);
    if (!node || typeof node !== "object") return node;
    const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, forThisPage(v)]));
    if (copy.type === "Input.ChoiceSet" && copy.style === "filtered" && !copy.isMultiSelect)
      copy.style = "compact";
    return copy;
  }

  // A text's limit travels as the pattern "^[\s\S]{0,N}$" (maxLength would cut a pasted text off): shown here as a
  // running count, so the writer sees the limit before the card refuses to send more.
  function addCounters(card, text) {
    for (const input of card.getAllInputs()) {
      const limit = /^\^\[\\s\\S\]\{0,(\d+)\}\$$/.exec(input.regex || "");
      const control = input.renderedInputControlElement;
      if (!limit || !control) continue;
      const max = Number(limit[1]);
      const counter = document.createElement("div");
      counter.className = "counter";
      counter.dataset.testid = "counter";
      const update = () => {
        const used = control.value.length;
        counter.textContent = text("counter", { used, max });
        counter.classList.toggle("over", used > max);
      };
      control.addEventListener("input", update);
      update();
      // Under the field, not beside it: the renderer wraps the field in a row of its own.
      (control.parentElement || control).after(counter);
    }
  }

  // Teams' host config for Adaptive Cards, as far as it shapes the actions: in a row, left aligned, 8 px apart
  // (style.css draws the buttons as Teams does).
  function hostConfig(AC) {
    return new AC.HostConfig({
      fontFamily: "Segoe UI, system-ui, -apple-system, sans-serif",
      supportsInteractivity: true,
      actions: {
        actionsOrientation: "horizontal",
        actionAlignment: "left",
        buttonSpacing: 8,
        maxActions: 10,
        spacing: "default",
        showCard: { actionMode: "inline", inlineTopMargin: 8 },
      },
    });
  }

  window.localCards = { forThisPage, addCounters, hostConfig };
})();
