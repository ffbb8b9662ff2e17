/**
 * Turns a note written as text ("Aktuelt: …", "Us.: …", "S:/O:/A:/P:", "CHIEF COMPLAINT" heading lines) into a
 * structured `Note` of sections and statements, one statement per sentence. The sentence splitter knows GP
 * shorthand ("h.", "us.", "ca.", "f.eks.", "tidl.") and decimal numbers ("38,4", "38.4").
 */
import type { Language, Note, NoteSection } from '@kollega/domain';
import { findTemplate } from '../templates/templates';
import { foldText } from './text-tools';

/** Options for `parseNoteText`. */
export interface ParseNoteTextOptions {
  language: Language;
  /** Template id (`fastlege`, `soap`, `aci`); chosen from the language and the headings when absent. */
  template?: string;
}

interface HeadingRule {
  pattern: RegExp;
  section: Record<string, string>;
}

/** Known headings and the section each belongs to, per template. */
const HEADINGS: readonly HeadingRule[] = [
  {
    pattern: /^(?:aktuelt|årsak|henvendelse|kontaktårsak|anamnese|sykehistorie|subjektivt?|s)$/,
    section: { fastlege: 'aktuelt', soap: 'subjective', aci: 'history_of_present_illness' },
  },
  {
    pattern:
      /^(?:us|undersøkelse|klinisk undersøkelse|funn|kliniske funn|status|status presens|objektivt?|o|lab|supplerende us|suppl us|supplerende undersøkelser|prøver|prøvesvar)$/,
    section: { fastlege: 'undersokelse', soap: 'objective', aci: 'physical_examination' },
  },
  {
    pattern: /^(?:vurdering|v|diagnose|diagnoser|konklusjon|problemstilling)$/,
    section: { fastlege: 'vurdering', soap: 'assessment', aci: 'assessment_and_plan' },
  },
  {
    pattern:
      /^(?:tiltak|plan|p|beh|behandling|behandlingsplan|resept|sykmelding|henvisning|kontroll|oppfølging)$/,
    section: { fastlege: 'tiltak', soap: 'plan', aci: 'assessment_and_plan' },
  },
  {
    pattern: /^(?:subjective|history|hpi|history of present illness)$/,
    section: { fastlege: 'aktuelt', soap: 'subjective', aci: 'history_of_present_illness' },
  },
  {
    pattern: /^(?:chief complaint|cc|reason for visit)$/,
    section: { fastlege: 'aktuelt', soap: 'subjective', aci: 'chief_complaint' },
  },
  {
    pattern: /^(?:review of systems|ros)$/,
    section: { fastlege: 'aktuelt', soap: 'subjective', aci: 'review_of_systems' },
  },
  {
    pattern: /^(?:objective|physical exam|physical examination|exam|examination|vitals|vital signs)$/,
    section: { fastlege: 'undersokelse', soap: 'objective', aci: 'physical_examination' },
  },
  {
    pattern: /^(?:results|labs|lab results|imaging|diagnostics)$/,
    section: { fastlege: 'undersokelse', soap: 'objective', aci: 'results' },
  },
  {
    pattern: /^(?:assessment|a|impression|diagnosis|assessment and plan|a\/p|a&p)$/,
    section: { fastlege: 'vurdering', soap: 'assessment', aci: 'assessment_and_plan' },
  },
  {
    pattern: /^(?:plan|instructions|follow-up|follow up|disposition)$/,
    section: { fastlege: 'tiltak', soap: 'plan', aci: 'assessment_and_plan' },
  },
];

/** Abbreviations that never end a sentence (the next word belongs to them). */
const PREFIX_ABBREVIATIONS = new Set([
  'ca',
  'kl',
  'f.eks',
  'bl.a',
  'pga',
  'p.g.a',
  'ev',
  'evt',
  'dvs',
  'iflg',
  'mht',
  'ift',
  'inkl',
  'nr',
  'jf',
  'jfr',
  'mtp',
  'tidl',
  'pas',
  'beh',
  'henv',
  'obs',
  'sp',
  'e.g',
  'i.e',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'approx',
  'fig',
  'no',
  'y.o',
  'hr',
  'ref',
  'ang',
  'vedr',
  'tlf',
  'mvh',
  'prof',
  'etc',
  'osv',
  'bl',
]);
/** Abbreviations that may end a sentence (split only before a capital letter). */
const SUFFIX_ABBREVIATIONS = new Set([
  'ua',
  'u.a',
  'us',
  'bilat',
  'h',
  'v',
  'hø',
  've',
  'pos',
  'neg',
  'med',
  'mnd',
  'd',
  'tbl',
  'tabl',
  'mikst',
  'sek',
  'vesp',
  'rtg',
  'fam',
  'sos',
  'amb',
  'inj',
  'p.o',
  'i.v',
  'i.m',
  's.c',
  'b.v',
  'sin',
  'dx',
  'ktr',
  'stk',
  'pulm',
  'abd',
  'sig',
]);

