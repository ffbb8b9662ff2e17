import type {
  ConsultationSetting,
  Fact,
  Language,
  Note,
  NoteSection,
  NoteStyle,
  Statement,
  Transcript,
  Warning,
  WithWarnings,
} from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { extractDraftFacts } from '../facts/extract-facts';
import type { DraftFact } from '../facts/extract-facts';
import { inferSpeakerRoles } from '../speakers/infer-speaker-roles';
import { countWords } from '../language/text';
import { findDrugMentions } from '../language/drugs';
import { countClinicalWords } from '../facts/vocabulary';
import { defaultTemplateId, findTemplate, sectionContents } from '../templates/templates';
import type { NoteTemplate, SectionContent } from '../templates/templates';
import { renderNoteText } from '../templates/render';
import { applyAbbreviationPreferences, applyStyle } from './style';
import { fillPronouns, inferPatientGender } from './english-voice';
import { composeEnglishSections } from './english-sections';

/** Options for `draftNote`. */
export interface DraftNoteOptions {
  language: Language;
  /** Template id (`fastlege`, `soap`, `aci`) or a template object (e.g. a personal template). */
  template?: string | NoteTemplate;
  style?: NoteStyle;
  setting?: ConsultationSetting;
}

/** A drafted note with the facts behind it and its rendered text. */
export interface DraftedNote {
  note: Note;
  facts: Fact[];
  text: string;
}

/** Reading order inside a section: presenting complaint first, context and background last. */
const GROUP_RANK: Record<DraftFact['group'], number> = {
  context: -1,
  complaint: 1,
  symptom: 2,
  course: 2,
  negative: 2,
  medication: 5,
  allergy: 6,
  social: 7,
  family: 8,
  vital: 0,
  finding: 1,
  lab: 1,
  diagnosis: 1,
  prescription: 1,
  plan: 1,
  'follow-up': 1,
  safety: 4,
};

/** Words in the note per word of conversation, by style (reference GP notes are about a quarter). */
const LENGTH_FACTOR: Record<NoteStyle, number> = { kort: 0.38, normal: 0.5, utfyllende: 0.7 };

/** A statement that is only measured values ("CRP 145", "T 38,4, puls 96"). */
function isValueOnly(draft: DraftFact): boolean {
  return (
    draft.fact.kind === 'measurement' &&
    /^(?:[\p{L}\d-]+(?:\/[\p{L}]+)? \d[\d,./]*(?: ?(?:%|mmol\/mol|kg|cm))?(?:, |\.?$))+$/u.test(
      draft.fact.text,
    )
  );
}

/**
 * Order inside the allergy statements: known allergies and reactions first (what the reader must see),
 * then "no known allergies", then drugs tolerated before, so the denial and the tolerance read together.
 */
function allergyRank(draft: DraftFact): number {
  if (draft.group !== 'allergy') return 0;
  const text = draft.fact.text;
  if (/^(?:ingen kjente|ikke kjent|no known)(?![\p{L}\p{N}])/iu.test(text)) return 1;
  if (/^(?:har )?(?:tålt|tolerated|has tolerated)(?![\p{L}\p{N}])/iu.test(text)) return 2;
  return 0;
}

function contentOf(draft: DraftFact): SectionContent {
  if (draft.section === 'history') return 'history';
  return draft.section;
}

/** Keeps the most important statements within the style's length budget. */
function selectWithinBudget(drafts: DraftFact[], budgetWords: number, language: Language): DraftFact[] {
  let total = drafts.reduce((sum, draft) => sum + countWords(draft.fact.text), 0);
  if (total <= budgetWords) return drafts;
  // least valuable first: low priority, few clinical words per word, long
  const value = (draft: DraftFact): number => {
    const words = Math.max(1, countWords(draft.fact.text));
    // a drug named is clinical content ("Seponere amlodipin.") even where no symptom word is
    const clinical =
      countClinicalWords(draft.fact.text, language) +
      (/\d/.test(draft.fact.text) ? 1 : 0) +
      (findDrugMentions(draft.fact.text).length > 0 ? 1 : 0);
    return (
      draft.priority + Math.min(2, (3 * clinical) / words) - (words > 14 ? 1 : 0) - (clinical === 0 ? 2 : 0)
    );
  };
  const values = new Map(drafts.map((draft) => [draft, value(draft)]));
  const removable = [...drafts].sort(
    (left, right) => (values.get(left) ?? 0) - (values.get(right) ?? 0) || right.order - left.order,
  );
  const removed = new Set<DraftFact>();
  for (const draft of removable) {
    if (total <= budgetWords) break;
    // the setting ("Telefonkonsultasjon.") is one word and frames the whole note
    if (draft.priority >= 10 || draft.group === 'context') continue;
    removed.add(draft);
    total -= countWords(draft.fact.text);
  }
  return drafts.filter((draft) => !removed.has(draft));
}

