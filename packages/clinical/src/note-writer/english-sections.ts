import type { NoteSection, NoteStyle, Statement } from '@kollega/domain';
import type { DraftFact } from '../facts/extract-facts';
import type { NoteTemplate } from '../templates/templates';
import { sectionContents } from '../templates/templates';
import type { PatientGender } from './english-voice';

/** Options for `composeEnglishSections`. */
export interface EnglishSectionOptions {
  gender: PatientGender;
  style: NoteStyle;
}

/**
 * Places English statements in a template's sections. The chief complaint is the presenting complaint;
 * the review of systems holds the symptoms asked about (positives and denials).
 */
export function composeEnglishSections(
  template: NoteTemplate,
  drafts: DraftFact[],
  _options: EnglishSectionOptions,
): NoteSection[] {
  const hasReviewOfSystems = template.sections.some((section) => sectionContents(section).includes('review-of-systems'));
  return template.sections.map((section) => {
    const contents = sectionContents(section);
    const placed = drafts
      .filter((draft) => {
        if (draft.section === 'history') {
          const inReview = hasReviewOfSystems && draft.group === 'negative';
          if (contents.includes('chief-complaint') && !contents.includes('history')) return draft.group === 'complaint';
          if (contents.includes('review-of-systems') && !contents.includes('history')) return inReview;
          return contents.includes('history') && !inReview;
        }
        return contents.includes(draft.section);
      })
      .sort((left, right) => left.order - right.order);
    const statements: Statement[] = placed.map((draft, index) => ({
      id: `${section.id}-${index + 1}`,
      text: draft.fact.text,
      evidence: draft.fact.evidence,
      support: 'unverified' as const,
    }));
    return { id: section.id, title: section.title, statements };
  });
}