function headingKey(text: string): string {
  return foldText(text)
    .replace(/[.:#*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function matchHeading(text: string, template: string): { id: string } | undefined {
  const key = headingKey(text);
  for (const rule of HEADINGS)
    if (rule.pattern.test(key)) return { id: rule.section[template] ?? rule.section.soap ?? key };
  return undefined;
}

function slug(text: string): string {
  return (
    foldText(text)
      .replace(/[^a-zæøå0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'note'
  );
}

/** Splits one line of a note into sentences. */
export function splitNoteSentences(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const pattern = /[.!?…](?=\s+\S)/g;
  for (const match of line.matchAll(pattern)) {
    const end = match.index + 1;
    const before = line.slice(start, end);
    const rest = line.slice(end).trimStart();
    const wordBefore = /([\p{L}][\p{L}.]*)\.$/u.exec(before)?.[1]?.toLowerCase();
    const next = rest.charAt(0);
    const nextIsCapital = /[\p{Lu}\d«"(]/u.test(next);
    if (match[0] === '.' && wordBefore !== undefined) {
      const nextIsLetterCapital = /[\p{Lu}«"(]/u.test(next);
      if (PREFIX_ABBREVIATIONS.has(wordBefore)) continue;
      // "h. 140°": a side abbreviation before a number belongs to the number.
      if ((SUFFIX_ABBREVIATIONS.has(wordBefore) || wordBefore.length === 1) && !nextIsLetterCapital) continue;
    }
    if (!nextIsCapital) continue;
    const sentence = before.trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  }
  const last = line.slice(start).trim();
  if (last !== '') sentences.push(last);
  return sentences.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

function chooseTemplate(text: string, options: ParseNoteTextOptions): string {
  if (options.template) return options.template;
  if (options.language === 'nb') return 'fastlege';
  return /^(?:CHIEF COMPLAINT|HISTORY OF PRESENT ILLNESS|ASSESSMENT AND PLAN)\s*$/m.test(text)
    ? 'aci'
    : 'soap';
}

/** Parses a note written as text with section headings into sections of statements. */
export function parseNoteText(text: string, options: ParseNoteTextOptions): Note {
  const templateId = chooseTemplate(text, options);
  const template = findTemplate(templateId);
  const sections: NoteSection[] = [];
  const sectionById = new Map<string, NoteSection>();
  const useSection = (id: string, title: string): NoteSection => {
    let section = sectionById.get(id);
    if (!section) {
      const templateTitle = template?.sections.find((entry) => entry.id === id)?.title;
      section = { id, title: templateTitle ?? title, statements: [] };
      sectionById.set(id, section);
      sections.push(section);
    }
    return section;
  };
  let current: NoteSection | undefined;
  const addStatements = (content: string): void => {
    const target =
      current ?? useSection(template?.sections[0]?.id ?? 'note', template?.sections[0]?.title ?? 'Note');
    current = target;
    for (const sentence of splitNoteSentences(content)) {
      target.statements.push({
        id: `${target.id}-${target.statements.length + 1}`,
        text: sentence,
        evidence: [],
        support: 'unverified',
      });
    }
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/^\s*(?:#{1,6}\s+|[-•*–]\s+|\d{1,2}[.)]\s+(?=\p{L}))/u, '').trim();
    if (line === '') continue;
    // "Aktuelt: …", "Us.: …", "S: …", "Plan:" – a known heading before a colon.
    const inline = /^([\p{L}][\p{L} ./&-]{0,40}?)\s*:\s*(.*)$/u.exec(line);
    if (inline) {
      const heading = matchHeading(inline[1] ?? '', templateId);
      if (heading) {
        current = useSection(heading.id, (inline[1] ?? '').trim());
        if ((inline[2] ?? '').trim() !== '') addStatements(inline[2] ?? '');
        continue;
      }
    }
    // A heading line on its own: known, or written in capitals ("CHIEF COMPLAINT", "VITALS").
    const bare = line.replace(/[:#*_]+$/g, '').trim();
    // A short title-case line without a full stop is a sub-heading ("Surgical", "Past Medical History").
    if (
      /^(?:\p{Lu}[\p{L}&/-]*)(?:\s+(?:\p{Lu}[\p{L}&/-]*|and|of|or|og|i|med))*$/u.test(bare) &&
      bare.split(/\s+/).length <= 4 &&
      !matchHeading(bare, templateId)
    ) {
      continue;
    }
    const known = matchHeading(bare, templateId);
    const capitals = /^[\p{Lu}][\p{Lu}\s&/-]{2,60}$/u.test(bare) && !/\d/.test(bare);
    if ((known && bare.split(/\s+/).length <= 6) || capitals) {
      current = useSection(known?.id ?? slug(bare), bare);
      continue;
    }
    addStatements(line);
  }
  return { template: template?.id ?? templateId, language: options.language, sections };
}