function contextStatements(transcript: Transcript, options: DraftNoteOptions): DraftFact[] {
  const contexts: DraftFact[] = [];
  const interpreter = transcript.segments.filter((segment) => segment.speaker === 'tolk');
  const nb = options.language === 'nb';
  const settingPattern =
    options.setting === 'telefon'
      ? /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(telefon\p{L}*|ringer|ringte|på tlf|phone|call)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu
      : options.setting === 'video'
        ? /\b(video\p{L}*|skjerm\p{L}*|kamera\p{L}*|bildet|screen|camera)\b/iu
        : undefined;
  if (settingPattern) {
    const evidence = transcript.segments
      .filter((segment) => settingPattern.test(segment.text))
      .map((segment) => segment.id);
    if (evidence.length > 0) {
      const text =
        options.setting === 'telefon'
          ? nb
            ? 'Telefonkonsultasjon.'
            : 'Telephone consultation.'
          : nb
            ? 'Videokonsultasjon.'
            : 'Video consultation.';
      contexts.push({
        fact: {
          kind: 'history',
          text,
          polarity: 'positive',
          subject: 'patient',
          evidence: evidence.slice(0, 2),
        },
        // a video consultation qualifies the examination; a phone call has none
        section: options.setting === 'video' ? 'examination' : 'history',
        group: 'context',
        order: -2,
        priority: 9,
        source: 'doctor',
      });
    }
  }
  if (interpreter.length > 0) {
    contexts.push({
      fact: {
        kind: 'history',
        text: nb ? 'Konsultasjon med tolk.' : 'Consultation with an interpreter.',
        polarity: 'positive',
        subject: 'patient',
        evidence: interpreter.slice(0, 1).map((segment) => segment.id),
      },
      section: 'history',
      group: 'context',
      order: -1,
      priority: 9,
      source: 'doctor',
    });
  }
  return contexts;
}

/**
 * Drafts a note with the built-in engine: deterministic, offline, Norwegian Bokmål and English.
 * Facts are extracted with their evidence, rewritten into GP shorthand, placed in the template's
 * sections and trimmed to the style's length. Nothing is added that the conversation does not say.
 */
export function draftNote(transcript: Transcript, options: DraftNoteOptions): WithWarnings<DraftedNote> {
  const templateId =
    typeof options.template === 'object'
      ? options.template.id
      : (options.template ?? defaultTemplateId(options.language));
  const template = typeof options.template === 'object' ? options.template : findTemplate(templateId);
  if (!template)
    throw new AppError('invalid_input', `Ukjent mal: ${templateId}`, { details: { template: templateId } });
  const style: NoteStyle = options.style ?? 'kort';
  const language = options.language;
  const warnings: Warning[] = [];
  const roled = inferSpeakerRoles(transcript);
  const spokenWords = roled.segments.reduce((sum, segment) => sum + countWords(segment.text), 0);
  let drafts = [...contextStatements(roled, options), ...extractDraftFacts(roled, { language })];
  if (drafts.filter((draft) => draft.group !== 'context').length === 0) {
    warnings.push({
      code: 'no_consultation',
      message: language === 'nb' ? 'Ingen konsultasjon registrert.' : 'No consultation content found.',
    });
  }
  // short consultations are not trimmed below what a minimal note needs
  const budget = Math.max(90, Math.round(spokenWords * LENGTH_FACTOR[style]));
  drafts = selectWithinBudget(drafts, budget, language);
  const gender = language === 'en' ? inferPatientGender(roled) : undefined;
  let sections: NoteSection[];
  if (language === 'en') {
    sections = composeEnglishSections(template, drafts, { gender, style });
  } else {
    sections = template.sections.map((section) => {
      const contents = sectionContents(section);
      const placed = drafts
        .filter((draft) => contents.includes(contentOf(draft)))
        .sort((left, right) => {
          const leftContent = contents.indexOf(contentOf(left));
          const rightContent = contents.indexOf(contentOf(right));
          return (
            leftContent - rightContent ||
            GROUP_RANK[left.group] - GROUP_RANK[right.group] ||
            allergyRank(left) - allergyRank(right) ||
            left.order - right.order
          );
        });
      const statements: Statement[] = [];
      let previous: DraftFact | undefined;
      for (const draft of placed) {
        const text = applyStyle(draft.fact.text, style, language);
        const last = statements[statements.length - 1];
        // consecutive values read as one line: "T 38,4, puls 96, BT 132/80."
        if (
          last &&
          previous &&
          isValueOnly(previous) &&
          isValueOnly(draft) &&
          Math.abs(draft.order - previous.order) <= 3
        ) {
          const joined = /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
          last.text = `${last.text.replace(/\.$/, '')}, ${joined}`;
          last.evidence = [...new Set([...last.evidence, ...draft.fact.evidence])];
        } else {
          statements.push({
            id: `${section.id}-${statements.length + 1}`,
            text,
            evidence: [...draft.fact.evidence],
            support: 'unverified' as const,
          });
        }
        previous = draft;
      }
      return { id: section.id, title: section.title, statements };
    });
  }
  if (template.abbreviations && template.abbreviations.length > 0) {
    const preferences = template.abbreviations;
    sections = sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) => ({
        ...statement,
        text: applyAbbreviationPreferences(statement.text, preferences),
      })),
    }));
  }
  if (language === 'en') {
    sections = sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) => ({
        ...statement,
        text: fillPronouns(statement.text, gender),
      })),
    }));
  }
  const note: Note = { template: template.id, language, sections };
  const facts = drafts
    .filter((draft) => draft.group !== 'context')
    .map((draft) => ({ ...draft.fact, text: fillPronouns(draft.fact.text, gender) }));
  return { value: { note, facts, text: renderNoteText(note, template.layout) }, warnings };
}
