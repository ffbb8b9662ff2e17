import type { Language, Note, NoteSection, Statement } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { findDrugMentions } from '../language/drugs';
import { findTemplate, sectionContents } from '../templates/templates';
import type { SectionContent } from '../templates/templates';
import { computeLix } from './lix';
import {
  GENERAL_CONTACT_ADVICE,
  INFECTION_WARNING_LIST,
  SAFETY_NET_RULES,
  SAFETY_NET_SOURCES,
} from './safety-netting';
import type { SafetyNetList, SafetyNetRule, SafetyNetUrgency } from './safety-netting';
import { toPatientSentences } from './sentences';
import type {
  DetectedPatientCondition,
  PatientAdviceSource,
  PatientSummary,
  PatientSummarySection,
  PatientSummarySectionId,
  PatientSummarySentence,
} from './types';
import { PATIENT_SUMMARY_SECTION_IDS } from './types';

/** Options for `buildPatientSummary`. */
export interface BuildPatientSummaryOptions {
  /** The summary's language; the built-in engine writes only in the note's language (the default). */
  language?: Language;
}

/** Section titles and the summary title, in plain words. */
const TITLES: Record<Language, Record<PatientSummarySectionId | 'summary', string>> = {
  nb: {
    summary: 'Oppsummering fra legetimen',
    vurdering: 'Legens vurdering',
    funn: 'Dette fant legen',
    gjore: 'Dette skjer videre',
    medisin: 'Slik tar du medisinen',
    hjelp: 'Når bør du ta kontakt igjen?',
  },
  en: {
    summary: 'Summary of your appointment',
    vurdering: 'What the doctor thinks',
    funn: 'What the doctor found',
    gjore: 'What happens next',
    medisin: 'How to take your medicine',
    hjelp: 'When to get help again',
  },
};

/** Lead-ins of the warning-sign lists. */
const LEADS: Record<Language, Record<SafetyNetUrgency, string>> = {
  nb: {
    'call-113': 'Ring 113 med en gang hvis:',
    'contact-now': 'Kontakt legen eller legevakten (116117) med en gang hvis:',
  },
  en: {
    'call-113': 'Call 113 at once if:',
    'contact-now': 'Contact your doctor or the out-of-hours service (116117) at once if:',
  },
};

/** The section id the doctor uses for text that must never reach the patient. */
export const INTERNAL_SECTION_ID = 'intern';

/** True for a statement the patient may see: not marked internal, not in the internal section. */
export function isPatientVisible(section: NoteSection, statement: Statement): boolean {
  if (section.id === INTERNAL_SECTION_ID || /^intern(?:t|e)?(?![\p{L}])/iu.test(section.title.trim()))
    return false;
  return statement.internal !== true && statement.text.trim() !== '';
}

/** What a note section holds, from its template (or guessed from its id and title). */
type SectionRole = 'history' | 'findings' | 'assessment' | 'plan' | 'assessment-and-plan' | 'unknown';

function roleOf(note: Note, section: NoteSection): SectionRole {
  const templateSection = findTemplate(note.template)?.sections.find(
    (candidate) => candidate.id === section.id,
  );
  const contents: readonly SectionContent[] = sectionContents(
    templateSection ?? { id: section.id, title: section.title },
  );
  const has = (content: SectionContent) => contents.includes(content);
  if (has('assessment') && has('plan')) return 'assessment-and-plan';
  if (has('plan')) return 'plan';
  if (has('assessment')) return 'assessment';
  if (has('examination') || has('results')) return 'findings';
  if (has('history') || has('chief-complaint') || has('review-of-systems')) return 'history';
  return 'unknown';
}

const SAFETY_CUE: Record<Language, RegExp> = {
  nb: /ny kontakt|ta kontakt|tar kontakt|kontakt(?:e|er)? (?:oss|meg|lege\p{L}*|legevakt\p{L}*|fastlege\p{L}*|kontoret)|legevakt\p{L}*|ring(?:er)? (?:meg|oss|legen|kontoret|113|116\s?117)|(?<!\p{N})113(?!\p{N})|oppsøk\p{L}*|(?:hvis|dersom|ved) (?:du )?(?:blir |får )?(?:verre|forverring|dårligere)/iu,
  en: /call (?:us|me|911|999|113|the office|back)|contact (?:us|me|the office|your doctor)|come back|return (?:if|to (?:the )?clinic)|seek (?:medical )?(?:help|care|attention)|go to the (?:emergency|er\b)|emergency (?:room|department)|(?:if|when) (?:it|you|symptoms?|things) (?:get|gets|become|becomes) worse|worsen/iu,
};

