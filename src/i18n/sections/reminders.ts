import { section } from "../section.ts";

export const reminders = section(
  {
    "reminder.prepare":
      "Den årlige arbejdsmiljødrøftelse holdes {when}. Brug tiden til at samle viden og erfaringer fra hele AMO, og tilføj gerne input til dagsordenens punkter på forhånd.",
    "reminder.day_before": "Påmindelse: den årlige arbejdsmiljødrøftelse holdes i morgen, {when}.{where}",
    "reminder.start": "Det er tid til den årlige arbejdsmiljødrøftelse. Tryk på Start, når I er samlet.",
    "reminder.where": " Sted: {where}.",
    "reminder.entry_week": "Om en uge ({deadline}) er der frist for: {text}. Ansvarlig: {owner}.",
    "reminder.entry_due":
      "I dag er der frist for: {text}. Ansvarlig: {owner}. Markér den som gennemført, eller udskyd fristen.",
    "reminder.no_owner": "ingen valgt",
    "reminder.quarterly": "Kvartalsstatus: {count} åbne beslutninger og mål.",
    "reminder.quarterly_none": "Kvartalsstatus: der er ingen åbne beslutninger eller mål. Godt gået.",
    "reminder.quarterly_more": "… og {count} flere. Se dem alle med kommandoen opfølgning.",
    "reminder.cycle_due":
      "Det er snart et år siden sidste arbejdsmiljødrøftelse ({year}). Planlæg årets drøftelse med kommandoen planlæg; sidste års åbne mål tages med under punkt 7.",
    "reminder.cycle_overdue":
      "Det er nu over et år siden sidste arbejdsmiljødrøftelse ({year}). Loven kræver en drøftelse hvert år: planlæg den hurtigst muligt med kommandoen planlæg.",
    "reminder.apv_due":
      "Den seneste APV er fra {date}. En APV skal laves mindst hvert tredje år og når arbejdet ændrer sig: det er tid til at planlægge den næste.",
    "reminder.first_course":
      "{name} blev medlem af AMO {date}. Husk den lovpligtige uddannelse på 3 dage, som skal være gennemført inden {deadline}.",
    "reminder.supplementary":
      "{name} har nu været i AMO i {years} år og skal tilbydes supplerende uddannelse ({days} i år). Drøft det gerne på den årlige drøftelse.",
    "reminder.days_first_year": "2 dage",
    "reminder.days_later": "1,5 dag",
  },
  {
    "reminder.prepare":
      "The annual working-environment discussion is on {when}. Use the time to gather knowledge and experience from the whole AMO, and add input to the agenda points beforehand.",
    "reminder.day_before": "Reminder: the annual working-environment discussion is tomorrow, {when}.{where}",
    "reminder.start":
      "It is time for the annual working-environment discussion. Press Start when you are gathered.",
    "reminder.where": " Place: {where}.",
    "reminder.entry_week": "In a week ({deadline}) this is due: {text}. Owner: {owner}.",
    "reminder.entry_due": "Due today: {text}. Owner: {owner}. Mark it done, or postpone the deadline.",
    "reminder.no_owner": "none chosen",
    "reminder.quarterly": "Quarterly status: {count} open decisions and goals.",
    "reminder.quarterly_none": "Quarterly status: there are no open decisions or goals. Well done.",
    "reminder.quarterly_more": "… and {count} more. See them all with the followup command.",
    "reminder.cycle_due":
      "It is almost a year since the last working-environment discussion ({year}). Plan this year's with the plan command; last year's open goals are carried into point 7.",
    "reminder.cycle_overdue":
      "It is now more than a year since the last working-environment discussion ({year}). The law requires one every year: plan it as soon as possible with the plan command.",
    "reminder.apv_due":
      "The last APV is from {date}. An APV must be made at least every third year and when the work changes: it is time to plan the next one.",
    "reminder.first_course":
      "{name} joined the AMO on {date}. Remember the mandatory 3-day course, which must be completed by {deadline}.",
    "reminder.supplementary":
      "{name} has now been in the AMO for {years} years and must be offered supplementary training ({days} this year). Consider discussing it at the annual discussion.",
    "reminder.days_first_year": "2 days",
    "reminder.days_later": "1.5 days",
  },
);
