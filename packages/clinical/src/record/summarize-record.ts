import { findIcpc2Code } from '../icpc2/code-list';
import { findDrugMentions, noteNameOf } from '../language/drugs';
import { findMeasurements } from '../language/measurements';
import type { RecordCitation, RecordPassage, RecordSummary, RecordSummaryItem } from './record-types';
import type { RecordIndex } from './record-index';
import { citePassage } from './record-index';
import { formatNorwegianDate } from './norwegian-dates';
import { splitRecordSentences } from './norwegian-terms';
import { dateOfSentence } from './passage-dates';
import { VALUE_PATTERN } from './answer-question';

/**
 * The record at a glance: problem list, medicines, allergies, key results and a timeline. Structured FHIR
 * entries are taken as they are; free text is read with the clinical language pack (drug names from FEST,
 * lab labels from measurements.ts, ICPC-2 codes from the official list) and simple Norwegian cues
 * ("Diagnose:", "påvist", "CAVE:", "seponeres"). Every item cites the passages it rests on; nothing is inferred
 * beyond what a sentence says.
 */

const MAX_CITATIONS = 3;

/** Lab and vital labels in the order a GP scans them. */
const RESULT_ORDER = [
  'HbA1c',
  'BT',
  'LDL',
  'kolesterol',
  'HDL',
  'kreatinin',
  'eGFR',
  'albumin/kreatinin-ratio',
  'TSH',
  'fritt T4',
  'Hb',
  'ferritin',
  'B12',
  'D-vitamin',
  'CRP',
  'SR',
  'INR',
  'PSA',
  'K',
  'Na',
  'glukose',
  'vekt',
  'BMI',
];

const DIAGNOSIS_LABEL =
  /(?:^|[.;]\s*)(?:diagnoser?|problemliste|henvisningsdiagnose)\s*:\s*([^.;\n]{3,80})/iu;
const DIAGNOSIS_SET =
  /(?<![\p{L}])diagnosen\s+([\p{L}][\p{L}\d ,-]{2,50}?)\s+(?:stilles|ble stilt|er stilt|bekreftes)/iu;
const DIAGNOSIS_FOUND =
  /(?:^|[.;:]\s*)([\p{Lu}][\p{L}\d -]{2,40}?)\s+(?:påvist|bekreftet|diagnostisert)(?![\p{L}])/u;
const ICPC_CODE = /(?<![\p{L}\d])([A-Z]\d{2})\s+([\p{L}][\p{L} -]{2,50})/gu;
const ALLERGY =
  /(?<![\p{L}])(cave|allergi(?:er)?|allergisk mot|overfølsom(?:het)? (?:for|mot))\s*:?\s*([^.;\n]{2,60})/iu;
const NO_ALLERGY = /ingen (?:kjente )?(?:legemiddel)?allergi|ikke (?:kjent )?allergi|nkda/iu;
const MEDICATION_CUE =
  /\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|g|ml|ie|e)(?![\p{L}])|(?<![\p{L}])(?:starte[rst]?|oppstart|øke[rst]?|økt|reduser\w*|seponer\w*|fortsetter|bruker|byttet|skifter|avslutte[rst]?|stoppe[rst]?)(?![\p{L}])/iu;
const STOPPED = /(?<![\p{L}])(seponer\w*|stoppe[rst]?|avslutte[rst]?|sluttet)(?![\p{L}])/iu;
const DOSE = /\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|g|ml|ie|e)(?:\s*x\s*\d+)?(?![\p{L}])/iu;

interface Collected {
  key: string;
  text: string;
  /** Earliest date seen. */
  firstDate?: string;
  /** Latest date seen, and what it said. */
  latestDate?: string;
  detail?: string;
  citations: RecordCitation[];
  order: number;
}

function addCitation(item: Collected, citation: RecordCitation): void {
  if (item.citations.some((existing) => existing.passageId === citation.passageId)) return;
  if (item.citations.length < MAX_CITATIONS) {
    item.citations.push(citation);
  } else {
    // Keep the first mention and the newest ones.
    item.citations[item.citations.length - 1] = citation;
  }
}

