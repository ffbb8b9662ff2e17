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
/** "… who presents today for follow-up of his chronic problems" → "Follow-up of his chronic problems." */
const PRESENTS_FOR =
  /(?:presents?|is here|came in|comes in|coming in)(?: today| here)? (?:for|with) (?:a |an |the )?([^.;]+?)(?:[.;]|$)/iu;

/** Review-of-systems statements: symptoms asked about, endorsed or denied. */
const REVIEW_STATEMENT = /^(?:Denies|Endorses|Reports|No) /u;

function chiefComplaint(drafts: DraftFact[]): Statement | undefined {
  for (const draft of drafts) {
    const match = PRESENTS_FOR.exec(draft.fact.text);
    if (match?.[1]) {
      const text = match[1].trim();
      return {
        id: 'chief_complaint',
        text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
        evidence: draft.fact.evidence,
        support: 'unverified',
      };
    }
  }
  const complaint =
    drafts.find((draft) => draft.group === 'complaint') ??
    drafts.find((draft) => draft.section === 'history' && draft.group === 'symptom');
  if (!complaint) return undefined;
  const firstClause = complaint.fact.text.split(/[,;.]/u)[0]?.trim() ?? complaint.fact.text;
  return {
    id: 'chief_complaint',
    text: `${firstClause}.`,
    evidence: complaint.fact.evidence,
    support: 'unverified',
  };
}

/**
 * Places English statements in a template's sections. The chief complaint is the reason for the visit
 * ("presents for …") or the presenting complaint; the review of systems holds the symptoms asked about
 * (endorsed and denied); everything else the patient tells is the history.
 */
export function composeEnglishSections(
  template: NoteTemplate,
  drafts: DraftFact[],
  _options: EnglishSectionOptions,
): NoteSection[] {
  const hasReviewOfSystems = template.sections.some((section) =>
    sectionContents(section).includes('review-of-systems'),
  );
  const inReview = (draft: DraftFact): boolean =>
    hasReviewOfSystems && draft.section === 'history' && REVIEW_STATEMENT.test(draft.fact.text);
  return template.sections.map((section) => {
    const contents = sectionContents(section);
    if (contents.length === 1 && contents[0] === 'chief-complaint') {
      const complaint = chiefComplaint(drafts);
      return {
        id: section.id,
        title: section.title,
        statements: complaint ? [{ ...complaint, id: `${section.id}-1` }] : [],
      };
    }
    const placed = drafts
      .filter((draft) => {
        if (draft.section === 'history') {
          if (contents.includes('review-of-systems') && !contents.includes('history')) return inReview(draft);
          return contents.includes('history') && !inReview(draft);
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
