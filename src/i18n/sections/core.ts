import { section } from "../section.ts";

export const core = section(
  {
    "role.employer": "Arbejdsgiver",
    "role.employer_representative": "Arbejdsgiverens repræsentant",
    "role.amo_representative": "Arbejdsmiljørepræsentant",
    "role.work_leader": "Arbejdsleder",
    "role.employee": "Medarbejder",
    "role.other": "Deltager",
    "status.planned": "Planlagt",
    "status.running": "I gang",
    "status.concluded": "Afsluttet",
    "status.approved": "Godkendt",
    "point.pending": "Ikke behandlet",
    "point.active": "Drøftes nu",
    "point.done": "Behandlet",
    "point.skipped": "Sprunget over",
    "entry.open": "Åben",
    "entry.done": "Gennemført",
    "refusal.not_running": "Drøftelsen er ikke i gang. Start den først.",
    "refusal.already_started": "Drøftelsen er allerede startet.",
    "refusal.no_such_point": "Dagsordenen har punkterne 1 til 11.",
    "refusal.at_last_point": "Dette er sidste punkt. Afslut drøftelsen, når I er klar.",
    "refusal.at_first_point": "Dette er første punkt.",
    "refusal.not_concluded": "Drøftelsen er ikke afsluttet endnu.",
    "refusal.already_approved": "Referatet er allerede godkendt.",
    "error.stale": "En anden har lige ændret drøftelsen. Visningen er opdateret, så prøv igen.",
    "error.forbidden": "Det må du ikke: {action} kræver rollen {roles}.",
    "error.not_found":
      "Det kunne jeg ikke finde. Måske er det slettet, eller det hører til en anden arbejdsplads.",
    "error.not_set_up": "Arbejdspladsen er ikke sat op endnu. Brug {command} opsæt først.",
    "error.no_discussion":
      "Der er ingen drøftelse for {year}. Planlæg den med {command} planlæg, eller start den med {command} start.",
    "error.deletion_code": "Koden passer ikke eller er udløbet. Bed om en ny kode for at slette data.",
    "error.no_summary": "Drøftelsen for {year} er ikke afsluttet, så der er intet referat endnu.",
    "error.already_exists": "Der findes allerede en drøftelse for {year}.",
    "error.not_editable": "Drøftelsen er afsluttet. Genåbn den for at ændre noget.",
    "error.invalid": "Noget i det indtastede kunne ikke bruges. Ret de markerede felter.",
    "error.reply_too_long":
      "Dit svar er ikke gemt som note: det er for langt (højst {max} tegn). Del det gerne op i flere svar.",
    "error.not_author": "Kun den, der skrev registreringen, eller mødelederen kan ændre eller slette den.",
    "error.override_reason": "Skriv kort, hvorfor drøftelsen afsluttes, selv om noget mangler.",
    "error.temporary": "Noget gik galt hos os. Prøv igen om lidt. Intet af det, der er registreret, er tabt.",
    "action.conclude": "at afslutte drøftelsen",
    "action.setup": "at ændre opsætningen",
    "action.approve": "at godkende referatet",
    "action.delete": "at slette arbejdspladsens data",
    "action.export_data": "at hente alle arbejdspladsens data",
    "action.plan": "at planlægge eller aflyse drøftelsen",
    "action.start": "at starte drøftelsen",
    "error.amend_roster_only":
      "Kun de personer, der står i opsætningen, kan tilføje til eller rette i et afsluttet referat.",
    "error.follow_up_not_yours":
      "Det kan kun den ansvarlige, den der skrev det, eller arbejdsmiljøorganisationen ændre.",
    "data.export_title": "Arbejdspladsens data",
    "error.setup_employer_only":
      "Kun arbejdsgiveren kan ændre opsætningen og rollerne. Spørg {names}, hvis noget skal rettes.",
    "error.setup_installer_only":
      "Der er ikke udpeget nogen arbejdsgiver endnu. Den første opsætning laves af den, der installerede appen, eller af en administrator af arbejdsområdet, som så udpeger arbejdsgiveren.",
    "error.read_elsewhere":
      "Det kan jeg kun vise i arbejdspladsens arbejdsmiljøkanal, eller privat til dem, der står i opsætningen. Spørg i kanalen.",
    "roles.changed": "{actor} har ændret rollerne i arbejdsmiljøarbejdet:\n{lines}",
    "roles.changed_line": "• {name}: {from} → {to}",
    "roles.none": "ingen rolle",
    "roles.name_only":
      "Gemt i referatet. Personen er kun skrevet ind med navn, så opsætningen er ikke ændret: vælg personen i opsætningen, så botten kan minde personen om uddannelsen.",
    "roles.record_only":
      "Gemt i referatet. Opsætningen er ikke ændret, for nye medlemmer sættes på af arbejdsgiveren eller arbejdsgiverens repræsentant.",
    "structure.employees_missing":
      "Med under 10 ansatte deltager alle ansatte i drøftelsen. Tilføj medarbejderne i opsætningen, så de bliver inviteret.",
    "structure.no_representative":
      "Med {headcount} ansatte skal AMO have mindst én valgt arbejdsmiljørepræsentant, men opsætningen har ingen. Tilføj arbejdsmiljørepræsentanten, når valget er holdt.",
    "structure.fewer_representatives":
      "AMO skal have mindst lige så mange arbejdsmiljørepræsentanter som arbejdsledere. Opsætningen har {reps, plural, one {# arbejdsmiljørepræsentant} other {# arbejdsmiljørepræsentanter}} og {leaders, plural, one {# arbejdsleder} other {# arbejdsledere}}.",
    "problem.required": "Skal udfyldes.",
    "problem.too_long":
      "Teksten er for lang: højst {max} tegn. Intet er gemt eller skåret af; kort den ned, eller del den op.",
    "problem.invalid_date": "Ikke en gyldig dato. Skriv fx 24-11-2026.",
    "problem.date_in_past": "Datoen er passeret. Vælg en dato fra i dag og frem.",
    "problem.invalid_number": "Skriv et helt tal, 0 eller mere.",
    "problem.invalid_days": "Skriv et antal dage fra 0 til 30 i hele eller halve dage, fx 2 eller 1,5.",
    "problem.invalid_choice": "Vælg en af mulighederne.",
    "problem.reason_required": "Skriv hvorfor målet ikke er nået helt.",
    "problem.incidents_recorded":
      'Tallene viser hændelser i årets løb, så "ingen hændelser" passer ikke. Vælg, om årsagerne er undersøgt: ja, delvist eller nej.',
    "problem.no_incidents_recorded":
      'Alle tallene er 0, så der er ingen årsager at undersøge. Vælg "ingen hændelser", eller ret tallene.',
    "problem.unknown_field": "Feltet kendes ikke.",
    "problem.invalid": "Ugyldig værdi.",
    "problem.employer_required": "Udpeg arbejdsgiveren.",
    "problem.names_person":
      'Teksten nævner en person. Ulykker registreres uden navne, fordi oplysninger om en navngiven persons ulykke og helbred er følsomme personoplysninger. Skriv i stedet, hvad der skete, og hvorfor, fx "fald på trappen ved kantinen, trinnet var vådt".',
    "problem.reads_as_diagnosis":
      'Teksten beskriver en skade eller en diagnose. Den slags er følsomme personoplysninger og hører ikke hjemme i referatet. Skriv årsagen og hvad I gør ved den, fx "fald på vådt trin; skridsikre trin bestilt".',
  },
  {
    "role.employer": "Employer",
    "role.employer_representative": "Employer's representative",
    "role.amo_representative": "Working-environment representative",
    "role.work_leader": "Supervisor",
    "role.employee": "Employee",
    "role.other": "Participant",
    "status.planned": "Planned",
    "status.running": "In progress",
    "status.concluded": "Concluded",
    "status.approved": "Approved",
    "point.pending": "Not discussed",
    "point.active": "Under discussion",
    "point.done": "Discussed",
    "point.skipped": "Skipped",
    "entry.open": "Open",
    "entry.done": "Done",
    "refusal.not_running": "The discussion is not in progress. Start it first.",
    "refusal.already_started": "The discussion has already started.",
    "refusal.no_such_point": "The agenda has points 1 to 11.",
    "refusal.at_last_point": "This is the last point. Conclude the discussion when you are ready.",
    "refusal.at_first_point": "This is the first point.",
    "refusal.not_concluded": "The discussion has not been concluded yet.",
    "refusal.already_approved": "The minutes have already been approved.",
    "error.stale": "Someone else just changed the discussion. The view is updated; please try again.",
    "error.forbidden": "You may not do that: {action} needs the role {roles}.",
    "error.not_found": "I could not find that. It may have been deleted, or it belongs to another workplace.",
    "error.not_set_up": "This workplace is not set up yet. Use {command} setup first.",
    "error.no_discussion":
      "There is no discussion for {year}. Plan it with {command} plan, or start it with {command} start.",
    "error.deletion_code": "The code does not match or has expired. Ask for a new code to delete the data.",
    "error.no_summary": "The discussion for {year} is not concluded, so there are no minutes yet.",
    "error.already_exists": "A discussion for {year} already exists.",
    "error.not_editable": "The discussion is concluded. Reopen it to change anything.",
    "error.invalid": "Some of what you entered could not be used. Please correct the marked fields.",
    "error.reply_too_long":
      "Your reply was not saved as a note: it is too long (at most {max} characters). Feel free to split it into several replies.",
    "error.not_author": "Only the entry's author or the organiser can change or delete it.",
    "error.override_reason": "Briefly say why the discussion is concluded although something is missing.",
    "error.temporary":
      "Something went wrong on our side. Please try again shortly. Nothing recorded has been lost.",
    "action.conclude": "concluding the discussion",
    "action.setup": "changing the setup",
    "action.approve": "approving the minutes",
    "action.delete": "deleting the workplace's data",
    "action.export_data": "fetching all of the workplace's data",
    "action.plan": "planning or cancelling the discussion",
    "action.start": "starting the discussion",
    "error.amend_roster_only": "Only the people in the setup can add to or correct concluded minutes.",
    "error.follow_up_not_yours":
      "Only the person responsible, the one who wrote it, or the working-environment organisation can change that.",
    "data.export_title": "The workplace's data",
    "error.setup_employer_only":
      "Only the employer can change the setup and the roles. Ask {names} if something needs correcting.",
    "error.setup_installer_only":
      "No employer has been named yet. The first setup is done by the person who installed the app, or by an admin of the workspace, who then names the employer.",
    "error.read_elsewhere":
      "I can only show that in the workplace's working-environment channel, or privately to the people named in the setup. Please ask in the channel.",
    "roles.changed": "{actor} changed the roles in the working-environment work:\n{lines}",
    "roles.changed_line": "• {name}: {from} → {to}",
    "roles.none": "no role",
    "roles.name_only":
      "Saved in the minutes. The person is written in by name only, so the setup has not been changed: choose them in the setup, so the bot can remind them of their training.",
    "roles.record_only":
      "Saved in the minutes. The setup has not been changed: new members are added to it by the employer or the employer's representative.",
    "structure.employees_missing":
      "With fewer than 10 employees, every employee takes part in the discussion. Add the employees in the setup so they are invited.",
    "structure.no_representative":
      "With {headcount} employees, the AMO must have at least one elected working-environment representative, but the setup has none. Add the representative once the election is held.",
    "structure.fewer_representatives":
      "The AMO must have at least as many working-environment representatives as supervisors. The setup has {reps, plural, one {# representative} other {# representatives}} and {leaders, plural, one {# supervisor} other {# supervisors}}.",
    "problem.required": "Required.",
    "problem.too_long":
      "The text is too long: at most {max} characters. Nothing was saved or cut; shorten it or split it up.",
    "problem.invalid_date": "Not a valid date. Write e.g. 24-11-2026.",
    "problem.date_in_past": "That date has passed. Choose a date from today on.",
    "problem.invalid_number": "Enter a whole number, 0 or more.",
    "problem.invalid_days": "Enter a number of days from 0 to 30 in whole or half days, e.g. 2 or 1.5.",
    "problem.invalid_choice": "Choose one of the options.",
    "problem.reason_required": "Say why the goal was not fully reached.",
    "problem.incidents_recorded":
      'The figures show incidents during the year, so "no incidents" does not fit. Choose whether their causes were investigated: yes, partly or no.',
    "problem.no_incidents_recorded":
      'All the figures are 0, so there are no causes to investigate. Choose "no incidents", or correct the figures.',
    "problem.unknown_field": "Unknown field.",
    "problem.invalid": "Invalid value.",
    "problem.employer_required": "Name the employer.",
    "problem.names_person":
      'The text names a person. Accidents are recorded without names, because details of a named person\'s accident and health are sensitive personal data. Write what happened and why instead, e.g. "fall on the stairs by the canteen, the step was wet".',
    "problem.reads_as_diagnosis":
      'The text describes an injury or a diagnosis. That is sensitive personal data and does not belong in the minutes. Write the cause and what you do about it, e.g. "fall on a wet step; non-slip steps ordered".',
  },
);
