import type { Fact, FactKind, FactSubject, Language, Polarity, Transcript } from '@kollega/domain';
import { inferSpeakerRoles } from '../speakers/infer-speaker-roles';
import { lexiconFor } from '../language/index';
import { clearDrugMentionMemo, findDrugMentions, noteNameOf } from '../language/drugs';
import { findSides, resolveLaterality, replaceSides, startsWithCorrection } from '../language/laterality';
import { clearMeasurementMemo, findMeasurements } from '../language/measurements';
import { detectPolarity, hasNegation } from '../language/negation';
import { clearTimeMemo, mainTime } from '../language/time-expressions';
import { wordPattern, wordsOf } from '../language/text';
import { composeAnswer, readAnswer, readQuestion } from './question-answer';
import type { SectionRole } from './shorthand';
import { clearShorthandMemo, tidySentence, toShorthand } from './shorthand';
import { buildUtterances } from './utterances';
import type { Utterance } from './utterances';
import type { SentenceSubject } from './vocabulary';
import {
  classifyDoctorSentence,
  countClinicalWords,
  countSymptomWords,
  hasSpecificDiagnosis,
  isClinicalWord,
  detectSubject,
  hasDiagnosisTerm,
  isClinicalSentence,
} from './vocabulary';

/** Where in a section a statement belongs (used for ordering and for English sub-sections). */
export type StatementGroup =
  | 'context'
  | 'complaint'
  | 'symptom'
  | 'negative'
  | 'course'
  | 'medication'
  | 'allergy'
  | 'social'
  | 'family'
  | 'finding'
  | 'vital'
  | 'lab'
  | 'diagnosis'
  | 'prescription'
  | 'plan'
  | 'safety'
  | 'follow-up';

/** A fact with what the note writer needs to place it: section, group, position and priority. */
export interface DraftFact {
  fact: Fact;
  section: SectionRole;
  group: StatementGroup;
  /** Position of its first utterance in the conversation. */
  order: number;
  /** 1 (drop first) … 10 (keep always), for length budgets. */
  priority: number;
  /** Who said it (for attribution of relatives' reports). */
  source: 'patient' | 'relative' | 'doctor';
}

/** Options for `extractFacts`. */
export interface ExtractFactsOptions {
  language: Language;
}

const ALLERGY: Record<Language, RegExp> = {
  nb: wordPattern(
    '\\p{L}*allergi\\p{L}*|allergisk|reagerer på|reagerte på|tåler|tålt|tålte|reaksjon\\p{L}*|elveblest|CAVE',
    'iu',
  ),
  en: wordPattern('allerg\\p{L}*|reaction|hives|tolerat\\p{L}*', 'iu'),
};
const MEDICATION: Record<Language, RegExp> = {
  nb: wordPattern(
    'medisin\\p{L}*|tablett\\p{L}*|p-pille\\p{L}*|hormonspiral|spiral|inhalator|spray|krem|salve|dråper|vitamin\\p{L}*|tilskudd|kur',
    'iu',
  ),
  en: wordPattern(
    'medication\\p{L}*|medicine\\p{L}*|pill\\p{L}*|tablet\\p{L}*|inhaler|cream|spray|drops|supplement\\p{L}*|vitamin\\p{L}*',
    'iu',
  ),
};
const SOCIAL: Record<Language, RegExp> = {
  nb: wordPattern(
    'røyk\\p{L}*|snus\\p{L}*|alkohol|øl|vin|pils|drikker (?:\\d|ca\\.)|jobb\\p{L}*|jobber|studerer|student|arbeid\\p{L}*|pensjonist|bor (?:alene|med|sammen)|trening|trener|egenmeld\\p{L}*|sykmeldt|barnehage\\p{L}*|skole\\p{L}*|konsulent|arbeider|sykepleier|lærer|elektriker|fagarbeider',
    'iu',
  ),
  en: wordPattern(
    'smok\\p{L}*|cigarette\\p{L}*|alcohol|drink\\p{L}*|beer|wine|work\\p{L}*|job|retired|lives (?:alone|with)|exercis\\p{L}*|married|vape\\p{L}*|marijuana',
    'iu',
  ),
};
const PAST: Record<Language, RegExp> = {
  nb: wordPattern(
    'tidligere|tidl\\.|før|fra før|i fjor|for \\d+ år siden|som barn|operert|innlagt|hatt \\p{L}+ før|kjent',
    'iu',
  ),
  en: wordPattern('history of|in the past|previously|years ago|had surgery|was diagnosed', 'iu'),
};
const REFERRAL: Record<Language, RegExp> = {
  nb: wordPattern('henv\\.?|henvis\\p{L}*|pakkeforløp', 'iu'),
  en: wordPattern('refer\\p{L}*|specialist', 'iu'),
};
const SICK_LEAVE: Record<Language, RegExp> = {
  nb: wordPattern('sykmeld\\p{L}*|egenmeld\\p{L}*', 'iu'),
  en: wordPattern('work note|off work|sick leave|time off', 'iu'),
};
const TEST: Record<Language, RegExp> = {
  nb: wordPattern(
    'blodprøve\\p{L}*|prøve\\p{L}*|dyrkning|røntgen|rtg\\.?|MR|CT|ultralyd|EKG|spirometri|test\\p{L}*|koloskopi|gastroskopi',
    'iu',
  ),
  en: wordPattern(
    'blood work|labs?|x-ray|mri|ct|ultrasound|echo\\p{L}*|ekg|ecg|test\\p{L}*|biopsy|scan|imaging',
    'iu',
  ),
};
const FOLLOW_UP: Record<Language, RegExp> = {
  nb: wordPattern(
    'kontroll|ny time|vi ses|ses igjen|se (?:deg|dere|henne|ham) igjen|ringer (?:deg|pas)|ny videokonsultasjon|ny telefon\\p{L}*',
    'iu',
  ),
  en: wordPattern('follow[- ]?up|come back|see you|recheck|return', 'iu'),
};
const SAFETY: Record<Language, RegExp> = {
  nb: wordPattern('ny kontakt|ta kontakt|legevakt\\p{L}*|113|116 ?117|ved forverring|hvis (?:du|det)', 'iu'),
  en: wordPattern('call (?:me|us|911)|emergency|er|if (?:you|it|things|symptoms)|worse', 'iu'),
};
const PRESCRIPTION: Record<Language, RegExp> = {
  nb: wordPattern(
    'resept|start\\p{L}*|begynn\\p{L}*|du får|ta|tar|fortsett\\p{L}*|seponer\\p{L}*|reduser\\p{L}*|øke\\p{L}*|trapp\\p{L}*|\\d+ mg|x \\d|mg|mikrogram|\\d+ g',
    'iu',
  ),
  en: wordPattern(
    'prescri\\p{L}*|start\\p{L}*|take|continue|increase|decrease|stop|\\d+ mg|mg|daily|twice',
    'iu',
  ),
};

function kindOfHistory(text: string, language: Language): { kind: FactKind; group: StatementGroup } {
  if (ALLERGY[language].test(text)) return { kind: 'allergy', group: 'allergy' };
  if (findDrugMentions(text).length > 0 || MEDICATION[language].test(text))
    return { kind: 'medication', group: 'medication' };
  if (SOCIAL[language].test(text) && countSymptomWords(text, language) === 0)
    return { kind: 'social', group: 'social' };
  if (PAST[language].test(text)) return { kind: 'history', group: 'course' };
  return { kind: 'symptom', group: 'symptom' };
}

