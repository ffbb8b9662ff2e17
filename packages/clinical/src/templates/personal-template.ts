import type { Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { AbbreviationPreferences, NoteTemplate, SectionContent, TemplateSection } from './templates';
import { sectionContents } from './templates';

/** Input for `createPersonalTemplate`: the GP's section headings and one example note. */
export interface PersonalTemplateInput {
  name: string;
  /** Section headings in the GP's order, e.g. ["Anamnese", "Funn", "Vurdering", "Plan"]. */
  headings: readonly string[];
  /** One note the GP wrote, in their own style; used to learn their abbreviations. */
  exampleNote?: string;
  language?: Language;
}

/**
 * Variant groups of common Norwegian and English shorthand: the engine's default first, then forms a
 * GP may prefer (norwegian-domain.md §1.2: h./hø., ua./u.a., T/temp, henv./henvist, kontroll/ktr.).
 */
const VARIANT_GROUPS: ReadonlyArray<readonly string[]> = [
  ['h.', 'hø.', 'høyre', 'dx.'],
  ['v.', 've.', 'venstre', 'sin.'],
  ['bilat.', 'bilateralt', 'begge sider'],
  ['ua.', 'u.a.', 'normal', 'uten anmerkning'],
  ['T', 'Temp', 'temp'],
  ['BT', 'blodtrykk'],
  ['henv.', 'henvist', 'henvisning'],
  ['kontroll', 'ktr.', 'kontr.'],
  ['v/behov', 'ved behov', 'b.v.'],
  ['tidl.', 'tidligere'],
  ['ev.', 'evt.', 'eventuelt'],
  ['d', 'dager', 'døgn'],
  ['mnd', 'mnd.', 'måneder'],
  ['Pulm', 'Lunger', 'pulm.'],
  ['Cor', 'Hjerte', 'cor.'],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function usesVariant(example: string, variant: string): boolean {
  const caseSensitive = /^[A-Z]/.test(variant) && variant.length <= 2;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}(?![\\p{L}\\p{N}])`,
    caseSensitive ? 'u' : 'iu',
  );
  return pattern.test(example);
}

/** Learns which variant of each shorthand group the GP uses in an example note. */
export function learnAbbreviations(exampleNote: string): AbbreviationPreferences {
  const preferences: Array<readonly [string, string]> = [];
  for (const group of VARIANT_GROUPS) {
    const [engineDefault, ...alternatives] = group;
    if (engineDefault === undefined) continue;
    if (usesVariant(exampleNote, engineDefault)) continue;
    const preferred = alternatives.find((variant) => usesVariant(exampleNote, variant));
    if (preferred) preferences.push([engineDefault, preferred]);
  }
  return preferences;
}

function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'seksjon'
  );
}

/**
 * Creates a GP's personal template from their headings and one example note: the writer follows the
 * section order, places content by what each heading means, and uses the GP's abbreviations.
 */
export function createPersonalTemplate(input: PersonalTemplateInput): NoteTemplate {
  const headings = input.headings
    .map((heading) => heading.trim().replace(/:$/, ''))
    .filter((heading) => heading.length > 0);
  if (headings.length === 0) {
    throw new AppError('invalid_input', 'En personlig mal trenger minst én overskrift.', {
      details: { field: 'headings' },
    });
  }
  const used = new Set<string>();
  const sections: TemplateSection[] = headings.map((title) => {
    let id = slug(title);
    while (used.has(id)) id = `${id}-2`;
    used.add(id);
    const content: readonly SectionContent[] = sectionContents({ id, title });
    return { id, title, content };
  });
  // every kind of content needs a home: unplaced kinds go to the closest heading
  const placed = new Set(sections.flatMap((section) => section.content ?? []));
  const fallbacks: ReadonlyArray<readonly [SectionContent, readonly SectionContent[]]> = [
    ['chief-complaint', ['history']],
    ['review-of-systems', ['history']],
    ['results', ['examination']],
    ['assessment', ['plan']],
    ['plan', ['assessment']],
    ['history', []],
    ['examination', []],
  ];
  for (const [content, near] of fallbacks) {
    if (placed.has(content)) continue;
    const home =
      sections.find((section) => near.some((kind) => section.content?.includes(kind))) ?? sections[0];
    if (home) {
      home.content = [...(home.content ?? []), content];
      placed.add(content);
    }
  }
  const template: NoteTemplate = {
    id: `personal-${slug(input.name)}`,
    language: input.language ?? 'nb',
    name: input.name,
    layout: 'inline',
    sections,
  };
  if (input.exampleNote) template.abbreviations = learnAbbreviations(input.exampleNote);
  return template;
}