function collect(
  map: Map<string, Collected>,
  input: { key: string; text: string; date?: string; citation: RecordCitation; detail?: string },
): Collected {
  let item = map.get(input.key);
  if (!item) {
    item = { key: input.key, text: input.text, citations: [], order: map.size };
    map.set(input.key, item);
  }
  if (input.date !== undefined) {
    if (item.firstDate === undefined || input.date < item.firstDate) item.firstDate = input.date;
    if (item.latestDate === undefined || input.date >= item.latestDate) {
      item.latestDate = input.date;
      if (input.detail !== undefined) item.detail = input.detail;
      item.text = input.text;
    }
  } else if (item.detail === undefined && input.detail !== undefined) {
    item.detail = input.detail;
  }
  addCitation(item, input.citation);
  return item;
}

function normalizeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\d ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanPhrase(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\s,:-]+$/, '')
    .trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function toItems(
  map: Map<string, Collected>,
  dateOf: (item: Collected) => string | undefined,
): RecordSummaryItem[] {
  return [...map.values()].map((item) => {
    const date = dateOf(item);
    return {
      text: item.text,
      ...(date === undefined ? {} : { date }),
      ...(item.detail === undefined ? {} : { detail: item.detail }),
      citations: item.citations,
    };
  });
}

/** Names of coded problems, so free text naming them joins the coded entry. */
type ProblemAliases = Map<string, string>;

function readProblems(
  index: RecordIndex,
  passage: RecordPassage,
  problems: Map<string, Collected>,
  problemAliases: ProblemAliases,
): void {
  const entry = passage.entry;
  if (entry?.kind === 'condition') {
    const code = entry.coding?.code;
    const key =
      code !== undefined && findIcpc2Code(code) !== undefined
        ? code.toUpperCase()
        : normalizeKey(entry.display);
    problemAliases.set(normalizeKey(entry.display), key);
    collect(problems, {
      key,
      text: `${code === undefined ? '' : `${code} `}${entry.display}`,
      ...(entry.date === undefined ? {} : { date: entry.date }),
      ...(entry.status === undefined ? {} : { detail: entry.status }),
      citation: citePassage(index, passage, passage.text),
    });
    return;
  }
  if (entry !== undefined) return;
  for (const sentence of splitRecordSentences(passage.text)) {
    const found: string[] = [];
    const labelled = DIAGNOSIS_LABEL.exec(sentence)?.[1];
    if (labelled !== undefined) found.push(labelled);
    const set = DIAGNOSIS_SET.exec(sentence)?.[1];
    if (set !== undefined) found.push(set);
    const confirmed = DIAGNOSIS_FOUND.exec(sentence)?.[1];
    if (confirmed !== undefined) found.push(confirmed);
    const { date } = dateOfSentence(sentence, passage);
    for (const match of sentence.matchAll(ICPC_CODE)) {
      const code = match[1] ?? '';
      const listed = findIcpc2Code(code);
      if (listed === undefined) continue;
      collect(problems, {
        key: code,
        text: problems.get(code)?.text ?? `${code} ${listed.title}`,
        ...(date === undefined ? {} : { date }),
        citation: citePassage(index, passage, sentence),
      });
    }
    for (const phrase of found) {
      const text = capitalize(cleanPhrase(phrase));
      if (text.length < 3) continue;
      const key = problemAliases.get(normalizeKey(text)) ?? normalizeKey(text);
      collect(problems, {
        key,
        text: problems.get(key)?.text ?? text,
        ...(date === undefined ? {} : { date }),
        citation: citePassage(index, passage, sentence),
      });
    }
  }
}

function readAllergies(
  index: RecordIndex,
  passage: RecordPassage,
  allergies: Map<string, Collected>,
  negatives: Map<string, Collected>,
): void {
  const entry = passage.entry;
  if (entry?.kind === 'allergy') {
    collect(allergies, {
      key: normalizeKey(entry.display).split(' ')[0] ?? entry.display,
      text: `${entry.display}${entry.value === undefined ? '' : ` (${entry.value})`}`,
      ...(entry.date === undefined ? {} : { date: entry.date }),
      ...(entry.status === undefined ? {} : { detail: `kritikalitet ${entry.status}` }),
      citation: citePassage(index, passage, passage.text),
    });
    return;
  }
  if (entry !== undefined) return;
  for (const sentence of splitRecordSentences(passage.text)) {
    const { date } = dateOfSentence(sentence, passage);
    if (NO_ALLERGY.test(sentence)) {
      collect(negatives, {
        key: 'none',
        text: 'Ingen kjente allergier',
        ...(date === undefined ? {} : { date }),
        citation: citePassage(index, passage, sentence),
      });
      continue;
    }
    const match = ALLERGY.exec(sentence);
    const substance = match?.[2] === undefined ? undefined : cleanPhrase(match[2]);
    if (substance === undefined || substance.length < 2 || /^(ikke|ingen|nei)\b/i.test(substance)) continue;
    const key = normalizeKey(substance).split(' ')[0] ?? substance;
    collect(allergies, {
      key,
      text: capitalize(substance),
      ...(date === undefined ? {} : { date }),
      citation: citePassage(index, passage, sentence),
    });
  }
}

