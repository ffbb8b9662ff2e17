/**
 * Readable reasons for the verifier's verdicts, in Norwegian Bokmål or English. Reasons are shown to the doctor
 * next to the statement; they may quote values and words from the note, never whole transcript turns.
 */
import type { Language } from '@kollega/domain';
import type { Side } from './lexicon-types';

const SIDE_NAMES: Record<Language, Record<Side, string>> = {
  nb: { right: 'høyre', left: 'venstre', bilateral: 'begge sider' },
  en: { right: 'right', left: 'left', bilateral: 'both sides' },
};

/** The name of a side in the reason language. */
export function sideName(side: Side, language: Language): string {
  return SIDE_NAMES[language][side];
}

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

/** Reason texts by language. */
export const REASONS = {
  supported: (ids: readonly string[], language: Language): string =>
    language === 'nb' ? `Støttes av ${list(ids)}.` : `Supported by ${list(ids)}.`,
  inferred: (ids: readonly string[], language: Language): string =>
    ids.length === 0
      ? language === 'nb'
        ? 'Omskrivning eller vurdering; ikke ordrett i samtalen.'
        : 'A reformulation or assessment; not literally in the transcript.'
      : language === 'nb'
        ? `Omskrivning eller vurdering utledet fra ${list(ids)}.`
        : `A reformulation or assessment drawn from ${list(ids)}.`,
  contentMissing: (language: Language): string =>
    language === 'nb' ? 'Innholdet finnes ikke i samtalen.' : 'The content is not in the transcript.',
  wordsMissing: (words: readonly string[], language: Language): string =>
    language === 'nb'
      ? `«${words.join(', ')}» nevnes ikke i samtalen.`
      : `"${words.join(', ')}" is not mentioned in the transcript.`,
  numberMissing: (claimed: string, language: Language): string =>
    language === 'nb' ? `${claimed} står ikke i samtalen.` : `${claimed} is not in the transcript.`,
  numberConflict: (claimed: string, found: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `${claimed} står ikke i samtalen; der står ${found} (${list(ids)}).`
      : `${claimed} is not in the transcript; it says ${found} (${list(ids)}).`,
  numberOtherPerson: (claimed: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `${claimed} gjelder en annen person enn pasienten i samtalen (${list(ids)}).`
      : `${claimed} belongs to someone other than the patient in the transcript (${list(ids)}).`,
  sideConflict: (claimed: Side, found: Side, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Feil side: samtalen sier ${sideName(found, language)}, ikke ${sideName(claimed, language)} (${list(ids)}).`
      : `Wrong side: the transcript says ${sideName(found, language)}, not ${sideName(claimed, language)} (${list(ids)}).`,
  sideMissing: (claimed: Side, language: Language): string =>
    language === 'nb'
      ? `Siden (${sideName(claimed, language)}) nevnes ikke i samtalen.`
      : `The side (${sideName(claimed, language)}) is not in the transcript.`,
  negationConflictDenied: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Samtalen sier det motsatte: dette ble avkreftet (${list(ids)}).`
      : `The transcript says the opposite: this was denied (${list(ids)}).`,
  stepOnOtherCondition: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Samtalen planlegger dette for det tilfellet at det ikke blir bedre (${list(ids)}).`
      : `The transcript plans this for when it does not get better (${list(ids)}).`,
  stepOnImprovement: (language: Language): string =>
    language === 'nb'
      ? 'Et videre tiltak planlegges for det tilfellet at det blir bedre; slike tiltak følger det som ikke blir bedre – en nektelse ser ut til å mangle.'
      : 'A further step is planned for when it gets better; such steps follow what does not get better – a negation seems to be missing.',
  findingElsewhere: (site: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Funnet nevnes i samtalen bare et annet sted enn «${site}» (${list(ids)}).`
      : `The transcript names this finding only at another site than "${site}" (${list(ids)}).`,
  negationConflictPresent: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Samtalen sier det motsatte: dette var til stede (${list(ids)}).`
      : `The transcript says the opposite: this was present (${list(ids)}).`,
  answeredUnsure: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Pasienten svarte usikkert da det ble spurt om dette (${list(ids)}).`
      : `The patient answered with uncertainty when asked about this (${list(ids)}).`,
  usualForPatient: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Pasienten beskriver dette som vanlig for seg (${list(ids)}).`
      : `The patient describes this as usual for them (${list(ids)}).`,
  conditionRepeated: (phrase: string, language: Language): string =>
    language === 'nb'
      ? `«${phrase}» står ved to ulike verdier; den ene skulle trolig vært «uten».`
      : `"${phrase}" is given for two different values; one of them was probably "without".`,
  negationMissing: (phrase: string, language: Language): string =>
    language === 'nb'
      ? `«${phrase}» hører hjemme i en nektende setning; en nektelse ser ut til å mangle.`
      : `"${phrase}" belongs to a negative sentence; a negation seems to be missing.`,
  processNotDone: (ids: readonly string[], language: Language): string => {
    if (ids.length === 0)
      return language === 'nb'
        ? 'Samtalen viser ikke at dette ble latt være.'
        : 'The transcript does not show this was not done.';
    return language === 'nb'
      ? `Samtalen viser ikke at dette ble latt være; der det omtales, er det uten nektelse (${list(ids)}).`
      : `The transcript does not show this was not done; where it is talked about there is no negation (${list(ids)}).`;
  },
  examinedRemotely: (language: Language): string =>
    language === 'nb'
      ? 'En telefon- eller videokonsultasjon gir ingen klinisk undersøkelse.'
      : 'A telephone or video consultation allows no physical examination.',
  startedNow: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `I samtalen startes dette først nå; pasienten bruker det ikke fra før (${list(ids)}).`
      : `In the transcript this is only being started now; the patient is not already on it (${list(ids)}).`,
  describedGood: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Samtalen beskriver dette som bra eller under kontroll (${list(ids)}).`
      : `The transcript calls this good or under control (${list(ids)}).`,
  describedNormal: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Samtalen beskriver dette som normalt (${list(ids)}).`
      : `The transcript describes this as normal (${list(ids)}).`,
  timeConflict: (claimed: string, found: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Tidspunktet «${claimed}» stemmer ikke; i samtalen: «${found}» (${list(ids)}).`
      : `The time "${claimed}" does not match; the transcript says "${found}" (${list(ids)}).`,
  visitTime: (claimed: string, language: Language): string =>
    language === 'nb'
      ? `Konsultasjonen er i dag, ikke «${claimed}».`
      : `The visit is today, not "${claimed}".`,
  timeMissing: (claimed: string, language: Language): string =>
    language === 'nb'
      ? `Tidspunktet «${claimed}» nevnes ikke i samtalen.`
      : `The time "${claimed}" is not in the transcript.`,
  drugMissing: (name: string, language: Language): string =>
    language === 'nb'
      ? `Legemiddelet ${name} nevnes ikke i samtalen.`
      : `The drug ${name} is not mentioned in the transcript.`,
  drugOtherPerson: (name: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `${name} gjelder en annen person enn pasienten i samtalen (${list(ids)}).`
      : `${name} concerns someone other than the patient in the transcript (${list(ids)}).`,
  diagnosisMissing: (name: string, language: Language): string =>
    language === 'nb'
      ? `Diagnosen «${name}» nevnes ikke i samtalen.`
      : `The diagnosis "${name}" is not in the transcript.`,
  diagnosisOtherPerson: (name: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `«${name}» gjelder en pårørende eller annen person i samtalen, ikke pasienten (${list(ids)}).`
      : `"${name}" concerns a relative or someone else in the transcript, not the patient (${list(ids)}).`,
  otherPerson: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `I samtalen gjelder dette en pårørende eller annen person, ikke pasienten (${list(ids)}).`
      : `In the transcript this concerns a relative or someone else, not the patient (${list(ids)}).`,
  doctorOnly: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Bare nevnt av legen (spørsmål, forslag eller råd), ikke bekreftet av pasienten (${list(ids)}).`
      : `Only mentioned by the doctor (a question, suggestion or advice), not confirmed by the patient (${list(ids)}).`,
  evidenceUnknown: (ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Oppgitt kilde finnes ikke i samtalen: ${list(ids)}.`
      : `Cited segment not in the transcript: ${list(ids)}.`,
  evidenceWrong: (cited: readonly string[], found: readonly string[], language: Language): string =>
    language === 'nb'
      ? `Oppgitt kilde ${list(cited)} støtter ikke setningen; funnet i ${list(found)}.`
      : `Cited segment ${list(cited)} does not support the statement; found in ${list(found)}.`,
  doubleNegation: (language: Language): string =>
    language === 'nb'
      ? 'Dobbel nektelse av samme verb; påstanden er uklar og kan ikke bekreftes av samtalen.'
      : 'The same verb is negated twice; the claim is unclear and the transcript cannot confirm it.',
  bareListItem: (language: Language): string =>
    language === 'nb'
      ? 'Et listeledd uten «no» står mellom ledd som hver er nektet; om funnet var til stede er uklart og kan ikke bekreftes av samtalen.'
      : 'A list item without "no" stands between items that are each negated; whether the finding was present is unclear and the transcript cannot confirm it.',
  strandedNegation: (language: Language): string =>
    language === 'nb'
      ? 'Nektelsen står til slutt uten noe å nekte («as is not»); påstanden er uklar og kan ikke bekreftes av samtalen.'
      : 'The negation ends the phrase with nothing to deny ("as is not"); the claim is unclear and the transcript cannot confirm it.',
  brokenNegation: (language: Language): string =>
    language === 'nb'
      ? 'Nektelsen gjør verbet ugrammatisk («does not have … been»); påstanden er uklar og kan ikke bekreftes av samtalen.'
      : 'The negation leaves the verb ungrammatical ("does not have … been"); the claim is unclear and the transcript cannot confirm it.',
  deniedNegative: (language: Language): string =>
    language === 'nb'
      ? 'En nektet påstand som selv er nektende (dobbel nektelse); påstanden er uklar og kan ikke bekreftes av samtalen.'
      : 'A denial of a clause that is itself negative (a double negation); the claim is unclear and the transcript cannot confirm it.',
  noConsultation: (language: Language): string =>
    language === 'nb' ? 'Ingen konsultasjon registrert.' : 'No consultation recorded.',
};

/** The warning text for an empty or non-clinical transcript. */
export function noConsultationWarning(language: Language): { code: string; message: string } {
  return { code: 'no_consultation', message: REASONS.noConsultation(language) };
}