const DOSE =
  /\d+(?:[.,]\d+)?\s?(?:mg|g|mikrogram|µg|mcg|ug|ml|mmol|IE|IU|dråper|drops|puff|tabletter|tablett|tablets?|tbl\.?|tabl\.?)(?![\p{L}])/iu;
const FREQUENCY =
  /x\s?\d|ganger|gang (?:om|i|daglig)|daglig|om (?:morgenen|kvelden|dagen)|ved behov|v\/behov|once|twice|times (?:a|per) day|daily|a day|at night|in the morning|as needed|prn/iu;
const PLAN_CUE: Record<Language, RegExp> = {
  nb: /resept|henv|sykmeld|kontroll|time|prøve|ta |bruk|start|fortsett|slutt|drikk|hvil|trening|fysioterap|avtal/iu,
  en: /prescri|refer|follow[- ]?up|order|start|continue|stop|increase|decrease|schedule|return|recommend|advise|physical therapy/iu,
};

function isMedicineStatement(text: string, role: SectionRole): boolean {
  const hasDrug = findDrugMentions(text).length > 0;
  const hasDose = DOSE.test(text);
  if (role === 'plan' || role === 'assessment-and-plan') return hasDrug || (hasDose && FREQUENCY.test(text));
  if (role === 'assessment') return hasDrug && hasDose;
  return false;
}

function targetSection(
  text: string,
  role: SectionRole,
  language: Language,
): PatientSummarySectionId | undefined {
  if (role === 'history' || role === 'unknown') return undefined;
  if (SAFETY_CUE[language].test(text)) return 'hjelp';
  if (isMedicineStatement(text, role)) return 'medisin';
  switch (role) {
    case 'findings':
      return 'funn';
    case 'assessment':
      return 'vurdering';
    case 'plan':
      return 'gjore';
    case 'assessment-and-plan':
      return PLAN_CUE[language].test(text) ? 'gjore' : 'vurdering';
  }
}

const NEGATION_BEFORE =
  /(?<![\p{L}])(?:ingen|ikke|uten|utelukk\p{L}*|ingenting|usannsynlig|no|not|without|denies|rule out|ruled out|unlikely)(?![\p{L}])/iu;

