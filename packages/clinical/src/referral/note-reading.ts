import type { Note, Statement } from '@kollega/domain';
import { findIcpc2Code } from '../icpc2/code-list';
import { findDrugMentions } from '../language/drugs';
import type { SectionContent } from '../templates/templates';
import { findTemplate, sectionContents } from '../templates/templates';

/**
 * Reads an approved note for the documents drafted from it: which statements are history, findings,
 * assessment and plan (from the template's section contents), which name medicines, allergies, earlier
 * treatment or social circumstances, and the ICPC-2 code the note names.
 */

/** A statement of a note with the section it sits in. */
export interface NoteStatementView {
  sectionId: string;
  sectionTitle: string;
  contents: readonly SectionContent[];
  statement: Statement;
}

/** Every non-empty statement of a note, with its section's title and content kinds. */
export function listNoteStatements(note: Note): NoteStatementView[] {
  const template = findTemplate(note.template);
  return note.sections.flatMap((section) => {
    const templateSection = template?.sections.find((candidate) => candidate.id === section.id);
    const contents = sectionContents(templateSection ?? { id: section.id, title: section.title });
    return section.statements
      .filter((statement) => statement.text.trim() !== '')
      .map((statement) => ({ sectionId: section.id, sectionTitle: section.title, contents, statement }));
  });
}

/** Statements whose section holds one of the content kinds. */
export function statementsWithContent(
  statements: readonly NoteStatementView[],
  kinds: readonly SectionContent[],
): NoteStatementView[] {
  return statements.filter((view) => view.contents.some((content) => kinds.includes(content)));
}

const TRIED =
  /(?<![\p{L}])(forsøkt|prøvd|har brukt|har tatt|uten effekt|ingen effekt|liten effekt|god effekt|behandlet med|har gått til|fysioterapi|kiropraktor|tidligere behandlet|har hatt kur)(?![\p{L}])/iu;
const ALLERGY = /(?<![\p{L}])(allergi\p{L}*|allergisk|cave|overfølsom\p{L}*)(?![\p{L}])/iu;
const SOCIAL =
  /(?<![\p{L}])(bor|jobber|arbeider|arbeid|yrke|sykmeld\p{L}*|røyk\p{L}*|snus\p{L}*|alkohol|pensjonist|student|samboer|gift|enslig|barn|aleneforelder|uføre?\p{L}*)(?![\p{L}])/iu;
const REFERRAL = /(?<![\p{L}])(henvis\p{L}*|remitter\p{L}*)(?![\p{L}])/iu;
const URGENT =
  /(?<![\p{L}])(haster|snarlig|raskt|pakkeforløp|innen \d+ (?:dager|uker)|prioritert)(?![\p{L}])/iu;
const EMERGENCY =
  /(?<![\p{L}])(øyeblikkelig hjelp|ø-hjelp|akutt innleggelse|legges inn|innlegges|innlagt akutt)(?![\p{L}])/iu;

/** True when the statement tells what has been tried (treatment and its effect). */
export function tellsWhatWasTried(text: string): boolean {
  return TRIED.test(text);
}

/** True when the statement is about allergies (or their absence). */
export function mentionsAllergy(text: string): boolean {
  return ALLERGY.test(text);
}

/** True when the statement is about work, home or habits. */
export function mentionsSocialCircumstances(text: string): boolean {
  return SOCIAL.test(text);
}

/** True when the statement names a medicine (FEST names). */
export function mentionsMedicine(text: string): boolean {
  return findDrugMentions(text).some((mention) => !mention.fuzzy);
}

/** True when the statement is about a referral. */
export function mentionsReferral(text: string): boolean {
  return REFERRAL.test(text);
}

/** The urgency a statement states: `akutt`, `haster`, or undefined. */
export function statedUrgency(text: string): 'akutt' | 'haster' | undefined {
  if (EMERGENCY.test(text)) return 'akutt';
  if (URGENT.test(text)) return 'haster';
  return undefined;
}

const CODE_AFTER_ICPC = /ICPC(?:-?2)?\s*[:(]?\s*([A-Z]\d{2})(?!\d)/iu;
const CODE_IN_PARENTHESES = /\(([A-Z]\d{2})\)/u;
const CODE_AT_START = /^([A-Z]\d{2})\s+\p{L}/u;

/**
 * The ICPC-2 code a note names, checked against the official list: "ICPC-2: R74", "(R74)", or a statement
 * that opens with the code ("R74 Akutt øvre luftveisinfeksjon"). Assessment statements are read first.
 */
export function findNoteIcpc2Code(
  note: Note,
): { code: string; title: string; statementId: string } | undefined {
  const statements = listNoteStatements(note);
  const ordered = [
    ...statementsWithContent(statements, ['assessment']),
    ...statements.filter((view) => !view.contents.includes('assessment')),
  ];
  for (const view of ordered) {
    const text = view.statement.text.trim();
    for (const pattern of [CODE_AFTER_ICPC, CODE_IN_PARENTHESES, CODE_AT_START]) {
      const code = pattern.exec(text)?.[1]?.toUpperCase();
      const entry = code === undefined ? undefined : findIcpc2Code(code);
      if (entry !== undefined)
        return { code: entry.code, title: entry.title, statementId: view.statement.id };
    }
  }
  return undefined;
}
