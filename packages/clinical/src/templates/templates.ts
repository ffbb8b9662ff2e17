import type { Language } from '@kollega/domain';

/**
 * What a template section holds, independent of its title: the note writer places each statement by
 * its content kind. `chief-complaint` and `review-of-systems` are drawn from the history.
 */
export const SECTION_CONTENTS = [
  'chief-complaint',
  'history',
  'review-of-systems',
  'examination',
  'results',
  'assessment',
  'plan',
] as const;
/** A section content kind; see `SECTION_CONTENTS`. */
export type SectionContent = (typeof SECTION_CONTENTS)[number];

/** A template section: id, display title and (optionally) which content it holds. */
export interface TemplateSection {
  id: string;
  title: string;
  /** Content kinds placed here; when missing it is guessed from the id and title. */
  content?: readonly SectionContent[];
}

/**
 * How the GP writes common terms, learned from a personal template's example note
 * (pairs of the engine's default shorthand and the GP's own form, e.g. ["h.", "hø."]).
 */
export type AbbreviationPreferences = ReadonlyArray<readonly [string, string]>;

/** A note template: its id, language and the sections in order. */
export interface NoteTemplate {
  id: string;
  language: Language;
  /** Display name in the template's language. */
  name: string;
  sections: readonly TemplateSection[];
  /**
   * How the text is laid out: `inline` puts each section on one line ("Aktuelt: …"), as GPs paste into
   * the EPJ; `block` writes the heading on its own line followed by paragraphs (ACI-BENCH notes).
   */
  layout?: 'inline' | 'block';
  /** The GP's own forms of common shorthand (personal templates). */
  abbreviations?: AbbreviationPreferences;
}

/** Norwegian GP template: Aktuelt / Us. / Vurdering / Tiltak (the seed's GP note form). */
export const FASTLEGE_TEMPLATE: NoteTemplate = {
  id: 'fastlege',
  language: 'nb',
  name: 'Fastlege (Aktuelt / Us. / Vurdering / Tiltak)',
  layout: 'inline',
  sections: [
    { id: 'aktuelt', title: 'Aktuelt', content: ['chief-complaint', 'history', 'review-of-systems'] },
    { id: 'undersokelse', title: 'Us.', content: ['examination', 'results'] },
    { id: 'vurdering', title: 'Vurdering', content: ['assessment'] },
    { id: 'tiltak', title: 'Tiltak', content: ['plan'] },
  ],
};

/** English SOAP template. */
export const SOAP_TEMPLATE: NoteTemplate = {
  id: 'soap',
  language: 'en',
  name: 'SOAP',
  layout: 'inline',
  sections: [
    { id: 'subjective', title: 'Subjective', content: ['chief-complaint', 'history', 'review-of-systems'] },
    { id: 'objective', title: 'Objective', content: ['examination', 'results'] },
    { id: 'assessment', title: 'Assessment', content: ['assessment'] },
    { id: 'plan', title: 'Plan', content: ['plan'] },
  ],
};

/** English template with ACI-BENCH's note headings (Yim et al., Scientific Data 2023). */
export const ACI_TEMPLATE: NoteTemplate = {
  id: 'aci',
  language: 'en',
  name: 'ACI-BENCH clinic note',
  layout: 'block',
  sections: [
    { id: 'chief_complaint', title: 'CHIEF COMPLAINT', content: ['chief-complaint'] },
    { id: 'history_of_present_illness', title: 'HISTORY OF PRESENT ILLNESS', content: ['history'] },
    { id: 'review_of_systems', title: 'REVIEW OF SYSTEMS', content: ['review-of-systems'] },
    { id: 'physical_examination', title: 'PHYSICAL EXAMINATION', content: ['examination'] },
    { id: 'results', title: 'RESULTS', content: ['results'] },
    { id: 'assessment_and_plan', title: 'ASSESSMENT AND PLAN', content: ['assessment', 'plan'] },
  ],
};

const BUILT_IN_TEMPLATES: readonly NoteTemplate[] = [FASTLEGE_TEMPLATE, SOAP_TEMPLATE, ACI_TEMPLATE];

/** All built-in templates. */
export function listTemplates(): readonly NoteTemplate[] {
  return BUILT_IN_TEMPLATES;
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): NoteTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id);
}

/** The default template for a language: `fastlege` for Norwegian, `soap` for English. */
export function defaultTemplateId(language: Language): string {
  return language === 'nb' ? FASTLEGE_TEMPLATE.id : SOAP_TEMPLATE.id;
}

/** Heading words that say what a section holds (Norwegian EPJ and English note headings). */
const CONTENT_CUES: ReadonlyArray<readonly [RegExp, readonly SectionContent[]]> = [
  [
    /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(kontakt(?:å|a)rsak|årsak|henvendelse|chief complaint|reason for visit|cc)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    ['chief-complaint'],
  ],
  [/\b(review of systems|ros|systemgjennomgang)\b/iu, ['review-of-systems']],
  [/\b(vurdering og plan|assessment and plan|a\/p|a&p)\b/iu, ['assessment', 'plan']],
  [
    /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(supplerende|lab|prøvesvar|results?|diagnostics?|investigations?)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    ['results'],
  ],
  [
    /^(?:o|objektivt?|objective)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(us\.?|undersøkelse|funn|status|kliniske funn|physical exam\w*|exam\w*)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    ['examination', 'results'],
  ],
  [/^(?:a|v)\b|\b(vurdering|assessment|impression|diagnose|diagnosis)\b/iu, ['assessment']],
  [
    /^p\b|\b(tiltak|plan|behandling|beh\.?|behandlingsplan|resept|henvisning|sykmelding|kontroll|instructions?)\b/iu,
    ['plan'],
  ],
  [
    /^s\b|\b(aktuelt|anamnese|sykehistorie|subjektivt?|subjective|history|hpi|problemstilling)\b/iu,
    ['chief-complaint', 'history', 'review-of-systems'],
  ],
];

/** What a section holds: its declared content, or what its id and title say. */
export function sectionContents(section: TemplateSection): readonly SectionContent[] {
  if (section.content && section.content.length > 0) return section.content;
  for (const [pattern, contents] of CONTENT_CUES) {
    if (pattern.test(section.title.trim()) || pattern.test(section.id.replace(/[_-]/g, ' '))) return contents;
  }
  return [];
}
