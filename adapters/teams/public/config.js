// The channel (or group chat) tab's configuration page: says what the tab shows and, on Save, tells Teams the tab's
// page and entity id (deep links to the tab name that id).
(() => {
  const setup = JSON.parse(document.getElementById("setup").textContent);
  const main = document.getElementById("tab");
  const show = (language, key) => {
    const p = document.createElement("p");
    p.textContent = setup.texts[language][key];
    main.replaceChildren(p);
  };

  async function configure() {
    const teams = window.microsoftTeams;
    if (!teams) return show("da", "tab.outside_teams");
    let context;
    try {
      await Promise.race([
        teams.app.initialize(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000)),
      ]);
      context = await teams.app.getContext();
    } catch {
      return show("da", "tab.outside_teams");
    }
    const language = /^en([-_]|$)/i.test(context.app?.locale ?? "") ? "en" : "da";
    document.documentElement.lang = language;
    show(language, "tab.config_intro");
    teams.pages.config.registerOnSaveHandler((save) => {
      teams.pages.config
        .setConfig({
          entityId: setup.entityId,
          contentUrl: `${location.origin}/teams/tab`,
          suggestedDisplayName: setup.texts[language]["tab.name"],
        })
        .then(
          () => save.notifySuccess(),
          (error) => save.notifyFailure(String(error)),
        );
    });
    teams.pages.config.setValidityState(true);
  }

  void configure();
})();