function kindOfPlan(text: string, language: Language): { kind: FactKind; group: StatementGroup } {
  if (SICK_LEAVE[language].test(text)) return { kind: 'sick-leave', group: 'plan' };
  if (REFERRAL[language].test(text)) return { kind: 'referral', group: 'plan' };
  if (findDrugMentions(text).length > 0 && PRESCRIPTION[language].test(text) && !SAFETY[language].test(text))
    return { kind: 'prescription', group: 'prescription' };
  if (SAFETY[language].test(text)) return { kind: 'advice', group: 'safety' };
  if (FOLLOW_UP[language].test(text)) return { kind: 'follow-up', group: 'follow-up' };
  if (TEST[language].test(text)) return { kind: 'test', group: 'plan' };
  if (findDrugMentions(text).length > 0) return { kind: 'prescription', group: 'prescription' };
  return { kind: 'advice', group: 'plan' };
}

const PRIORITY: Record<FactKind, number> = {
  allergy: 10,
  prescription: 9,
  measurement: 9,
  diagnosis: 9,
  medication: 8,
  referral: 8,
  'sick-leave': 8,
  complaint: 9,
  'follow-up': 8,
  test: 7,
  symptom: 7,
  finding: 8,
  history: 6,
  'family-history': 5,
  advice: 5,
  social: 5,
  plan: 6,
};

interface FactInput {
  text: string;
  kind: FactKind;
  group: StatementGroup;
  section: SectionRole;
  evidence: string[];
  order: number;
  source: DraftFact['source'];
  subject?: FactSubject;
  /** The spoken text the structured fields are read from. */
  spoken: string;
  polarity?: Polarity;
}

function buildDraft(input: FactInput, language: Language): DraftFact | undefined {
  const text = tidySentence(input.text);
  if (wordsOf(text).length === 0) return undefined;
  const detected = detectPolarity(text, language);
  const polarity: Polarity =
    input.polarity ??
    (detected === 'uncertain' &&
    (input.section === 'plan' || input.section === 'examination' || input.section === 'results')
      ? 'positive'
      : detected);
  const fact: Fact = {
    kind: input.kind,
    text,
    polarity,
    subject: input.subject ?? 'patient',
    evidence: [...new Set(input.evidence)],
  };
  const laterality = resolveLaterality(text, language) ?? resolveLaterality(input.spoken, language);
  if (laterality && findSides(text, language).length > 0) fact.laterality = laterality;
  const time = mainTime(input.spoken, language);
  if (time) fact.time = time.text;
  const measurement = findMeasurements(input.spoken, language)[0];
  if (measurement) {
    fact.value = measurement.value;
    if (measurement.unit) fact.unit = measurement.unit;
  } else {
    const dose = /(\d+(?:[.,]\d+)?)\s?(mg|g|mikrogram|mcg|ml|%)(?:\s?x\s?(\d+))?/iu.exec(text);
    if (dose?.[1] && dose[2]) {
      fact.value = dose[3] ? `${dose[1]} ${dose[2]} x ${dose[3]}` : dose[1];
      fact.unit = dose[2];
    }
  }
  const kind = input.kind === 'finding' && measurement ? 'measurement' : input.kind;
  fact.kind = kind;
  const priority =
    PRIORITY[kind] +
    (fact.polarity === 'negative' && input.section === 'history' ? 1 : 0) +
    (input.group === 'safety' ? 3 : 0);
  return {
    fact,
    section: input.section,
    group: input.group,
    order: input.order,
    priority: Math.min(10, priority),
    source: input.source,
  };
}

const SMALL_TALK: Record<Language, RegExp> = {
  nb: wordPattern(`^(?:${lexiconFor('nb').smallTalk})(?:[ ,.!]|$)`, 'iu'),
  en: wordPattern(`^(?:${lexiconFor('en').smallTalk})(?:[ ,.!]|$)`, 'iu'),
};
const FIRST_PERSON: Record<Language, RegExp> = { nb: /\b(?:jeg|meg)\b/iu, en: /\b(?:i|me)\b/iu };
const THIRD_PERSON: Record<Language, RegExp> = {
  nb: /\b(?:han|hun|ham|henne)\b/iu,
  en: /\b(?:he|she|him|her)\b/iu,
};
const SECOND_PERSON: Record<Language, RegExp> = {
  nb: /\b(?:du|deg|dere|din|ditt|dine)\b/iu,
  en: /\b(?:you|your)\b/iu,
};
/** Questions asked while examining ("er det ømt her?", "kan du gape?") are not history. */
const INSTRUCTION_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern(
    '^(?:(?:ja|ok|da|så|og|nå),? )*(?:kan du|klarer du|da kjenner jeg|jeg kjenner|her|der)|\\b(?:her|der)\\s*\\??$',
    'iu',
  ),
  en: wordPattern(
    '^(?:(?:okay|ok|so|and|now),? )*(?:can you|could you|does (?:this|that|it) hurt (?:here|there)|how about (?:here|there))|\\b(?:here|there)\\s*\\??$',
    'iu',
  ),
};
const PRONOUN_FINDING: Record<Language, RegExp> = {
  nb: /^(?:(?:ja|ok|og|så|nå|men),? )*(?:den|det|de|dette) (?:er|var|ble)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))\s*/iu,
  en: /^(?:(?:and|so|okay),? )*(?:it|that|this|they) (?:is|was|are|were)\b\s*/iu,
};
const PRONOUN_RESULT: Record<Language, RegExp> = {
  nb: /^(?:(?:ja|ok|og|så|nå),? )*(?:den|det|testen|prøven|svaret) (?:er|var|viser|ble)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /^(?:(?:and|so|okay),? )*(?:it|the test|the result) (?:is|was|came back)\b/iu,
};
const TEST_NAME: Record<Language, RegExp> = {
  nb: /(\p{L}*(?:test|prøve|stix))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /(\p{L}*(?:test|swab|culture))\b/iu,
};

/** Assessment openers too weak to count when the doctor is answering a patient's question. */
const WEAK_ASSESSMENT: Record<Language, RegExp> = {
  nb: /^(?:(?:ja|nei|ok|så|og|men),? )*(?:det er|dette er|det kan være)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /^(?:(?:yes|no|so|and|but|well),? )*(?:it is|it's|that is|that's|it can be)\b/iu,
};

/** A previous value of the measurement just given ("Sist, i april, var den 52", "For to år siden var det 14,1"). */
const PREVIOUS_VALUE: Record<Language, RegExp> = {
  nb: /^(?:(?:og|men|ja),?\s+)?(?:sist|forrige gang|tidligere|i fjor|for \d+ (?:år|måneder|uker) siden)(?:,?\s+(?:i|i slutten av|på)\s+\p{L}+)?,?\s+(?:var|lå) (?:den|det|verdien)(?: på)? (\d+(?:,\d+)?)\s*(.{0,25}?)[.!]?$/iu,
  en: /^(?:(?:and|but),?\s+)?(?:last time|previously|before|a year ago|(?:\d+|two|three) (?:years|months) ago)(?:,?\s+in\s+\p{L}+)?,?\s+it was (\d+(?:\.\d+)?)\s*(.{0,25}?)[.!]?$/iu,
};

