import type { Language } from '@kollega/domain';

/** A note template: its id, language and the sections in order. */
export interface NoteTemplate {
  id: string;
  language: Language;
  /** Display name in the template's language. */
  name: string;
  sections: ReadonlyArray<{ id: string; title: string }>;
}

/** Norwegian GP template: Aktuelt / Us. / Vurdering / Tiltak (the seed's GP note form). */
export const FASTLEGE_TEMPLATE: NoteTemplate = {
  id: 'fastlege',
  language: 'nb',
  name: 'Fastlege (Aktuelt / Us. / Vurdering / Tiltak)',
  sections: [
    { id: 'aktuelt', title: 'Aktuelt' },
    { id: 'undersokelse', title: 'Us.' },
    { id: 'vurdering', title: 'Vurdering' },
    { id: 'tiltak', title: 'Tiltak' },
  ],
};

/** English SOAP template. */
export const SOAP_TEMPLATE: NoteTemplate = {
  id: 'soap',
  language: 'en',
  name: 'SOAP',
  sections: [
    { id: 'subjective', title: 'Subjective' },
    { id: 'objective', title: 'Objective' },
    { id: 'assessment', title: 'Assessment' },
    { id: 'plan', title: 'Plan' },
  ],
};

/** English template with ACI-BENCH's note headings. */
export const ACI_TEMPLATE: NoteTemplate = {
  id: 'aci',
  language: 'en',
  name: 'ACI-BENCH clinic note',
  sections: [
    { id: 'chief_complaint', title: 'CHIEF COMPLAINT' },
    { id: 'history_of_present_illness', title: 'HISTORY OF PRESENT ILLNESS' },
    { id: 'review_of_systems', title: 'REVIEW OF SYSTEMS' },
    { id: 'physical_examination', title: 'PHYSICAL EXAMINATION' },
    { id: 'results', title: 'RESULTS' },
    { id: 'assessment_and_plan', title: 'ASSESSMENT AND PLAN' },
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
