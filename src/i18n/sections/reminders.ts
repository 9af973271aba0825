import { section } from "../section.ts";

export const reminders = section(
  {
    "reminder.prepare":
      "Den årlige arbejdsmiljødrøftelse holdes {when}. Brug tiden til at samle viden og erfaringer fra hele AMO, og skriv gerne forslag til dagsordenens punkter på forhånd.",
    "reminder.day_before": "Påmindelse: den årlige arbejdsmiljødrøftelse holdes i morgen, {when}.{where}",
    "reminder.start": "Det er tid til den årlige arbejdsmiljødrøftelse. Tryk på Start, når I er samlet.",
    "reminder.where": " Sted: {where}.",
    "reminder.entry_week": "Om en uge ({deadline}) er der frist for: {text}. Ansvarlig: {owner}.",
    "reminder.entry_due":
      "I dag er der frist for: {text}. Ansvarlig: {owner}. Markér den som gennemført, eller udskyd fristen.",
    "reminder.no_owner": "ingen valgt",
    "reminder.quarterly":
      "Kvartalsstatus: {count, plural, one {# åben beslutning eller mål} other {# åbne beslutninger og mål}}.",
    "reminder.quarterly_none": "Kvartalsstatus: der er ingen åbne beslutninger eller mål. Godt gået.",
    "reminder.quarterly_more":
      "… og {count, plural, one {# mere} other {# flere}}. Se dem alle med {command} opfølgning.",
    "reminder.cycle_due":
      "Det er snart et år siden sidste arbejdsmiljødrøftelse ({year}). Planlæg årets drøftelse med {command} planlæg; sidste års åbne mål tages med under punkt 7.",
    "reminder.cycle_overdue":
      "Det er nu over et år siden sidste arbejdsmiljødrøftelse ({year}). Loven kræver en drøftelse hvert år: planlæg den hurtigst muligt med {command} planlæg.",
    "reminder.apv_due":
      "Den seneste APV er fra {date}. En APV skal laves mindst hvert tredje år og når arbejdet ændrer sig: den næste skal være klar senest {due}.",
    "reminder.apv_ahead":
      "Den seneste APV er fra {date}, så den næste skal være lavet senest {due}, om {months, plural, one {# måned} other {# måneder}}. Det er tid til at planlægge den: hvem står for den, og hvornår?",
    "reminder.first_course":
      "{name} blev medlem af AMO {date}. Den obligatoriske arbejdsmiljøuddannelse (3 dage) skal være gennemført senest {deadline}. Er kurset booket?",
    "reminder.supplementary_first":
      "{name} blev medlem af AMO {date} og skal tilbydes 2 dages supplerende arbejdsmiljøuddannelse i det første år, altså inden {deadline}. Er dagene planlagt?",
    "reminder.supplementary":
      "{name} har nu været medlem af AMO i {years, plural, one {# år} other {# år}} og skal tilbydes {days} dags supplerende arbejdsmiljøuddannelse i det kommende år. Det skal drøftes på den årlige arbejdsmiljødrøftelse.",
  },
  {
    "reminder.prepare":
      "The annual working-environment discussion is on {when}. Use the time to gather knowledge and experience from the whole AMO, and add suggestions to the agenda points beforehand.",
    "reminder.day_before": "Reminder: the annual working-environment discussion is tomorrow, {when}.{where}",
    "reminder.start":
      "It is time for the annual working-environment discussion. Press Start when you are gathered.",
    "reminder.where": " Place: {where}.",
    "reminder.entry_week": "In a week ({deadline}) this is due: {text}. Owner: {owner}.",
    "reminder.entry_due": "Due today: {text}. Owner: {owner}. Mark it done, or postpone the deadline.",
    "reminder.no_owner": "none chosen",
    "reminder.quarterly":
      "Quarterly status: {count, plural, one {# open decision or goal} other {# open decisions and goals}}.",
    "reminder.quarterly_none": "Quarterly status: there are no open decisions or goals. Well done.",
    "reminder.quarterly_more":
      "… and {count, plural, one {# more} other {# more}}. See them all with {command} followup.",
    "reminder.cycle_due":
      "It is almost a year since the last working-environment discussion ({year}). Plan this year's with {command} plan; last year's open goals are carried into point 7.",
    "reminder.cycle_overdue":
      "It is now more than a year since the last working-environment discussion ({year}). The law requires one every year: plan it as soon as possible with {command} plan.",
    "reminder.apv_due":
      "The last APV is from {date}. An APV must be made at least every third year and when the work changes: the next one is due by {due}.",
    "reminder.apv_ahead":
      "The last APV is from {date}, so the next one is due by {due}, in {months, plural, one {# month} other {# months}}. It is time to plan it: who is in charge, and when?",
    "reminder.first_course":
      "{name} joined the AMO on {date}. The mandatory 3-day working-environment course must be completed by {deadline}. Is the course booked?",
    "reminder.supplementary_first":
      "{name} joined the AMO on {date} and must be offered 2 days of supplementary working-environment training in the first year, that is by {deadline}. Are the days planned?",
    "reminder.supplementary":
      "{name} has now been a member of the AMO for {years, plural, one {# year} other {# years}} and must be offered {days} days of supplementary working-environment training in the coming year. It must be discussed at the annual discussion.",
  },
);