/** The diagnosis a text names, as written there ("depresjon"). */
function diagnosisIn(text: string, language: Language): string | undefined {
  return wordsOf(text).find((word) => word.length >= 6 && hasDiagnosisTerm(word, language));
}

/** The doctor asked how long. */
const DURATION_ASKED: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:hvor lenge|når begynte|når startet|hvor lang tid|siden når)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\b(?:how long|when did (?:it|this|that|the \p{L}+) (?:start|begin))\b/iu,
};

/** A score said after its instrument ("PHQ-9 … Du har 17 poeng"). */
const POINTS: Record<Language, RegExp> = {
  nb: /\b(\d{1,3}) poeng\b/iu,
  en: /\b(?:score(?:d)? (?:of |is )?)?(\d{1,3}) points?\b/iu,
};
const INSTRUMENT =
  /\b(PHQ-9|PHQ-2|GAD-7|MADRS|EPDS|AUDIT|MMSE|MoCA|CAT|ACT|IPSS|CRB-65|Centor|CHA2DS2-VASc|HAD|VAS)\b/iu;

/** A plan fragment of dose, frequency or duration only ("2-3 ganger daglig i 1 uke."). */
const DOSE_FRAGMENT: Record<Language, RegExp> = {
  nb: /^(?:og |i |så )?(?:\d+(?:[-–]\d+)?|én|en|to|tre)\s+(?:ganger?|x|tablett\p{L}*|mg|g|dose\p{L}*|dråper|drag)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^.]{0,60}[.!]?$/iu,
  en: /^(?:and |then )?(?:\d+(?:-\d+)?|one|two|three)\s+(?:times?|tablets?|pills?|mg|puffs?|drops?)\b[^.]{0,60}[.!]?$/iu,
};

/** "Gjør det vondt når jeg trykker her?" – tenderness on palpation. */
const TENDERNESS_QUESTION: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:gjør det vondt|er det (?:vondt|ømt)|kjenner du (?:det|noe)|øm)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])).*(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:når jeg (?:trykker|kjenner|klemmer)|her|der)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\b(?:does (?:it|this|that) hurt|is (?:it|this|that) (?:tender|sore|painful))\b.*\b(?:when i (?:press|push|touch)|here|there)\b/iu,
};

/** Openers and lifestyle questions whose answers are history even if they hold no clinical word. */
const HISTORY_QUESTION: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:hjelpe|gjelder|plager|skjedd|skjedde|fortell|hvordan (?:går|står|har|er)|hvorfor|jobb|jobber|driver|røyk|alkohol|drikker|trener|spiser|mat|bor|familie|søvn|sover|stress|hjemme|medisin|allergi|form|i dag|lenge|når)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\b(?:help|brings|going on|happened|tell me|how (?:are|is|have)|why|work|job|smoke|alcohol|drink|exercise|eat|diet|live|family|sleep|stress|home|medication|allerg|today|how long|when)\b/iu,
};

/** A question with no clinical content that is not an opener or a lifestyle question: small talk. */
function isSmallTalkQuestion(text: string, language: Language): boolean {
  // "Ja?" or "Og?" invites the story; a real off-topic question has some words
  if (wordsOf(text).length < 3) return false;
  return (
    countClinicalWords(text, language) === 0 &&
    findDrugMentions(text).length === 0 &&
    !HISTORY_QUESTION[language].test(text)
  );
}

/** How a relative names the patient: their parent, spouse or child ("mamma", "mannen min"). */
const PATIENT_AS_RELATIVE: Record<Language, RegExp> = {
  nb: /^(?:(?:ja|nei|og|men|altså),?\s+)*(?:mamma|pappa|mor|far|mora mi|moren min|faren min|mannen min|kona mi|kona|mannen|samboeren min|datteren min|sønnen min)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /^(?:(?:yes|no|and|but|so|well),?\s+)*(?:mom|dad|my (?:mom|mother|dad|father|husband|wife|son|daughter))\b/iu,
};

/** Body parts (a statement naming only one says nothing). */
const BODY_PART: Record<Language, RegExp> = {
  nb: /^(?:hals|halsen|nese|nesa|nesen|øre|øret|ørene|øra|øye|øyet|øynene|lunge|lungene|hjerte|hjertet|mage|magen|rygg|ryggen|nakke|nakken|skulder|skulderen|arm|armen|hånd|hånda|hånden|bein|beinet|benet|ben|kne|kneet|fot|foten|legg|leggen|lår|låret|hode|hodet|bryst|brystet|hud|huden|dette|den|det|hennes|hans|min|mitt|mi)$/u,
  en: /^(?:throat|nose|ear|ears|eye|eyes|lung|lungs|heart|stomach|belly|back|neck|shoulder|arm|hand|leg|knee|foot|head|chest|skin|this|that|my|the|it)$/u,
};

const SIDE_FILLER: Record<Language, RegExp> = {
  nb: /^(?:det|den|i|på|høyre|venstre|side|sida|siden|ja|nei|øret|øre|kneet|kne|foten|fot|armen|beinet|benet|selvfølgelig|altså|da)$/u,
  en: /^(?:the|on|it|right|left|side|one|yes|no|ear|knee|foot|arm|leg|of|course)$/u,
};

/** Treatments a patient may ask for ("Får jeg penicillin?", "Trenger hun antibiotika?"). */
const TREATMENT_WORDS: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(antibiotika|penicillin|sykmelding|sykmeldt|henvisning|røntgen|MR|CT|blodprøver?|sovemedisin|sovepiller|sovetabletter|medisin(?:er)?|fucidin|fusidinsyre|ibux|paracet)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\b(antibiotics?|penicillin|work note|referral|x-ray|mri|ct scan|blood work|sleeping pills?|medication)\b/iu,
};

/** A patient's wish for a treatment ("kona mente jeg burde få penicillin", "jeg vil helst ha antibiotika"). */
const TREATMENT_WISH: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:burde få|bør få|vil (?:helst |gjerne )?ha|ønsker|trenger|kan (?:jeg|hun|han) få|får (?:jeg|hun|han))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\b(?:should (?:get|have)|want|would like|need|can i get|could i get)\b/iu,
};

/** The decision on a treatment a patient asked about, from the doctor's answer ("Nei, …" → "Ingen antibiotika nå."). */
function treatmentDecision(question: string, answer: string, language: Language): string | undefined {
  const treatment = TREATMENT_WORDS[language].exec(question)?.[1];
  if (!treatment) return undefined;
  const declined =
    language === 'nb'
      ? /^(?:(?:nei|nå),?\s)|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:ikke nødvendig|trenger (?:hun|han|du) ikke|ingen grunn til|hjelper ikke|ikke nå|vi venter|avventer)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu
      : /^(?:no|not now),?\s|\b(?:not necessary|don't need|do not need|won't help|no need)\b/iu;
  if (!declined.test(answer.trim())) return undefined;
  // a drug declined keeps the doctor's reason ("Ikke fusidinsyre, fordi bakteriene er blitt resistente")
  const drug = findDrugMentions(question)[0];
  if (drug) {
    const reason = (
      language === 'nb'
        ? /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:fordi|på grunn av|siden)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^.?!]*/iu
        : /\b(?:because|since|due to)\b[^.?!]*/iu
    ).exec(answer)?.[0];
    const name = language === 'nb' ? noteNameOf(drug) : drug.spoken;
    return `${language === 'nb' ? 'Ikke' : 'No'} ${name}${reason ? `, ${reason.trim()}` : ''}.`;
  }
  const now =
    /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:nå|now)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
      `${question} ${answer}`,
    );
  const recipient = (
    language === 'nb'
      ? /\btil (henne|ham|kona|mannen|\p{L}+en)\b/iu
      : /\bfor (her|him|my wife|my husband)\b/iu
  ).exec(question)?.[0];
  const base = language === 'nb' ? `Ingen ${treatment.toLowerCase()}` : `No ${treatment.toLowerCase()}`;
  return `${base}${recipient ? ` ${recipient}` : ''}${now ? (language === 'nb' ? ' nå' : ' now') : ''}.`;
}

