/**
 * Error injection for the verifier benchmark: realistic single errors in a reference note — a swapped side, a
 * changed value, dose, frequency or duration, a flipped negation, an inserted drug or diagnosis, a relative's
 * symptom stated as the patient's, a changed time. Seeded, many per note, and every perturbed statement differs
 * from the original. The generator uses its own word lists (vocabulary.ts), not the verifier's lexicon.
 */
import type { Language, Note, Transcript } from '@kollega/domain';
import { findDrugMentions } from '../../packages/clinical/src/verifier/drug-names';
import { lexiconFor } from '../../packages/clinical/src/verifier/text-analysis';
import type { Random } from './random';
import { DIAGNOSES, DRUGS, KIN, SYMPTOMS } from './vocabulary';

/** The kinds of injected error. */
export const PERTURBATION_CATEGORIES = [
  'laterality',
  'value',
  'dose',
  'frequency',
  'duration',
  'negation',
  'drug',
  'diagnosis',
  'relative',
  'time',
] as const;
/** A kind of injected error; see `PERTURBATION_CATEGORIES`. */
export type PerturbationCategory = (typeof PERTURBATION_CATEGORIES)[number];

/** One perturbed note: which statement changed (or was inserted) and how. */
export interface Perturbation {
  category: PerturbationCategory;
  statementId: string;
  original: string | undefined;
  text: string;
  note: Note;
}

/** Input for the generator. */
export interface PerturbationInput {
  language: Language;
  transcript: Transcript;
  note: Note;
  /** Statements that may be changed (the verifier passed them in the untouched note). */
  eligible: ReadonlySet<string>;
  random: Random;
  /** At most this many perturbations per category and note. */
  perCategory: number;
}

interface Located {
  sectionId: string;
  statementId: string;
  text: string;
}

function statementsOf(note: Note, eligible: ReadonlySet<string>): Located[] {
  return note.sections.flatMap((section) =>
    section.statements
      .filter((statement) => eligible.has(statement.id))
      .map((statement) => ({ sectionId: section.id, statementId: statement.id, text: statement.text })),
  );
}

function replaceStatement(note: Note, statementId: string, text: string): Note {
  return {
    ...note,
    sections: note.sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) =>
        statement.id === statementId ? { ...statement, text } : statement,
      ),
    })),
  };
}