function readMedicines(index: RecordIndex, passage: RecordPassage, medicines: Map<string, Collected>): void {
  const entry = passage.entry;
  if (entry?.kind === 'medication') {
    const stopped = entry.status === 'seponert' || entry.status === 'avsluttet';
    collect(medicines, {
      key: normalizeKey(entry.display).split(' ')[0] ?? entry.display,
      text: `${entry.display}${entry.value === undefined ? '' : ` ${entry.value}`}`,
      ...(entry.date === undefined ? {} : { date: entry.date }),
      detail: stopped ? (entry.status ?? 'seponert') : (entry.status ?? 'i bruk'),
      citation: citePassage(index, passage, passage.text),
    });
    return;
  }
  if (entry !== undefined) return;
  for (const sentence of splitRecordSentences(passage.text)) {
    if (!MEDICATION_CUE.test(sentence)) continue;
    const mentions = findDrugMentions(sentence).filter((mention) => !mention.fuzzy);
    if (mentions.length === 0) continue;
    const { date, precision } = dateOfSentence(sentence, passage);
    if (precision === 'year') continue;
    const stopped = STOPPED.test(sentence);
    for (const [position, mention] of mentions.entries()) {
      const name = noteNameOf(mention);
      const until = mentions[position + 1]?.start ?? sentence.length;
      const dose = DOSE.exec(sentence.slice(mention.end, until))?.[0];
      // "Seponerer ramipril. Starter losartan": the stop cue belongs to the drug it stands next to.
      const stopCue =
        stopped &&
        STOPPED.test(sentence.slice(Math.max(0, mention.start - 25), Math.min(sentence.length, until)));
      const detail = stopCue ? 'seponert' : 'sist nevnt';
      const text = `${capitalize(name)}${dose === undefined ? '' : ` ${dose}`}`;
      const existing = medicines.get(normalizeKey(name).split(' ')[0] ?? name);
      // Keep a dose from an earlier mention when the newest one names none.
      const keptText = dose === undefined && existing !== undefined ? existing.text : text;
      collect(medicines, {
        key: normalizeKey(name).split(' ')[0] ?? name,
        text: keptText,
        ...(date === undefined ? {} : { date }),
        detail,
        citation: citePassage(index, passage, sentence),
      });
    }
  }
}

interface ResultSeen {
  label: string;
  text: string;
  date?: string;
  citation: RecordCitation;
}

function readResults(index: RecordIndex, passage: RecordPassage, results: Map<string, ResultSeen[]>): void {
  const entry = passage.entry;
  const add = (seen: ResultSeen): void => {
    const list = results.get(seen.label) ?? [];
    list.push(seen);
    results.set(seen.label, list);
  };
  if (entry?.kind === 'observation') {
    if (entry.value === undefined) return;
    add({
      label: entry.display,
      text: `${entry.display} ${entry.value}${entry.unit === undefined ? '' : ` ${entry.unit}`}`,
      ...(entry.date === undefined ? {} : { date: entry.date }),
      citation: citePassage(index, passage, passage.text),
    });
    return;
  }
  if (entry !== undefined || !/\d/.test(passage.text)) return;
  for (const sentence of splitRecordSentences(passage.text)) {
    if (!/\d/.test(sentence)) continue;
    const { date, precision } = dateOfSentence(sentence, passage);
    if (precision === 'year' || date === undefined) continue;
    for (const measurement of findMeasurements(sentence, 'nb')) {
      // The value as the record writes it, with the unit that follows it ("LDL-kolesterol 3,2 mmol/L" → "LDL 3,2 mmol/L").
      VALUE_PATTERN.lastIndex = 0;
      const written = [...sentence.slice(measurement.index).matchAll(VALUE_PATTERN)][0]?.[0]?.trim();
      const text = written === undefined ? measurement.text : `${measurement.label} ${written}`;
      add({ label: measurement.label, text, date, citation: citePassage(index, passage, sentence) });
    }
  }
}