/** The statement before a tag question ("Mor har hatt prolaps, er det arvelig?"), or undefined. */
function statementBeforeTagQuestion(text: string, language: Language): string | undefined {
  const clauses = text.replace(/\?\s*$/u, '').split(/,\s+/u);
  if (clauses.length < 2) return undefined;
  const tag = clauses[clauses.length - 1] ?? '';
  const tagPattern =
    language === 'nb'
      ? /^(?:og |men )?(?:er|kan|blir|går|må|skal|bør|vil|trenger|betyr|hva|hvordan|hvorfor|har)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu
      : /^(?:and |but )?(?:is|can|will|should|does|do|what|how|why|could)\b/iu;
  const head = clauses.slice(0, -1).join(', ');
  if (!tagPattern.test(tag) || isQuestionLike(head, language)) return undefined;
  return head;
}

function isQuestionLike(text: string, language: Language): boolean {
  return language === 'nb'
    ? /^(?:og |men |så )?(?:\p{L}+ )?(?:du|hun|han|jeg|det|vi)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
        text,
      ) &&
        /^(?:og |men |så )?(?:får|kan|skal|må|er|har|blir|trenger|bør|vil)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
          text,
        )
    : /^(?:and |so )?(?:can|should|will|do|does|is|am|are)\b/iu.test(text);
}

/** Drops clauses the patient addresses to the doctor ("…, men det er ikke det du tenker på"). */
function dropListenerClauses(text: string, language: Language): string {
  const clauses = text.split(/(?<=,)\s+/u);
  if (clauses.length < 2) return text;
  const listener = language === 'nb' ? /\b(?:du|deg|dere)\b/iu : /\byou\b/iu;
  const kept = clauses.filter((clause, index) => index === 0 || !listener.test(clause));
  return kept.join(' ').replace(/,\s*$/u, '');
}

/**
 * A safety-net sentence says the condition first ("Hvis du blir verre, …, så må du ta kontakt");
 * notes put the action first: "Ny kontakt ved forverring, …".
 */
function restructureConditional(spoken: string, language: Language): string {
  if (language !== 'nb') return spoken;
  // a short preamble ("Og dette er viktig: hvis du …") does not change the instruction
  const text = spoken.replace(
    /^(?:[^.:!?]{0,40}:\s*|(?:og |men )?(?:husk|viktig)[,:]?\s+)(?=(?:hvis|dersom|om) )/iu,
    '',
  );
  const match =
    /^(?:(?:og|men|så|da),? )?(?:hvis|dersom|om) (.+?),? (?:så |da )?(?:(?:må|skal|bør|kan) (?:du|dere) )?(ta kontakt(?: igjen)?|kontakte \p{L}+|ringe \p{L}+(?: \d+)?|ringe \d+(?: \d+)?|komme tilbake|gå (?:til|på) legevakt\p{L}*|oppsøke legevakt\p{L}*)(.*)$/iu.exec(
      text.trim(),
    ) ??
    /^(?:(?:og|men|så|da),? )?(?:hvis|dersom|om) (.+?),? (?:så |da )(?:tar|ringer|kontakter|kommer) (?:du|dere) (kontakt|tilbake|legevakt\p{L}*|113|oss|meg)(?: igjen)?(.*)$/iu.exec(
      text.trim(),
    ) ??
    /^(?:(?:og|men|så|da),? )?(?:hvis|dersom|om) (.+?),? (?:så |da )(?:må|skal|bør) (?:du|dere) ([^,]+)(.*)$/iu.exec(
      text.trim(),
    );
  if (!match) return text;
  const condition = (match[1] ?? '')
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:du|dere) (?:blir|føler deg|kjenner deg) (?:verre|dårligere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      'forverring',
    )
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:kjenner|føler) deg (?:verre|dårligere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      'forverring',
    )
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:det|den) (?:blir|går) (?:verre|dårligere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      'forverring',
    )
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:du|dere) (?:får|blir|har|kjenner|merker|begynner å)\s+/giu,
      '',
    )
    .replace(/(^|,\s*|\s(?:eller|og)\s)(?:får|blir|har|kjenner|merker)\s+/giu, '$1')
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:det|hun|han|du) (?:ikke er|ikke blir|ikke går) bedre(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      'manglende bedring',
    )
    .replace(/\bdet ikke blir bedre\b/giu, 'manglende bedring')
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:det|hun|han|du) ikke har (?:gått over|blitt bedre)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      'manglende bedring',
    )
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:hun|han|det|den) (?:blir|får|er|har|begynner å|kjenner)\s+/giu,
      '',
    );
  const action = (match[2] ?? '')
    .replace(/[.!]+$/u, '')
    .replace(/^ringe /iu, 'ring ')
    .replace(/^(?:kontakt|oss|meg)$/iu, 'ta kontakt')
    .replace(/^tilbake$/iu, 'komme tilbake');
  const rest = (match[3] ?? '')
    .replace(/^[,.\s]+/u, '')
    .replace(/[.!]+$/u, '')
    .replace(
      /^(?:så (?:vi|jeg) kan|for å)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])).*$/iu,
      '',
    );
  return `${action} ved ${condition}${rest ? `, ${rest}` : ''}`;
}

/** Applies a self-correction ("nei vent, det var venstre") to the statement it corrects. */
function applyCorrection(
  previous: DraftFact,
  correction: Utterance,
  language: Language,
): 'corrected' | 'retracted' | 'none' {
  const text = correction.text;
  const retraction =
    language === 'nb'
      ? /\b(?:sluttet med|slutta med|ikke lenger|bruker (?:det )?ikke|tar (?:det )?ikke|har ikke)\b/iu
      : /\b(?:stopped|no longer|don't take|not anymore|quit)\b/iu;
  const sides = findSides(text, language);
  const lastSide = sides[sides.length - 1];
  if (lastSide && findSides(previous.fact.text, language).length > 0) {
    previous.fact.text = tidySentence(
      replaceSides(previous.fact.text, lastSide.side, language)
        .replace(
          /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))høyre(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
          'h.',
        )
        .replace(/\bvenstre\b/giu, 'v.'),
    );
    if (language === 'nb')
      previous.fact.text = tidySentence(toShorthand(previous.fact.text, previous.section, language));
    previous.fact.laterality = lastSide.side;
    previous.fact.evidence = [...new Set([...previous.fact.evidence, correction.segmentId])];
    return 'corrected';
  }
  const number = /(\d+(?:[.,]\d+)?)/u.exec(text);
  if (number?.[1] && /\d/.test(previous.fact.text)) {
    const numbers = [...previous.fact.text.matchAll(/\d+(?:[.,]\d+)?/gu)];
    const last = numbers[numbers.length - 1];
    if (last?.index !== undefined) {
      previous.fact.text =
        previous.fact.text.slice(0, last.index) +
        number[1] +
        previous.fact.text.slice(last.index + last[0].length);
      previous.fact.evidence = [...new Set([...previous.fact.evidence, correction.segmentId])];
      return 'corrected';
    }
  }
  if (retraction.test(text)) return 'retracted';
  return 'none';
}