/** True when `pattern` occurs in `text` outside a negated clause ("ingenting som tyder på lungebetennelse"). */
function mentionsUnnegated(text: string, pattern: RegExp): boolean {
  // Matches start at a word start ("rosen", not "blodprosenten").
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern.source})`, flags);
  for (const match of text.matchAll(global)) {
    const before = text.slice(0, match.index ?? 0);
    const clauseStart = Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf(','),
      before.lastIndexOf(';'),
      before.lastIndexOf(':'),
    );
    if (!NEGATION_BEFORE.test(before.slice(clauseStart + 1))) return true;
  }
  return false;
}

interface VisibleStatement {
  statement: Statement;
  role: SectionRole;
  /** True for the first statement of the first history section (the presenting complaint). */
  presenting: boolean;
}

function listVisibleStatements(note: Note): VisibleStatement[] {
  const visible: VisibleStatement[] = [];
  let presentingFound = false;
  for (const section of note.sections) {
    const role = roleOf(note, section);
    for (const statement of section.statements) {
      if (!isPatientVisible(section, statement)) continue;
      const presenting = role === 'history' && !presentingFound;
      if (presenting) presentingFound = true;
      visible.push({ statement, role, presenting });
    }
  }
  return visible;
}

/** The conditions the note names, with the statements that name them, in rule order. */
export function detectSafetyNetConditions(
  note: Note,
): Array<{ rule: SafetyNetRule; statementIds: string[] }> {
  const visible = listVisibleStatements(note);
  const found: Array<{ rule: SafetyNetRule; statementIds: string[] }> = [];
  for (const rule of SAFETY_NET_RULES) {
    const statementIds = visible
      .filter(({ statement, role, presenting }) => {
        const text = statement.text;
        if (role !== 'history' && role !== 'unknown' && mentionsUnnegated(text, rule.diagnosis)) return true;
        if (rule.symptom && (role === 'assessment' || role === 'assessment-and-plan' || presenting))
          if (mentionsUnnegated(text, rule.symptom)) return true;
        return rule.medicine !== undefined && mentionsUnnegated(text, rule.medicine);
      })
      .map(({ statement }) => statement.id);
    if (statementIds.length > 0) found.push({ rule, statementIds });
  }
  return found;
}

function normalizeForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Builds the patient summary of a note with the built-in engine: plain language in the note's language,
 * each sentence rewritten from one note statement (its id kept as evidence), statements marked internal left
 * out, and safety-netting from named guideline lists keyed to the condition the note names.
 * The caller makes sure the note is approved. LIX is computed over headings and sentences.
 */
export function buildPatientSummary(note: Note, options: BuildPatientSummaryOptions = {}): PatientSummary {
  const language = note.language;
  if (options.language !== undefined && options.language !== language) {
    throw new AppError(
      'invalid_input',
      'Den innebygde motoren skriver pasientoppsummeringen på notatets språk; andre språk krever en språkmodell',
      { details: { noteLanguage: language, requested: options.language } },
    );
  }
  let sentenceNumber = 0;
  const nextId = () => `p${(sentenceNumber += 1)}`;
  const bySection = new Map<PatientSummarySectionId, PatientSummarySentence[]>(
    PATIENT_SUMMARY_SECTION_IDS.map((id) => [id, []]),
  );
  const seen = new Set<string>();
  const add = (sectionId: PatientSummarySectionId, sentence: Omit<PatientSummarySentence, 'id'>) => {
    const key = normalizeForComparison(sentence.text);
    if (key === '' || (sentence.layout !== 'lead' && seen.has(key))) return;
    seen.add(key);
    bySection.get(sectionId)?.push({ id: nextId(), ...sentence });
  };

  for (const { statement, role } of listVisibleStatements(note)) {
    const sectionId = targetSection(statement.text, role, language);
    if (sectionId === undefined) continue;
    for (const text of toPatientSentences(statement.text, language)) {
      add(sectionId, { text, evidence: [statement.id], origin: 'note', layout: 'text' });
    }
  }

  const conditions = detectSafetyNetConditions(note);
  const usedSources = new Set<keyof typeof SAFETY_NET_SOURCES>();
  const lists: SafetyNetList[] = conditions.flatMap(({ rule }) => [...rule.lists]);
  if (conditions.some(({ rule }) => rule.infection === true)) lists.push(INFECTION_WARNING_LIST);
  for (const urgency of ['call-113', 'contact-now'] as const) {
    const group = lists.filter((list) => list.urgency === urgency && list.items[language].length > 0);
    if (group.length === 0) continue;
    add('hjelp', { text: LEADS[language][urgency], evidence: [], origin: 'guideline', layout: 'lead' });
    for (const list of group) {
      usedSources.add(list.source);
      for (const item of list.items[language]) {
        add('hjelp', {
          text: item,
          evidence: [],
          origin: 'guideline',
          layout: 'item',
          source: SAFETY_NET_SOURCES[list.source].id,
        });
      }
    }
  }
  for (const { rule } of conditions) {
    if (!rule.course) continue;
    usedSources.add(rule.course.source);
    add('hjelp', {
      text: rule.course.text[language],
      evidence: [],
      origin: 'guideline',
      layout: 'text',
      source: SAFETY_NET_SOURCES[rule.course.source].id,
    });
  }
  usedSources.add(GENERAL_CONTACT_ADVICE.source);
  for (const text of GENERAL_CONTACT_ADVICE.text[language]) {
    add('hjelp', {
      text,
      evidence: [],
      origin: 'guideline',
      layout: 'text',
      source: SAFETY_NET_SOURCES[GENERAL_CONTACT_ADVICE.source].id,
    });
  }

  const sections: PatientSummarySection[] = PATIENT_SUMMARY_SECTION_IDS.map((id) => ({
    id,
    title: TITLES[language][id],
    sentences: bySection.get(id) ?? [],
  })).filter((section) => section.sentences.length > 0);
  const sources: PatientAdviceSource[] = Object.values(SAFETY_NET_SOURCES)
    .filter((source) => [...usedSources].some((key) => SAFETY_NET_SOURCES[key].id === source.id))
    .map((source) => ({
      id: source.id,
      citation: source.citation[language],
      version: source.version,
      evidence: source.evidence,
    }));
  const detected: DetectedPatientCondition[] = conditions.map(({ rule, statementIds }) => ({
    id: rule.id,
    label: rule.label[language],
    statementIds,
  }));
  const summary: PatientSummary = {
    language,
    noteLanguage: language,
    title: TITLES[language].summary,
    sections,
    sources,
    conditions: detected,
    lix: 0,
    engine: 'builtin',
    machineTranslated: false,
  };
  return { ...summary, lix: computePatientSummaryLix(summary) };
}

/** The text LIX is computed over: the title, section titles and sentences, one per line (no citations). */
export function patientSummaryReadingText(summary: Pick<PatientSummary, 'title' | 'sections'>): string {
  return [
    summary.title,
    ...summary.sections.flatMap((section) => [
      section.title,
      ...section.sentences.map((sentence) => sentence.text),
    ]),
  ].join('\n');
}

/** LIX of a patient summary's reading text; see `computeLix`. */
export function computePatientSummaryLix(summary: Pick<PatientSummary, 'title' | 'sections'>): number {
  return computeLix(patientSummaryReadingText(summary)).lix;
}