function summarizeResults(results: Map<string, ResultSeen[]>): RecordSummaryItem[] {
  const rank = (label: string): number => {
    const position = RESULT_ORDER.findIndex((known) => known.toLowerCase() === label.toLowerCase());
    return position === -1 ? RESULT_ORDER.length : position;
  };
  return [...results.entries()]
    .sort((left, right) => rank(left[0]) - rank(right[0]) || left[0].localeCompare(right[0]))
    .flatMap(([, seen]) => {
      const dated = [...seen].sort((left, right) => (right.date ?? '').localeCompare(left.date ?? ''));
      const latest = dated[0];
      if (latest === undefined) return [];
      const previous = dated.find((item) => item.date !== latest.date && item.text !== latest.text);
      const citations = [
        latest.citation,
        ...dated
          .slice(1)
          .filter((item) => item.date === latest.date)
          .map((item) => item.citation),
      ]
        .filter(
          (citation, position, list) =>
            list.findIndex((other) => other.passageId === citation.passageId) === position,
        )
        .slice(0, MAX_CITATIONS);
      return [
        {
          text: latest.text,
          ...(latest.date === undefined ? {} : { date: latest.date }),
          ...(previous === undefined
            ? {}
            : {
                detail: `forrige: ${previous.text}${previous.date === undefined ? '' : ` (${formatNorwegianDate(previous.date)})`}`,
              }),
          citations,
        },
      ];
    });
}

function buildTimeline(index: RecordIndex, limit: number): RecordSummaryItem[] {
  const groups = new Map<string, { date: string; passage: RecordPassage; title: string }>();
  for (const passage of index.passages) {
    if (passage.date === undefined) continue;
    const key = `${passage.documentId}|${passage.date}|${passage.entry === undefined ? (passage.heading ?? '') : passage.id}`;
    if (groups.has(key)) continue;
    const title =
      passage.entry !== undefined
        ? passage.text
        : (passage.heading ?? splitRecordSentences(passage.text)[0] ?? passage.text);
    groups.set(key, {
      date: passage.date,
      passage,
      title: title.length > 140 ? `${title.slice(0, 137)}…` : title,
    });
  }
  return [...groups.values()]
    .sort((left, right) => right.date.localeCompare(left.date))
    .slice(0, limit)
    .map((group) => ({
      text: group.title,
      date: group.date,
      citations: [citePassage(index, group.passage)],
    }));
}

/** Options of `summarizeRecord`. */
export interface SummarizeRecordOptions {
  /** Most timeline entries, newest first (default 200). */
  timelineLimit?: number;
}

/** Summarizes a record: problems, medicines, allergies, key results and a timeline, every item cited. */
export function summarizeRecord(index: RecordIndex, options: SummarizeRecordOptions = {}): RecordSummary {
  const problems = new Map<string, Collected>();
  const problemAliases: ProblemAliases = new Map();
  const medicines = new Map<string, Collected>();
  const allergies = new Map<string, Collected>();
  const noAllergies = new Map<string, Collected>();
  const results = new Map<string, ResultSeen[]>();
  // Structured diagnoses first, so the same problem named in free text joins its coded entry.
  for (const passage of index.passages) {
    if (passage.entry?.kind === 'condition') readProblems(index, passage, problems, problemAliases);
  }
  for (const passage of index.passages) {
    if (passage.entry?.kind !== 'condition') readProblems(index, passage, problems, problemAliases);
    readAllergies(index, passage, allergies, noAllergies);
    readMedicines(index, passage, medicines);
    readResults(index, passage, results);
  }
  const medicineItems = toItems(medicines, (item) => item.latestDate).sort((left, right) => {
    const leftStopped =
      left.detail?.startsWith('seponert') === true || left.detail?.startsWith('avsluttet') === true;
    const rightStopped =
      right.detail?.startsWith('seponert') === true || right.detail?.startsWith('avsluttet') === true;
    if (leftStopped !== rightStopped) return leftStopped ? 1 : -1;
    return (right.date ?? '').localeCompare(left.date ?? '');
  });
  return {
    problems: toItems(problems, (item) => item.firstDate).sort((left, right) =>
      (left.date ?? '9999').localeCompare(right.date ?? '9999'),
    ),
    medicines: medicineItems,
    allergies:
      allergies.size > 0
        ? toItems(allergies, (item) => item.firstDate)
        : toItems(noAllergies, (item) => item.latestDate),
    keyResults: summarizeResults(results),
    timeline: buildTimeline(index, options.timelineLimit ?? 200),
    documentCount: index.documents.size,
    passageCount: index.passages.length,
  };
}