/** Drops the part of a sentence before an inline self-correction of side ("høyre eller nei vent venstre kne"). */
function applyInlineSideCorrection(text: string, language: Language): string {
  const cue =
    language === 'nb'
      ? /\b(?:eller,? nei,? vent|nei,? vent|eller,? nei|nei,? unnskyld|unnskyld|jeg mener)\b,?/iu
      : /\b(?:no,? wait|sorry|i mean)\b,?/iu;
  const match = cue.exec(text);
  if (!match) return text;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const sidesBefore = findSides(before, language);
  const sidesAfter = findSides(after, language);
  if (sidesBefore.length > 0 && sidesAfter.length > 0 && sidesBefore[0]?.side !== sidesAfter[0]?.side) {
    const firstSide = sidesBefore[0];
    return `${before.slice(0, firstSide?.index ?? 0)} ${after}`.trim();
  }
  return text;
}

function normalizeRelative(text: string, language: Language): string {
  if (language !== 'nb') return text;
  return text
    .replace(/^(?:(?:ja|nei|jo|og|men|altså),?\s+)+/iu, '')
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:store|lille)(broren|søsteren|bror|søster)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      '$1',
    )
    .replace(/\b(?:moren|mora|mamma|mammaen)(?: min| mi)?\b/giu, 'mor')
    .replace(/\b(?:faren|pappa|pappaen)(?: min)?\b/giu, 'far')
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(broren|søsteren|datteren|sønnen|onkelen|tanta|bestemora|fetteren|kusina)(?: min| mi| hans| hennes)?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      (word: string) => word.replace(/(?: min| mi| hans| hennes)$/iu, '').replace(/en$|a$/iu, ''),
    )
    .replace(
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(mor|far|bror|søster|datter|sønn)(?: min| mi)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
      '$1',
    )
    .replace(/^(?:og |men )?det er (\p{L}+) som\b/iu, '$1');
}

/**
 * Extracts the clinical facts of a consultation, each with its evidence segments: symptoms and their
 * negations (from statements and from question–answer pairs), measurements, medication, allergies,
 * findings the doctor dictates, the doctor's assessment and plan. Relatives' and others' symptoms are
 * never the patient's: a blood relative's disease becomes family history, the rest is left out.
 */
