import { section } from "../section.ts";

/** A person's own page (Slack's App Home), the calendar invitation, message shortcuts, and earlier years. */
export const home = section(
  {
    "home.title": "Arbejdsmiljø",
    "home.intro":
      "Her kan du se, hvornår I holder den årlige arbejdsmiljødrøftelse, hvordan den står, og hvad du selv har ansvaret for.",
    "home.not_on_roster":
      "Du er ikke på listen over deltagere i arbejdsmiljøarbejdet her. Arbejdsgiveren kan tilføje dig med {command} opsæt. Indtil da kan du skrive til arbejdsmiljøbotten i kanalen for arbejdsmiljø.",
    "home.next": "Næste møde",
    "home.next_at": "{when}, {place}",
    "home.next_at_no_place": "{when}",
    "home.none_planned": "Der er ikke planlagt et møde endnu. Brug {command} planlæg.",
    "button.add_to_calendar": "Føj til kalender",
    "home.this_year": "Årets drøftelse ({year})",
    "home.not_started": "Der er ingen drøftelse for {year} endnu.",
    "home.mine": "Dine åbne beslutninger og mål",
    "home.mine_none": "Du har ingen åbne beslutninger eller mål.",
    "home.mine_more": "{count, plural, one {# mere} other {# mere}}: se dem alle med {command} opfølgning.",
    "home.records": "Referater",
    "home.records_none": "Der er ingen referater endnu.",
    "home.record":
      "{year} · {status} · version {version} · SHA-256 {hash}… · Hent det med {command} referat {year}",
    "home.invitation":
      "Her er invitationen til den årlige arbejdsmiljødrøftelse {when}. Åbn filen for at føje mødet til din kalender.",
    "home.invitation_sent": "Invitationen er sendt til dig i en privat besked.",
    "shortcut.no_discussion":
      "Der er hverken en arbejdsmiljødrøftelse i gang eller planlagt, så beskeden kan ikke gemmes endnu. Planlæg den med {command} planlæg.",
    "shortcut.from_message": "Fra beskeden i kanalen: {link}",
    "years.earlier_figures": "Tidligere år:",
    "years.on_time":
      "Af {total, plural, one {den # beslutning} other {de # beslutninger}} fra {year} blev {onTime} gennemført inden fristen.",
    "years.on_time_moved":
      "Af {total, plural, one {den # beslutning} other {de # beslutninger}} fra {year} blev {onTime} gennemført inden den frist, der først blev aftalt, og {moved} inden en udskudt frist.",
    "years.still_open": "Stadig åbne fra tidligere år:",
    "years.overdue": "fristen er passeret",
    "years.postponed": "først aftalt til {date}, udskudt {count, plural, one {# gang} other {# gange}}",
    "chart.accidents": "Ulykker",
    "chart.near_misses": "Nærvedulykker",
    "chart.health_damage": "Sundhedsskader",
    "years.skipped":
      "Den seneste årlige drøftelse, der er registreret her, blev holdt i {year}. For {count, plural, one {året} other {årene}} {years} er der ingen afholdt drøftelse registreret. Målene og beslutningerne herunder er fra {year}.",
    "shortcut.elsewhere":
      "Kun beskeder i kanalen for arbejdsmiljø kan gemmes i drøftelsen. Del beskeden dér, og brug genvejen på den.",
  },
  {
    "home.title": "Working environment",
    "home.intro":
      "Here you can see when the annual working-environment discussion is held, how it stands, and what you are responsible for yourself.",
    "home.not_on_roster":
      "You are not on the list of people in the working-environment work here. The employer can add you with {command} setup. Until then you can write to the working-environment bot in the working-environment channel.",
    "home.next": "Next meeting",
    "home.next_at": "{when}, {place}",
    "home.next_at_no_place": "{when}",
    "home.none_planned": "No meeting is planned yet. Use {command} plan.",
    "button.add_to_calendar": "Add to calendar",
    "home.this_year": "This year's discussion ({year})",
    "home.not_started": "There is no discussion for {year} yet.",
    "home.mine": "Your open decisions and goals",
    "home.mine_none": "You have no open decisions or goals.",
    "home.mine_more": "{count, plural, one {# more} other {# more}}: see them all with {command} followup.",
    "home.records": "Minutes",
    "home.records_none": "There are no minutes yet.",
    "home.record":
      "{year} · {status} · version {version} · SHA-256 {hash}… · Get them with {command} minutes {year}",
    "home.invitation":
      "Here is the invitation to the annual working-environment discussion {when}. Open the file to add the meeting to your calendar.",
    "home.invitation_sent": "The invitation has been sent to you in a private message.",
    "shortcut.no_discussion":
      "No working-environment discussion is running or planned, so the message cannot be saved yet. Plan it with {command} plan.",
    "shortcut.from_message": "From the message in the channel: {link}",
    "years.earlier_figures": "Earlier years:",
    "years.on_time":
      "Of the {total, plural, one {# decision} other {# decisions}} from {year}, {onTime, plural, one {# was} other {# were}} done by their deadline.",
    "years.on_time_moved":
      "Of the {total, plural, one {# decision} other {# decisions}} from {year}, {onTime, plural, one {# was} other {# were}} done by the deadline first agreed and {moved} by a postponed one.",
    "years.still_open": "Still open from earlier years:",
    "years.overdue": "past its deadline",
    "years.postponed": "first agreed for {date}, postponed {count, plural, one {# time} other {# times}}",
    "chart.accidents": "Accidents",
    "chart.near_misses": "Near misses",
    "chart.health_damage": "Work-related ill health",
    "years.skipped":
      "The last annual discussion recorded here was held in {year}. There is no record of one held in {count, plural, one {the year} other {the years}} {years}. The goals and decisions below are from {year}.",
    "shortcut.elsewhere":
      "Only messages in the working-environment channel can be saved to the discussion. Share the message there and use the shortcut on it.",
  },
);
