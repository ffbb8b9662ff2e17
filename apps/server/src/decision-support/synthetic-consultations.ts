/**
 * Synthetic consultations for the decision-support tests, written for them in the style of the nb-dev set
 * (spoken Bokmål, the GP dictating findings). No real patients; not taken from the development set.
 */

/** One turn: speaker role and what was said. */
export type SyntheticTurn = { speaker: 'lege' | 'pasient'; text: string };

const turns = (...lines: Array<[SyntheticTurn['speaker'], string]>): SyntheticTurn[] =>
  lines.map(([speaker, text]) => ({ speaker, text }));

/** Sore throat, Centor 4 (fever, no cough, tender nodes, exudate), positive strep A; penicillin V 660 mg x 4 in 5 days. */
export const SORE_THROAT_CENTOR_4 = turns(
  ['lege', 'Hei, velkommen inn. Hva er det som plager deg i dag?'],
  ['pasient', 'Jeg har fått skikkelig vondt i halsen, eh, det startet for to dager siden.'],
  ['lege', 'Har du hatt feber?'],
  ['pasient', 'Ja, jeg hadde 39,1 i natt.'],
  ['lege', 'Hoster du noe?'],
  ['pasient', 'Nei, ingen hoste.'],
  ['lege', 'Er du allergisk mot noe, penicillin for eksempel?'],
  ['pasient', 'Nei, jeg har fått penicillin før uten problemer.'],
  [
    'lege',
    'Da ser jeg i halsen. Mandlene er hovne og røde med hvitt belegg på begge sider. Det er ømme, forstørrede lymfeknuter foran på halsen. Temperaturen er 38,7 nå.',
  ],
  ['lege', 'Streptokokktesten er positiv.'],
  [
    'lege',
    'Du har streptokokkhalsbetennelse. Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
  ],
  ['pasient', 'Takk skal du ha.'],
);

/** Uncomplicated cystitis in a non-pregnant woman of 34; the GP prescribes ciprofloxacin (not first choice). */
export const CYSTITIS_CIPROFLOXACIN = turns(
  ['lege', 'Hei, hva kan jeg hjelpe deg med?'],
  ['pasient', 'Det svir når jeg tisser, og jeg må tisse hele tiden. Det begynte i går.'],
  ['lege', 'Har du feber eller vondt i ryggen eller i siden?'],
  ['pasient', 'Nei, ingen feber og ikke vondt i siden.'],
  ['lege', 'Noe utflod eller kløe?'],
  ['pasient', 'Nei, ikke noe sånt.'],
  ['lege', 'Er du gravid, eller kan du være det?'],
  ['pasient', 'Nei, jeg er ikke gravid. Jeg er 34 år.'],
  ['lege', 'Urinstiksen viser positiv nitritt og leukocytter.'],
  [
    'lege',
    'Dette er en vanlig blærebetennelse. Jeg skriver ut ciprofloksacin 500 milligram to ganger daglig i tre dager.',
  ],
  ['pasient', 'Greit.'],
);

/** A common cold with sore throat and cough, no fever, no exudate; no antibiotics. */
export const COLD_NO_ANTIBIOTIC = turns(
  ['lege', 'Hva bringer deg hit i dag?'],
  ['pasient', 'Jeg har vondt i halsen og er tett i nesa, og så hoster jeg mye. Det har vart i tre dager.'],
  ['lege', 'Har du hatt feber?'],
  ['pasient', 'Nei, ingen feber.'],
  [
    'lege',
    'Halsen er lett rød, men det er ikke belegg på mandlene. Ingen forstørrede lymfeknuter på halsen. Lungene høres fine ut.',
  ],
  [
    'lege',
    'Dette er en vanlig forkjølelse, en øvre luftveisinfeksjon. Du trenger ikke antibiotika, det går over av seg selv.',
  ],
  ['pasient', 'Ok, da vet jeg det.'],
);

/** Acute bronchitis in a healthy adult; the GP prescribes amoxicillin (the guideline advises none). */
export const BRONCHITIS_AMOXICILLIN = turns(
  ['lege', 'Hei, hva gjelder det?'],
  ['pasient', 'Jeg har hostet i ti dager nå, med litt gult slim.'],
  ['lege', 'Har du hatt feber?'],
  ['pasient', 'Litt i starten, men ikke nå lenger.'],
  ['lege', 'Noen kjente lungesykdommer, astma eller KOLS?'],
  ['pasient', 'Nei, ingenting sånt.'],
  [
    'lege',
    'Lungene: ingen knatrelyder, fin respirasjon. Metningen er 98 prosent, og CRP er 12. Temperaturen er 37,2.',
  ],
  [
    'lege',
    'Dette er en akutt bronkitt. Jeg skriver ut amoksicillin 500 milligram tre ganger daglig i fem dager.',
  ],
  ['pasient', 'Takk.'],
);

/** Low back pain after lifting; no infection, no antibiotics. */
export const LOW_BACK_PAIN = turns(
  ['lege', 'Hei, hva kan jeg hjelpe deg med?'],
  ['pasient', 'Jeg har hatt vondt i korsryggen i en uke, etter at jeg løftet en tung kasse.'],
  ['lege', 'Stråler det ned i beina? Nummenhet, problemer med å tisse?'],
  ['pasient', 'Nei, ingenting av det.'],
  ['lege', 'Ryggen er øm paravertebralt i korsryggen, normal kraft og følelse i beina.'],
  ['lege', 'Dette er vanlige muskulære ryggsmerter. Bruk Paracet ved behov og hold deg i aktivitet.'],
  ['pasient', 'Skal gjøre det.'],
);

/** Sore throat by telephone: fever and no cough told, no examination and no strep test yet. */
export const SORE_THROAT_BY_PHONE = turns(
  ['lege', 'Hei, det er legen som ringer. Du har vondt i halsen?'],
  ['pasient', 'Ja, det har vært vondt i halsen i to dager, og jeg hadde feber, 38,5 i går kveld.'],
  ['lege', 'Hoster du?'],
  ['pasient', 'Nei, ikke noe hoste.'],
  [
    'lege',
    'Det høres ut som en halsbetennelse. Jeg kan ikke se i halsen på telefon, så jeg vil at du kommer inn til en streptokokktest før vi bestemmer om du trenger penicillin.',
  ],
  ['pasient', 'Ja, jeg kan komme i ettermiddag.'],
);