export function extractDraftFacts(transcript: Transcript, options: ExtractFactsOptions): DraftFact[] {
  const { language } = options;
  // sentence memos live for one note only
  clearDrugMentionMemo();
  clearMeasurementMemo();
  clearTimeMemo();
  clearShorthandMemo();
  const lexicon = lexiconFor(language);
  const roled = inferSpeakerRoles(transcript);
  const utterances = buildUtterances(roled, language);
  const drafts: DraftFact[] = [];
  const seen = new Set<string>();
  const relativeSpeaks = roled.segments.some((segment) => segment.speaker === 'pårørende');
  const smallTalk = SMALL_TALK[language];
  const isClinicalWordOf = (word: string): boolean => isClinicalWord(word, language);
  let pendingQuestion: Utterance[] = [];
  let answeredSinceQuestion = true;
  let subject: SentenceSubject = 'patient';
  let lastTurn = -1;
  let examFragment: Utterance | undefined;
  let patientTreatmentQuestion: Utterance | undefined;
  let pendingTime: { utterance: Utterance; text: string } | undefined;
  const extraPlanEvidence: string[] = [];
  let smallTalkTurn = -1;
  let lastAskedQuestion: Utterance | undefined;
  let clinicalAnswerTurn = -1;
  let durationAnswerTurn = -1;
  const lastFactBySource = new Map<string, { draft: DraftFact; index: number; turn: number }>();

  const push = (input: FactInput, utterance: Utterance): DraftFact | undefined => {
    if (
      pendingTime &&
      input.section === 'history' &&
      pendingTime.utterance.turn === utterance.turn &&
      pendingTime.utterance.index < utterance.index
    ) {
      input.text = `${input.text.replace(/\.$/, '')}, ${pendingTime.text.charAt(0).toLowerCase()}${pendingTime.text.slice(1)}`;
      input.evidence = [...input.evidence, pendingTime.utterance.segmentId];
      input.spoken = `${pendingTime.utterance.text} ${input.spoken}`;
    }
    if (pendingTime && pendingTime.utterance.turn !== utterance.turn) pendingTime = undefined;
    else if (pendingTime && input.section === 'history') pendingTime = undefined;
    const draft = buildDraft(input, language);
    if (!draft) return undefined;
    // the same statement twice (an echo) is written once
    const key = `${draft.section}|${draft.fact.text.toLowerCase()}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    drafts.push(draft);
    lastFactBySource.set(utterance.role, { draft, index: utterance.index, turn: utterance.turn });
    return draft;
  };

  for (const utterance of utterances) {
    if (utterance.turn !== lastTurn) {
      subject = 'patient';
      lastTurn = utterance.turn;
    }
    const text = applyInlineSideCorrection(utterance.text, language);
    if (utterance.role === 'lege') {
      if (utterance.isQuestion) {
        lastAskedQuestion = utterance;
        const previous = utterances[utterance.index - 1];
        if (!previous || previous.role !== 'lege' || !previous.isQuestion || previous.turn !== utterance.turn)
          pendingQuestion = [];
        pendingQuestion.push(utterance);
        answeredSinceQuestion = false;
        continue;
      }
      handleDoctorSentence(utterance, text);
      continue;
    }

    // patient, interpreter (as patient), relative, unknown
    const fromRelative = utterance.spokenBy === 'pårørende';
    const answered = !answeredSinceQuestion ? pendingQuestion : [];
    answeredSinceQuestion = true;
    pendingQuestion = answered.length > 0 ? [] : pendingQuestion;

    // self-corrections change the statement they correct
    if (startsWithCorrection(text, language)) {
      const previous = lastFactBySource.get(utterance.role);
      if (previous && utterance.index - previous.index <= 4) {
        const outcome = applyCorrection(previous.draft, { ...utterance, text }, language);
        if (outcome === 'retracted') {
          drafts.splice(drafts.indexOf(previous.draft), 1);
          lastFactBySource.delete(utterance.role);
          continue;
        }
        if (outcome === 'corrected') continue;
      }
    }

    // whose words are these about?
    if (fromRelative) {
      const firstPersonOnly =
        FIRST_PERSON[language].test(text) &&
        !THIRD_PERSON[language].test(text) &&
        !PATIENT_AS_RELATIVE[language].test(text);
      // a relative names the patient by their relation ("mamma har falt", "mannen min har")
      subject = PATIENT_AS_RELATIVE[language].test(text)
        ? 'patient'
        : detectSubject(text, language, 'patient');
      if (subject === 'patient' && firstPersonOnly && answered.length === 0) continue; // the relative's own matters
    } else {
      subject = detectSubject(text, language, subject);
    }
    if (subject !== 'patient') {
      handleOtherPerson(utterance, text, subject);
      continue;
    }

    if (answered.length > 0) {
      const asked = answered.map((question) => question.text).join(' ');
      smallTalkTurn = isSmallTalkQuestion(asked, language) ? utterance.turn : -1;
      clinicalAnswerTurn = isClinicalSentence(asked, language) ? utterance.turn : -1;
      durationAnswerTurn = DURATION_ASKED[language].test(asked) ? utterance.turn : -1;
    }
    // off-topic talk ("Har du vært ute og fisket?") stays out unless plainly clinical
    if (smallTalkTurn === utterance.turn) {
      if (countClinicalWords(text, language) < 2 && findDrugMentions(text).length === 0) continue;
      smallTalkTurn = -1; // the turn has come back to clinical matters
    }
    // a question asked while examining ("Gjør det vondt når jeg trykker?") gives a finding
    const examQuestion = answered.length > 0 ? answered[answered.length - 1] : undefined;
    if (examQuestion && TENDERNESS_QUESTION[language].test(examQuestion.text)) {
      const reading = readAnswer(text, language);
      if (
        reading.hasParticle ||
        /^(?:au|aua|ouch|ow)\b/iu.test(text.trim()) ||
        /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:øm|ømt|vondt|tender|hurts?|sore)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
          text,
        )
      ) {
        const tender =
          reading.polarity === 'negative'
            ? language === 'nb'
              ? 'Ikke palpasjonsøm.'
              : 'No tenderness to palpation.'
            : language === 'nb'
              ? 'Palpasjonsøm.'
              : 'Tenderness to palpation.';
        push(
          {
            text: tender,
            kind: 'finding',
            group: 'finding',
            section: 'examination',
            evidence: [examQuestion.segmentId, utterance.segmentId],
            order: utterance.index,
            source: 'doctor',
            spoken: `${examQuestion.text} ${text}`,
            polarity: reading.polarity === 'negative' ? 'negative' : 'positive',
          },
          utterance,
        );
        continue;
      }
    }
    let statement = text;
    const answerEvidence = answered.map((question) => question.segmentId);
    if (answered.length > 0 && !utterance.isQuestion) {
      let questionTexts = answered.map((question) => question.text);
      // "Bruker du prevensjon? Kan du være gravid?" – "Jeg bruker ingenting": the answer takes up the first question
      if (questionTexts.length > 1) {
        const answerStems = new Set(
          wordsOf(text)
            .filter((word) => word.length >= 4)
            .map((word) => word.slice(0, 5)),
        );
        const sharing = questionTexts.map((question) =>
          wordsOf(question).some((word) => word.length >= 4 && answerStems.has(word.slice(0, 5))),
        );
        const lastShares = sharing[sharing.length - 1];
        const earlier = sharing.findIndex((shares) => shares);
        if (!lastShares && earlier >= 0 && earlier < questionTexts.length - 1)
          questionTexts = [questionTexts[earlier] ?? ''];
      }
      const lastQuestion = questionTexts[questionTexts.length - 1] ?? '';
      const question = readQuestion(questionTexts, language);
      const answer = readAnswer(text, language);
      const usable =
        !INSTRUCTION_QUESTION[language].test(lastQuestion) &&
        (question.kind === 'open' ||
          question.isAllergy ||
          question.asksUse ||
          isClinicalSentence(question.topic, language));
      const composed = usable ? composeAnswer(question, answer, language) : undefined;
      if (composed) {
        const spoken = `${questionTexts.join(' ')} ${text}`;
        const historyKind = composed.social
          ? { kind: 'social' as const, group: 'social' as const }
          : kindOfHistory(composed.text, language);
        push(
          {
            text: toShorthand(composed.text, 'history', language),
            ...historyKind,
            ...(composed.polarity === 'negative' && !question.isAllergy && historyKind.group === 'symptom'
              ? { group: 'negative' as const }
              : {}),
            section: 'history',
            evidence: [...answerEvidence, utterance.segmentId],
            order: answered[0]?.index ?? utterance.index,
            source: fromRelative ? 'relative' : 'patient',
            spoken,
            polarity: composed.polarity,
          },
          utterance,
        );
        // what the answer adds beyond yes/no is its own statement ("Nei, ingen allergier" to a two-part question)
        const ownNegatedContent =
          hasNegation(answer.residual, language) && countClinicalWords(answer.residual, language) > 0;
        if (
          composed.fromTopic &&
          answer.residual.length > 0 &&
          (wordsOf(answer.residual).length >= 3 || ownNegatedContent)
        ) {
          addHistory(utterance, answer.residual, fromRelative);
        }
        continue;
      }
      if (answer.hasParticle) statement = answer.residual;
    }
    if (
      (utterance.isQuestion || TREATMENT_WISH[language].test(statement)) &&
      TREATMENT_WORDS[language].test(statement)
    )
      patientTreatmentQuestion = utterance;
    if (utterance.isQuestion) {
      // the patient's own questions stay out; a statement before a tag question stays ("X, er det arvelig?")
      const kept = statementBeforeTagQuestion(statement, language);
      if (!kept) continue;
      statement = kept;
    }
    if (smallTalk.test(statement) && countClinicalWords(statement, language) === 0) continue;
    addHistory(utterance, statement, fromRelative, answerEvidence);
  }

  /** "Det høyre." / "I det venstre øret." right after a statement completes it. */
  function mergeSideOnly(utterance: Utterance, text: string): boolean {
    const sides = findSides(text, language);
    if (sides.length !== 1) return false;
    const rest = wordsOf(text).filter((word) => !SIDE_FILLER[language].test(word));
    if (rest.length > 1 || rest.some((word) => isClinicalWord(word, language) || /(?:et|t)$/u.test(word)))
      return false;
    const previous = lastFactBySource.get(utterance.role);
    if (!previous || utterance.index - previous.index > 2) return false;
    const side = sides[0]?.side;
    if (!side) return false;
    const shorthand =
      language === 'nb'
        ? side === 'høyre'
          ? 'h.'
          : side === 'venstre'
            ? 'v.'
            : 'bilat.'
        : side === 'høyre'
          ? 'right'
          : side === 'venstre'
            ? 'left'
            : 'bilateral';
    previous.draft.fact.text = tidySentence(`${previous.draft.fact.text.replace(/\.$/, '')}, ${shorthand}`);
    previous.draft.fact.evidence = [...new Set([...previous.draft.fact.evidence, utterance.segmentId])];
    previous.draft.fact.laterality ??= side;
    previous.index = utterance.index;
    return true;
  }

  function addHistory(
    utterance: Utterance,
    text: string,
    fromRelative: boolean,
    extraEvidence: string[] = [],
  ): void {
    if (mergeSideOnly(utterance, text)) return;
    const time = mainTime(text, language);
    const rewritten = toShorthand(dropListenerClauses(text, language), 'history', language);
    // an answer to a clinical question is clinical ("lettere å ikke våkne" to a question about dark thoughts)
    const inClinicalAnswer = utterance.turn === clinicalAnswerTurn && wordsOf(rewritten).length >= 3;
    const clinical =
      isClinicalSentence(text, language) ||
      isClinicalSentence(rewritten, language) ||
      (inClinicalAnswer && !time);
    if (!clinical && !time) return;
    if (!clinical && time && utterance.turn === durationAnswerTurn) {
      // the answer to "hvor lenge?" is the duration
      const previous = lastFactBySource.get(utterance.role);
      if (
        previous &&
        previous.turn === utterance.turn &&
        previous.draft.fact.text.startsWith(language === 'nb' ? 'Varighet' : 'Duration')
      ) {
        previous.draft.fact.text = tidySentence(
          `${previous.draft.fact.text.replace(/\.$/, '')}, ${rewritten.replace(/\.$/, '').replace(/^\p{Lu}(?!\p{Lu})/u, (letter) => letter.toLowerCase())}`,
        );
        previous.draft.fact.evidence = [...new Set([...previous.draft.fact.evidence, utterance.segmentId])];
        previous.index = utterance.index;
        return;
      }
      push(
        {
          text: `${language === 'nb' ? 'Varighet' : 'Duration'} ${rewritten.replace(/^\p{Lu}(?!\p{Lu})/u, (letter) => letter.toLowerCase())}`,
          kind: 'symptom',
          group: 'symptom',
          section: 'history',
          evidence: [...extraEvidence, utterance.segmentId],
          order: utterance.index,
          source: fromRelative ? 'relative' : 'patient',
          spoken: text,
        },
        utterance,
      );
      return;
    }
    const hasNumberOrDrug = /\d/.test(rewritten) || findDrugMentions(text).length > 0;
    if (!clinical) {
      // a time-only sentence ("det begynte søndag, så det er 3 dager nå") belongs to the statement before,
      // or, opening a turn, to the statement after
      const previous = lastFactBySource.get(utterance.role);
      const opensTurn = utterances[utterance.index - 1]?.turn !== utterance.turn;
      if (time && opensTurn) {
        pendingTime = { utterance, text: rewritten.replace(/\.$/, '') };
        return;
      }
      if (previous && previous.draft.section === 'history' && utterance.index - previous.index <= 2 && time) {
        const appended = rewritten.replace(/\.$/, '');
        const lowered = /^\p{Lu}\p{Ll}/u.test(appended)
          ? appended.charAt(0).toLowerCase() + appended.slice(1)
          : appended;
        previous.draft.fact.text = tidySentence(`${previous.draft.fact.text.replace(/\.$/, '')}, ${lowered}`);
        previous.draft.fact.evidence = [...new Set([...previous.draft.fact.evidence, utterance.segmentId])];
        previous.draft.fact.time ??= time.text;
        previous.index = utterance.index;
      }
      return;
    }
    const words = wordsOf(rewritten);
    const clinicalWords = countClinicalWords(rewritten, language);
    // "Lungene." / "Dette beinet." (a body part alone) says nothing
    if (
      words.length <= 2 &&
      !hasNumberOrDrug &&
      !hasNegation(rewritten, language) &&
      words.every((word) => BODY_PART[language].test(word) || !isClinicalWordOf(word))
    )
      return;
    if (words.length < 2 && !hasNumberOrDrug && !(clinicalWords === 1 && (words[0]?.length ?? 0) >= 5))
      return;
    if (
      clinicalWords === 0 &&
      findDrugMentions(text).length === 0 &&
      findMeasurements(text, language).length === 0 &&
      !time
    )
      return;
    const { kind, group } = kindOfHistory(`${text} ${rewritten}`, language);
    push(
      {
        text: rewritten,
        kind,
        group: hasNegation(rewritten, language) && group === 'symptom' ? 'negative' : group,
        section: 'history',
        evidence: [...extraEvidence, utterance.segmentId],
        order: utterance.index,
        source: fromRelative ? 'relative' : 'patient',
        spoken: text,
      },
      utterance,
    );
  }

  function handleOtherPerson(utterance: Utterance, originalText: string, who: SentenceSubject): void {
    // "Mamma har hatt det" answers "Har noen i familien hatt depresjon?": "det" is the asked diagnosis
    let spokenText = originalText;
    const askedDiagnosis =
      lastAskedQuestion && utterance.turn === lastAskedQuestion.turn + 1
        ? diagnosisIn(lastAskedQuestion.text, language)
        : undefined;
    if (!hasDiagnosisTerm(spokenText, language) && askedDiagnosis) {
      spokenText = spokenText.replace(
        language === 'nb' ? /\b(har hatt|hadde|har) det\b/iu : /\b(has had|had|has) (?:it|that)\b/iu,
        `$1 ${askedDiagnosis}`,
      );
    }
    // only a blood relative's disease is recorded, as family history; others' symptoms stay out
    if (who !== 'relative' || !hasDiagnosisTerm(spokenText, language)) return;
    const text = utterance.isQuestion ? statementBeforeTagQuestion(spokenText, language) : spokenText;
    if (!text) return;
    const rewritten = toShorthand(normalizeRelative(text, language), 'history', language);
    if (wordsOf(rewritten).length < 2) return;
    push(
      {
        text: `${lexicon.familyHistoryPrefix} ${rewritten}`,
        kind: 'family-history',
        group: 'family',
        section: 'history',
        evidence: [utterance.segmentId],
        order: utterance.index,
        source: 'patient',
        subject: 'relative',
        spoken: text,
      },
      utterance,
    );
  }

  function handleDoctorSentence(utterance: Utterance, text: string): void {
    if (mergeSideOnly(utterance, text)) return;
    // "Du har 17 poeng." after the instrument was named
    const points = POINTS[language].exec(text);
    if (points?.[1] && !INSTRUMENT.test(text)) {
      for (let back = utterance.index - 1; back >= Math.max(0, utterance.index - 4); back -= 1) {
        const earlier = utterances[back];
        const instrument = earlier ? INSTRUMENT.exec(earlier.text)?.[1] : undefined;
        if (earlier && instrument) {
          push(
            {
              text: `${instrument} ${points[1]}.`,
              kind: 'measurement',
              group: 'vital',
              section: 'examination',
              evidence: [...new Set([earlier.segmentId, utterance.segmentId])],
              order: utterance.index,
              source: 'doctor',
              spoken: `${instrument} ${points[1]}`,
            },
            utterance,
          );
          return;
        }
      }
    }
    // "Sist, i april, var den 52." completes the value just given
    const earlierValue = PREVIOUS_VALUE[language].exec(text);
    const lastDoctorFact = lastFactBySource.get('lege');
    if (
      earlierValue?.[1] &&
      lastDoctorFact &&
      lastDoctorFact.draft.fact.kind === 'measurement' &&
      utterance.index - lastDoctorFact.index <= 2
    ) {
      const when = (earlierValue[2] ?? '').trim();
      lastDoctorFact.draft.fact.text = tidySentence(
        `${lastDoctorFact.draft.fact.text.replace(/\.$/, '')} (${language === 'nb' ? 'tidl.' : 'previously'} ${earlierValue[1]}${when ? ` ${when}` : ''})`,
      );
      lastDoctorFact.draft.fact.evidence = [
        ...new Set([...lastDoctorFact.draft.fact.evidence, utterance.segmentId]),
      ];
      lastDoctorFact.index = utterance.index;
      return;
    }
    const kind = classifyDoctorSentence(text, language);
    const hasMeasurement = findMeasurements(text, language).length > 0;
    const fragment = examFragment;
    // a patient's question about a treatment, answered by the doctor ("Får hun antibiotika?" – "Nei, …")
    const asked = patientTreatmentQuestion;
    patientTreatmentQuestion = undefined;
    if (asked && utterance.index - asked.index <= 2) {
      const decision = treatmentDecision(asked.text, text, language);
      if (decision) {
        push(
          {
            text: decision,
            kind: 'plan',
            group: 'plan',
            section: 'plan',
            evidence: [asked.segmentId, utterance.segmentId],
            order: utterance.index,
            source: 'doctor',
            spoken: `${asked.text} ${text}`,
          },
          utterance,
        );
        return;
      }
    }
    examFragment =
      kind === 'other' && !hasMeasurement && countClinicalWords(text, language) > 0 ? utterance : undefined;
    // "Akillesrefleksen, høyre… venstre…" + "Den er svekket på venstre side": the finding needs its subject
    if (
      fragment &&
      kind === 'examination' &&
      PRONOUN_FINDING[language].test(text) &&
      utterance.index - fragment.index <= 2
    ) {
      pushExamination(
        fragment.segmentId === utterance.segmentId
          ? [utterance.segmentId]
          : [fragment.segmentId, utterance.segmentId],
        `${fragment.text.replace(/[.,]\s*$/u, '')}: ${text.replace(PRONOUN_FINDING[language], '')}`,
        'examination',
        false,
        utterance,
      );
      return;
    }
    if (kind === 'instruction' || (kind === 'other' && !hasMeasurement)) return;
    // advice about someone else ("hvis han blir syk igjen, må han kontakte sin egen lege")
    if (
      kind === 'plan' &&
      !relativeSpeaks &&
      THIRD_PERSON[language].test(text) &&
      !SECOND_PERSON[language].test(text)
    )
      return;
    const answersPatient =
      utterances[utterance.index - 1]?.role !== 'lege' &&
      utterances[utterance.index - 1]?.isQuestion === true;
    const patientQuestion = answersPatient ? (utterances[utterance.index - 1]?.text ?? '') : '';
    if (
      kind === 'assessment' &&
      answersPatient &&
      WEAK_ASSESSMENT[language].test(text) &&
      !asked &&
      !hasDiagnosisTerm(patientQuestion, language) &&
      !hasSpecificDiagnosis(text, language)
    )
      return;
    if (kind === 'assessment' || kind === 'plan' || kind === 'history') {
      const section: SectionRole =
        kind === 'assessment' ? 'assessment' : kind === 'plan' ? 'plan' : 'history';
      if (kind === 'history' && !isClinicalSentence(text, language)) return;
      const kinds =
        kind === 'assessment'
          ? { kind: 'diagnosis' as const, group: 'diagnosis' as const }
          : kind === 'plan'
            ? kindOfPlan(`${text} ${toShorthand(text, 'plan', language)}`, language)
            : kindOfHistory(text, language);
      let spokenPlan = kind === 'plan' ? restructureConditional(text, language) : text;
      if (
        kind === 'plan' &&
        findDrugMentions(text).length === 0 &&
        /\d+(?:[.,]\d+)? ?(?:mg|milligram|g|gram|mikrogram|mcg)\b/iu.test(text)
      ) {
        for (let back = utterance.index - 1; back >= Math.max(0, utterance.index - 3); back -= 1) {
          const earlier = utterances[back];
          const drug = earlier ? findDrugMentions(earlier.text)[0] : undefined;
          if (earlier && drug) {
            spokenPlan = `${drug.spoken} ${spokenPlan}`;
            if (earlier.segmentId !== utterance.segmentId) extraPlanEvidence.push(earlier.segmentId);
            break;
          }
        }
      }
      let written = toShorthand(spokenPlan, section, language);
      // "2-3 ganger daglig i 1 uke." completes the plan statement just before
      const previousPlan = lastFactBySource.get('lege');
      if (
        kind === 'plan' &&
        previousPlan &&
        previousPlan.draft.section === 'plan' &&
        utterance.index - previousPlan.index <= 1 &&
        DOSE_FRAGMENT[language].test(text.trim())
      ) {
        previousPlan.draft.fact.text = tidySentence(
          `${previousPlan.draft.fact.text.replace(/\.$/, '')}, ${written.replace(/\.$/, '').replace(/^\p{Lu}(?!\p{Lu})/u, (letter) => letter.toLowerCase())}`,
        );
        previousPlan.draft.fact.evidence = [
          ...new Set([...previousPlan.draft.fact.evidence, utterance.segmentId]),
        ];
        previousPlan.index = utterance.index;
        return;
      }
      if (kinds.kind === 'prescription' && language === 'nb')
        written = written.replace(/^(?:og )?du får (?:også )?/iu, 'Resept ');
      push(
        {
          text: written,
          ...kinds,
          section,
          evidence: [...extraPlanEvidence.splice(0), utterance.segmentId],
          order: utterance.index,
          source: 'doctor',
          spoken: text,
        },
        utterance,
      );
      return;
    }
    // examination and results
    let spoken = text;
    const evidence = [utterance.segmentId];
    const pronounResult = PRONOUN_RESULT[language];
    if (pronounResult.test(spoken)) {
      for (let back = utterance.index - 1; back >= Math.max(0, utterance.index - 8); back -= 1) {
        const earlier = utterances[back];
        if (!earlier || earlier.role !== 'lege') continue;
        const test = TEST_NAME[language].exec(earlier.text);
        if (test?.[1]) {
          spoken = `${test[1]}: ${spoken.replace(pronounResult, '').trim()}`;
          evidence.unshift(earlier.segmentId);
          break;
        }
      }
    }
    const section: SectionRole = kind === 'results' ? 'results' : 'examination';
    pushExamination(evidence, spoken, section, hasMeasurement, utterance);
  }

  function pushExamination(
    evidence: string[],
    spoken: string,
    section: SectionRole,
    hasMeasurement: boolean,
    utterance: Utterance,
  ): void {
    // a sentence that only carries values is written as the values ("Vi tok CRP, den er 145" → "CRP 145")
    const measurements = findMeasurements(spoken, language);
    let remainder = spoken;
    for (const measurement of [...measurements].reverse()) {
      remainder =
        remainder.slice(0, measurement.index) + remainder.slice(measurement.index + measurement.length);
    }
    const positioned =
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:liggende|stående|sittende|etter \d+ min\p{L}*|lying|standing|sitting)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
        remainder,
      );
    const measurementOnly =
      measurements.length > 0 &&
      !positioned &&
      countSymptomWords(remainder, language) === 0 &&
      !hasNegation(remainder, language);
    push(
      {
        text: measurementOnly
          ? measurements.map((measurement) => measurement.text).join(', ')
          : toShorthand(spoken, section, language),
        kind: hasMeasurement ? 'measurement' : 'finding',
        group: hasMeasurement
          ? section === 'results'
            ? 'lab'
            : 'vital'
          : section === 'results'
            ? 'lab'
            : 'finding',
        section,
        evidence,
        order: utterance.index,
        source: 'doctor',
        spoken,
      },
      utterance,
    );
  }

  // the first symptom is the presenting complaint
  const firstSymptom = drafts.find(
    (draft) => draft.section === 'history' && draft.group === 'symptom' && draft.fact.polarity === 'positive',
  );
  if (firstSymptom) {
    firstSymptom.fact.kind = 'complaint';
    firstSymptom.group = 'complaint';
    firstSymptom.priority = Math.max(firstSymptom.priority, PRIORITY.complaint);
  }
  return drafts;
}

/**
 * Extracts the clinical facts of a consultation (see `extractDraftFacts`), in conversation order.
 * Each fact carries its evidence segment ids, polarity, and side, time and value when stated.
 */
export function extractFacts(transcript: Transcript, options: ExtractFactsOptions): Fact[] {
  return extractDraftFacts(transcript, options).map((draft) => draft.fact);
}