function insertStatement(note: Note, sectionId: string, text: string, id: string, random: Random): Note {
  const target = note.sections.find((section) => section.id === sectionId) ?? note.sections[0];
  if (!target) return note;
  return {
    ...note,
    sections: note.sections.map((section) => {
      if (section !== target) return section;
      const position = random.integer(section.statements.length + 1);
      const statements = [...section.statements];
      statements.splice(position, 0, { id, text, evidence: [], support: 'unverified' });
      return { ...section, statements };
    }),
  };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string =>
  /^[A-ZÆØÅ][a-zæøå]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

function sectionByRole(note: Note, role: 'history' | 'assessment' | 'plan'): string {
  const preferences: Record<typeof role, string[]> = {
    history: ['aktuelt', 'subjective', 'history_of_present_illness', 'chief_complaint'],
    assessment: ['vurdering', 'assessment', 'assessment_and_plan'],
    plan: ['tiltak', 'plan', 'assessment_and_plan'],
  };
  const ids = note.sections.map((section) => section.id);
  return preferences[role].find((id) => ids.includes(id)) ?? ids[ids.length - 1] ?? 'note';
}

// ---------- laterality ----------

const SIDE_SWAPS: Record<Language, ReadonlyArray<readonly [RegExp, (match: string) => string]>> = {
  nb: [
    [
      /(?<![\p{L}])(høyre|venstre|Høyre|Venstre)(?![\p{L}])/gu,
      (match) => ({ høyre: 'venstre', venstre: 'høyre', Høyre: 'Venstre', Venstre: 'Høyre' })[match] ?? match,
    ],
    [
      /(?<![\p{L}])(h\.|v\.|H\.|V\.|hø\.|ve\.)(?=\s|$|,|:)/gu,
      (match) =>
        ({ 'h.': 'v.', 'v.': 'h.', 'H.': 'V.', 'V.': 'H.', 'hø.': 've.', 've.': 'hø.' })[match] ?? match,
    ],
  ],
  en: [
    [
      /(?<![\p{L}])(right|left|Right|Left)(?=[\s-]+(?:\p{L}+\s+)?(?:knee|ankle|foot|hip|shoulder|elbow|wrist|hand|arm|leg|ear|eye|side|sided|flank|lower|upper|kidney|ureter|breast|thigh|calf|toe|finger|thumb|lung|chest|groin|heel|buttock|quadrant|knee's|carotid))/gu,
      (match) => ({ right: 'left', left: 'right', Right: 'Left', Left: 'Right' })[match] ?? match,
    ],
  ],
};

/**
 * Chambers of the heart named by side ("venstre ventrikkel", "left atrium") are structures of one organ, not the side
 * of the body: swapping them changes the structure, which is not a laterality error.
 */
const HEART_CHAMBER_AFTER = /^\s+(?:ventrik|atri|forkammer|hjertekammer|ventric|atrium|atrial)/iu;

function perturbLaterality(input: PerturbationInput, statements: Located[]): Perturbation[] {
  const options: Array<{ located: Located; text: string }> = [];
  for (const located of statements) {
    for (const [pattern, swap] of SIDE_SWAPS[input.language]) {
      for (const match of located.text.matchAll(pattern)) {
        if (HEART_CHAMBER_AFTER.test(located.text.slice(match.index + match[0].length))) continue;
        const text =
          located.text.slice(0, match.index) +
          swap(match[0]) +
          located.text.slice(match.index + match[0].length);
        if (text !== located.text) options.push({ located, text });
      }
    }
  }
  return input.random
    .shuffle(options)
    .slice(0, input.perCategory)
    .map(({ located, text }) => ({
      category: 'laterality',
      statementId: located.statementId,
      original: located.text,
      text,
      note: replaceStatement(input.note, located.statementId, text),
    }));
}

// ---------- numbers ----------

const NUMBER = /(?<![\p{L}\d/.,–-])(\d+)(?:([.,])(\d+))?(?:([–-])(\d+))?(?![\d\p{L}]|[.,]\d|\/\d)/gu;
const DOSE_AFTER = /^\s*(?:mg|g|gram|mikrogram|µg|mcg|ml|ie|iu|mmol|milligram|milligrams|units)\b/i;
const TIME_AFTER =
  /^\s*(?:d|dager|dag|døgn|uke|uker|mnd|måned|måneder|år|t|timer|days?|weeks?|months?|years?|hours?|wk)\b/i;
const FREQUENCY_AFTER = /^\s*(?:ganger|gang|times|x\b|\/d)/i;
const FREQUENCY_BEFORE = /(?:x|×)\s*$/;

function classifyNumber(before: string, after: string): PerturbationCategory {
  if (FREQUENCY_BEFORE.test(before) || FREQUENCY_AFTER.test(after)) return 'frequency';
  if (DOSE_AFTER.test(after)) return 'dose';
  if (TIME_AFTER.test(after)) return 'duration';
  return 'value';
}

const STANDARD_DOSES = [
  1, 2, 2.5, 5, 10, 12.5, 20, 25, 40, 50, 75, 80, 100, 150, 200, 250, 300, 400, 500, 600, 660, 750, 800, 1000,
];

function changedInteger(value: number, category: PerturbationCategory, random: Random): number {
  if (category === 'dose') {
    const others = STANDARD_DOSES.filter(
      (dose) => dose !== value && Number.isInteger(dose) && dose >= value / 4 && dose <= value * 4,
    );
    return random.pick(others) ?? value * 2;
  }
  if (category === 'frequency')
    return value <= 1 ? value + 1 + random.integer(2) : value + (random.next() < 0.5 ? -1 : 1);
  if (category === 'duration') return random.next() < 0.3 ? value * 2 : value + 1 + random.integer(3);
  const spread = Math.max(2, Math.round(value * 0.1));
  const delta = 1 + random.integer(spread);
  return value - delta > 0 && random.next() < 0.5 ? value - delta : value + delta;
}

function perturbNumbers(input: PerturbationInput, statements: Located[]): Perturbation[] {
  const byCategory = new Map<PerturbationCategory, Array<{ located: Located; text: string }>>();
  for (const located of statements) {
    for (const match of located.text.matchAll(NUMBER)) {
      const whole = match[0];
      const before = located.text.slice(Math.max(0, match.index - 12), match.index);
      const after = located.text.slice(match.index + whole.length, match.index + whole.length + 12);
      // Identifiers and codes are not values ("PHQ-9", "CHA2DS2", "S1", dates).
      if (/[\p{L}]-?$/u.test(before) && !/\s$/.test(before)) continue;
      if (/^\/\d/.test(after) && /\d{4}/.test(after)) continue;
      const category = classifyNumber(before, after);
      let replacement: string;
      const integerPart = Number(match[1]);
      if (match[5] !== undefined && match[3] === undefined) {
        // A range "6–8": shift it or widen it, keeping it a proper range.
        const low = integerPart;
        const high = Number(match[5]);
        const shift = 1 + input.random.integer(2);
        const [newLow, newHigh] =
          input.random.next() < 0.5 ? [low + shift, high + shift] : [Math.max(1, low - shift), high];
        if (newLow >= newHigh || (newLow === low && newHigh === high)) continue;
        replacement = `${newLow}${match[4] ?? '–'}${newHigh}`;
      } else if (match[3] !== undefined) {
        const decimals = match[3];
        const last = Number(decimals.charAt(decimals.length - 1));
        const delta = 1 + input.random.integer(3);
        const changedLast = last + delta <= 9 ? last + delta : last - delta;
        replacement = `${match[1]}${match[2]}${decimals.slice(0, -1)}${Math.max(0, changedLast)}`;
      } else if (/\btype\s*$/i.test(before) && (integerPart === 1 || integerPart === 2)) {
        // Diabetes type 1 and 2 are the realistic confusion, not "type 4".
        replacement = integerPart === 1 ? '2' : '1';
      } else {
        replacement = String(changedInteger(integerPart, category, input.random));
      }
      if (replacement === whole || Number(replacement.replace(',', '.').replace(/[–-].*/, '')) <= 0) continue;
      // A value already written elsewhere in the statement would make an odd sentence ("4. og 4. tå").
      const others = [...located.text.matchAll(/\d+(?:[.,]\d+)?/g)].map((found) => found[0]);
      if (others.includes(replacement)) continue;
      const text =
        located.text.slice(0, match.index) + replacement + located.text.slice(match.index + whole.length);
      const list = byCategory.get(category) ?? [];
      list.push({ located, text });
      byCategory.set(category, list);
    }
  }
  const perturbations: Perturbation[] = [];
  for (const [category, options] of byCategory) {
    for (const { located, text } of input.random.shuffle(options).slice(0, input.perCategory)) {
      perturbations.push({
        category,
        statementId: located.statementId,
        original: located.text,
        text,
        note: replaceStatement(input.note, located.statementId, text),
      });
    }
  }
  return perturbations;
}

// ---------- negation ----------

const NB_ADJECTIVES =
  /^(?:forstørret|forstørrede|rød|røde|rødt|øm|ømt|ømme|hoven|hovne|hovent|positiv|normal|normale|stabil|stabile|svekket|nedsatt|palpabel|palpable|varm|varmt|bløt|myk|klar|regelmessig|tilstede|påvirket)$/i;
const NB_VERBS =
  /^(?:bruker|drikker|spiser|tåler|røyker|har|er|ønsker|tisser|hoster|sover|klarer|fikk|tar|kjenner|merker)$/i;

/** Statements a GP would not write with "Ingen"/"No" in front: values, labels, names, plans, people. */
const NB_NO_PREFIX =
  /^(?:\d|[A-ZÆØÅ]{2,}|[A-ZÆØÅ]\.|[\p{L}-]+\s+\d|[\p{L}-]+:|pas\.|kontroll|info|henv|ny kontakt|råd|anbefalt|mor |far |bror|søster|datter|sønn|kona|mannen|ønsker|ber |spør|drøftet|seponer|start|tillegg|resept|e-resept|sykmeld|egenmeld|mr |rtg|blodprøve|kontroll|telefon|video|hjemme)/iu;
const EN_NO_PREFIX =
  /^(?:\d|[A-Z]{2,}|[\p{L} ]{1,30}:|(?:he|she|the patient|patient|we|i|they|his|her|mr|mrs|ms|dr|a|an|the|this|these|those|that|all|it|there|their|our|my|if|when|after|before|given|due|additionally|also)\b)/iu;

function flipNegation(text: string, language: Language, random: Random): string | undefined {
  if (language === 'nb') {
    const cue = /(?<![\p{L}])(ikke|ingen|Ikke|Ingen|uten|Uten)\s+/u.exec(text);
    if (cue) {
      const before = text.slice(0, cue.index);
      const after = text.slice(cue.index + cue[0].length);
      // "uten effekt" → "med effekt"; "ingen hoste" → "hoste".
      if (/^uten$/i.test(cue[1] ?? '')) return `${before}${/^U/.test(cue[1] ?? '') ? 'Med' : 'med'} ${after}`;
      const rest = before === '' || /[:.]\s*$/.test(before) ? capitalize(after) : after;
      return `${before}${rest}`;
    }
    const words = text.split(/\s+/);
    const [first = '', second = ''] = words;
    if (NB_VERBS.test(first) && !/^(?:og|eller)$/i.test(second))
      return [first, 'ikke', ...words.slice(1)].join(' ');
    const modifier = /^(?:lyst|mørkt|lett|litt|noe|mye|svært|moderat|kraftig|sterkt|god|dårlig)$/i.test(
      first,
    );
    if (!modifier && NB_ADJECTIVES.test(second.replace(/[.,:]$/, '')))
      return [first, 'ikke', ...words.slice(1)].join(' ');
    const colon = /^([^:]{1,25}:\s+)(.+)$/u.exec(text);
    // After a label only before a finding word ("Pulm: ingen krepitasjoner"), not before values or "ua.".
    const afterColon = colon?.[2] ?? '';
    if (
      colon &&
      /^[\p{Ll}]{4,}/u.test(afterColon) &&
      !/^\p{L}+\s+\d/u.test(afterColon) &&
      random.next() < 0.5
    )
      return `${colon[1] ?? ''}ingen ${afterColon}`;
    if (NB_NO_PREFIX.test(text)) return undefined;
    return `Ingen ${lowerFirst(text)}`;
  }
  const swaps: ReadonlyArray<readonly [RegExp, string]> = [
    [/\bdenies\b/, 'reports'],
    [/\bDenies\b/, 'Reports'],
    [/\bdenied\b/, 'reported'],
    [/\bno\s+/, ''],
    [/\bNo\s+/, ''],
    [/\bnot\s+/, ''],
    [/\bwithout\b/, 'with'],
    [/\bnegative for\b/, 'positive for'],
    [/\breports\b/, 'denies'],
    [/\bReports\b/, 'Denies'],
    [/\bendorses\b/, 'denies'],
    [/\bEndorses\b/, 'Denies'],
    [/\bpositive for\b/, 'negative for'],
    // "X is unremarkable" → "X is abnormal", not a double negative.
    [/\b(is|are|was|were) (?:unremarkable|normal)\b/, '$1 abnormal'],
    // An auxiliary keeps its participle ("has been" → "has not been"); a main verb takes "does not have".
    [
      /\b(has|have|had) (?=been\b|had\b|seen\b|taken\b|given\b|gone\b|done\b|felt\b|made\b|known\b|shown\b|begun\b|\w+ed\b)/,
      '$1 not ',
    ],
    [/\bhas\b(?! not\b)/, 'does not have'],
    // Not the demographic opening ("is a 48-year-old female"): nobody writes that with "not".
    [/\bis\b(?! not\b)(?! an? [\w-]+[- ](?:year|month|week|day)s?[- ]old)/, 'is not'],
    [/\bare\b/, 'are not'],
    [/\bwas\b/, 'was not'],
  ];
  for (const [pattern, replacement] of swaps) {
    if (pattern.test(text)) {
      const flipped = text.replace(pattern, replacement);
      return /^[a-z]/.test(flipped) ? capitalize(flipped) : flipped;
    }
  }
  if (EN_NO_PREFIX.test(text)) return undefined;
  return `No ${lowerFirst(text)}`;
}

function perturbNegation(input: PerturbationInput, statements: Located[]): Perturbation[] {
  const options = statements.filter(
    (located) => located.text.split(/\s+/).length >= 2 && /\p{L}{3,}/u.test(located.text),
  );
  const perturbations: Perturbation[] = [];
  for (const located of input.random.shuffle(options)) {
    if (perturbations.length >= input.perCategory) break;
    const text = flipNegation(located.text, input.language, input.random);
    if (!text || text === located.text) continue;
    perturbations.push({
      category: 'negation',
      statementId: located.statementId,
      original: located.text,
      text,
      note: replaceStatement(input.note, located.statementId, text),
    });
  }
  return perturbations;
}

// ---------- inserted drugs and diagnoses ----------

function transcriptText(transcript: Transcript): string {
  return transcript.segments
    .map((segment) => segment.text)
    .join('\n')
    .toLowerCase();
}

const EN_FREQUENCY = ['once daily', 'twice daily', 'three times daily', 'four times daily'];

function perturbDrugs(input: PerturbationInput, statements: Located[]): Perturbation[] {
  const spoken = transcriptText(input.transcript);
  // A drug said by a trade name ("Ibux" for ibuprofen, from FEST) is not absent either.
  const lexicon = lexiconFor(input.language).lexicon;
  const said = new Set(findDrugMentions(spoken, lexicon).map((mention) => mention.key));
  const absent = DRUGS[input.language].filter(
    (drug) =>
      !spoken.includes(drug.name.slice(0, 6)) &&
      !findDrugMentions(drug.name, lexicon).some((mention) => said.has(mention.key)),
  );
  const perturbations: Perturbation[] = [];
  const planSection = sectionByRole(input.note, 'plan');
  const historySection = sectionByRole(input.note, 'history');
  // Some inserted as new statements, some as a wrong drug in an existing statement.
  const present = DRUGS[input.language].filter((drug) =>
    statements.some((located) => located.text.toLowerCase().includes(drug.name)),
  );
  for (let attempt = 0; attempt < input.perCategory; attempt += 1) {
    const drug = input.random.pick(absent);
    if (!drug) break;
    const replaceable =
      present.length > 0 && input.random.next() < 0.35 ? input.random.pick(present) : undefined;
    const target = replaceable
      ? statements.find((located) => located.text.toLowerCase().includes(replaceable.name))
      : undefined;
    if (replaceable && target) {
      const text = target.text.replace(new RegExp(replaceable.name, 'i'), (match) =>
        /^[A-ZÆØÅ]/.test(match) ? capitalize(drug.name) : drug.name,
      );
      if (text !== target.text) {
        perturbations.push({
          category: 'drug',
          statementId: target.statementId,
          original: target.text,
          text,
          note: replaceStatement(input.note, target.statementId, text),
        });
        continue;
      }
    }
    const templates =
      input.language === 'nb'
        ? [
            {
              section: planSection,
              text: `Resept ${drug.name} ${drug.dose} x ${drug.times} i ${drug.days} d.`,
            },
            { section: planSection, text: `Start ${drug.name} ${drug.dose} x ${drug.times}.` },
            { section: historySection, text: `Bruker ${drug.name} ${drug.dose} x ${drug.times}.` },
          ]
        : [
            {
              section: planSection,
              text: `Start ${drug.name} ${drug.dose} ${EN_FREQUENCY[Math.min(3, drug.times - 1)] ?? 'daily'}.`,
            },
            {
              section: planSection,
              text: `Prescribed ${drug.name} ${drug.dose} ${EN_FREQUENCY[Math.min(3, drug.times - 1)] ?? 'daily'} for ${drug.days} days.`,
            },
            { section: historySection, text: `The patient takes ${drug.name} ${drug.dose} daily.` },
          ];
    const choice = input.random.pick(templates);
    if (!choice) break;
    const id = `inserted-drug-${attempt + 1}`;
    perturbations.push({
      category: 'drug',
      statementId: id,
      original: undefined,
      text: choice.text,
      note: insertStatement(input.note, choice.section, choice.text, id, input.random),
    });
  }
  return perturbations;
}

function perturbDiagnoses(input: PerturbationInput): Perturbation[] {
  const spoken = transcriptText(input.transcript);
  const absent = DIAGNOSES[input.language].filter(
    (diagnosis) => !diagnosis.probe.some((probe) => spoken.includes(probe.toLowerCase())),
  );
  const perturbations: Perturbation[] = [];
  const assessment = sectionByRole(input.note, 'assessment');
  const history = sectionByRole(input.note, 'history');
  for (let attempt = 0; attempt < input.perCategory; attempt += 1) {
    const diagnosis = input.random.pick(absent);
    if (!diagnosis) break;
    const name = diagnosis.text;
    const templates =
      input.language === 'nb'
        ? [
            { section: assessment, text: `${capitalize(name)}.` },
            { section: assessment, text: `Mistanke om ${name}.` },
            { section: assessment, text: `Sannsynlig ${name}, ukomplisert.` },
            { section: history, text: `Kjent ${name}.` },
          ]
        : [
            { section: assessment, text: `${capitalize(name)}.` },
            { section: assessment, text: `Suspected ${name}.` },
            { section: assessment, text: `Findings are consistent with ${name}.` },
            { section: history, text: `Past medical history of ${name}.` },
          ];
    const choice = input.random.pick(templates);
    if (!choice) break;
    const id = `inserted-diagnosis-${attempt + 1}`;
    perturbations.push({
      category: 'diagnosis',
      statementId: id,
      original: undefined,
      text: choice.text,
      note: insertStatement(input.note, choice.section, choice.text, id, input.random),
    });
  }
  return perturbations;
}

// ---------- a relative's symptom stated as the patient's ----------

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== '');
}

function perturbRelatives(input: PerturbationInput): Perturbation[] {
  const kin = KIN[input.language];
  const relativeSentences: string[] = [];
  const ownSentences: string[] = [];
  for (const segment of input.transcript.segments) {
    for (const sentence of sentencesOf(segment.text)) {
      if (segment.speaker !== 'lege' && kin.test(sentence)) relativeSentences.push(sentence.toLowerCase());
      else ownSentences.push(sentence.toLowerCase());
    }
  }
  const options: string[] = [];
  for (const sentence of relativeSentences) {
    const kinMatch = kin.exec(sentence);
    const after = kinMatch ? sentence.slice(kinMatch.index) : sentence;
    for (const phrase of SYMPTOMS[input.language]) {
      if (!after.includes(phrase)) continue;
      // Only symptoms the patient did not have: the phrase's main word is absent from every other sentence.
      const probe = [...phrase.split(/\s+/)].sort((left, right) => right.length - left.length)[0] ?? phrase;
      if (ownSentences.some((own) => own.includes(probe.slice(0, Math.max(4, probe.length - 2))))) continue;
      options.push(phrase);
    }
    const pressure = /(\d{2,3}) over (\d{2,3})/.exec(after);
    if (pressure)
      options.push(`${input.language === 'nb' ? 'BT' : 'blood pressure'} ${pressure[1]}/${pressure[2]}`);
  }
  const unique = [...new Set(options)];
  const history = sectionByRole(input.note, 'history');
  const perturbations: Perturbation[] = [];
  for (const [position, phrase] of input.random.shuffle(unique).slice(0, input.perCategory).entries()) {
    const templates =
      input.language === 'nb'
        ? [`${capitalize(phrase)}.`, `Pasienten: ${phrase}.`, `Opplyser ${phrase}.`]
        : [`The patient reports ${phrase}.`, `Patient history: ${phrase}.`];
    const text = input.random.pick(templates) ?? `${capitalize(phrase)}.`;
    const id = `inserted-relative-${position + 1}`;
    perturbations.push({
      category: 'relative',
      statementId: id,
      original: undefined,
      text,
      note: insertStatement(input.note, history, text, id, input.random),
    });
  }
  return perturbations;
}

// ---------- time ----------

const TIME_SWAPS: Record<Language, ReadonlyArray<readonly [RegExp, string]>> = {
  nb: [
    [/(?<![\p{L}])i dag(?![\p{L}])/u, 'i fjor'],
    [/(?<![\p{L}])i fjor(?: høst| vinter| sommer| vår)?(?![\p{L}])/u, 'i dag'],
    [/(?<![\p{L}])i går(?: kveld| morges)?(?![\p{L}])/u, 'i fjor'],
    [/(?<![\p{L}])i forgårs(?![\p{L}])/u, 'i fjor'],
    [/(?<![\p{L}])i natt(?![\p{L}])/u, 'i fjor'],
    [/(?<![\p{L}])i morges(?![\p{L}])/u, 'i fjor'],
    [/(?<![\p{L}])forrige uke(?![\p{L}])/u, 'i fjor'],
    [/(for (?:ca\. )?\d+(?:[,.]\d+)? )(?:d|dager|dag|uker|uke|mnd|måneder)( siden)/u, '$1år$2'],
    [/(for (?:ca\. )?\d+(?:[,.]\d+)? )år( siden)/u, '$1dager$2'],
    [/(for (?:ca\. )?)(?:et par|noen) (?:dager|uker)( siden)/u, '$1et par år$2'],
  ],
  en: [
    [/\btoday\b/, 'last year'],
    [/\bToday\b/, 'Last year'],
    [/\blast year\b/, 'today'],
    [/\byesterday(?: morning| evening)?\b/, 'last year'],
    [/\bthis morning\b/, 'last year'],
    [/\blast night\b/, 'last year'],
    [/\blast week\b/, 'last year'],
    [/(\d+|a few|a couple of|several) (?:days|weeks|months) ago\b/, '$1 years ago'],
    [/(\d+|a few|a couple of|several) years ago\b/, '$1 days ago'],
  ],
};

function perturbTimes(input: PerturbationInput, statements: Located[]): Perturbation[] {
  const options: Array<{ located: Located; text: string }> = [];
  for (const located of statements) {
    for (const [pattern, replacement] of TIME_SWAPS[input.language]) {
      if (!pattern.test(located.text)) continue;
      const text = located.text.replace(pattern, replacement);
      if (text !== located.text) options.push({ located, text });
    }
  }
  return input.random
    .shuffle(options)
    .slice(0, input.perCategory)
    .map(({ located, text }) => ({
      category: 'time',
      statementId: located.statementId,
      original: located.text,
      text,
      note: replaceStatement(input.note, located.statementId, text),
    }));
}

/** All perturbations of one note. */
export function generatePerturbations(input: PerturbationInput): Perturbation[] {
  const statements = statementsOf(input.note, input.eligible);
  return [
    ...perturbLaterality(input, statements),
    ...perturbNumbers(input, statements),
    ...perturbNegation(input, statements),
    ...perturbDrugs(input, statements),
    ...perturbDiagnoses(input),
    ...perturbRelatives(input),
    ...perturbTimes(input, statements),
  ];
}
