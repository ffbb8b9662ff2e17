import type { ModelNote } from './model-note-schema';

/** Lower-case words of a statement, for near-duplicate detection. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Jaccard similarity of two word sets. */
function similarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Word overlap above which two statements citing a shared line may be the same statement. */
const SAME_STATEMENT_SIMILARITY = 0.8;

/** Words that change the clinical meaning: numbers, sides and negations must agree exactly. */
const MEANING_WORD =
  /^(?:\d.*|høyre|venstre|h|v|bilat|bilateralt|begge|right|left|bilateral|ikke|ingen|intet|uten|nei|neg|negativ|no|not|without|denies|negative)$/;

function meaningWords(statementWords: Set<string>): string {
  return [...statementWords]
    .filter((word) => MEANING_WORD.test(word))
    .sort()
    .join(' ');
}

function isSubset(small: Set<string>, large: Set<string>): boolean {
  for (const word of small) if (!large.has(word)) return false;
  return true;
}

/**
 * The same statement written twice (once per overlapping chunk): numbers, sides and negations are
 * identical, and one's words contain the other's or they mostly agree.
 */
function isSameStatement(left: Set<string>, right: Set<string>): boolean {
  if (meaningWords(left) !== meaningWords(right)) return false;
  return (
    isSubset(left, right) || isSubset(right, left) || similarity(left, right) >= SAME_STATEMENT_SIMILARITY
  );
}

/**
 * Merges the notes written for overlapping chunks: sections keep template order, statements keep
 * chunk order, and a statement repeated because its lines were in the overlap is kept once (with
 * the union of its evidence). Only statements that cite a shared line and say the same — same
 * numbers, sides and negations — are merged, so two different findings are never collapsed.
 */
export function mergeModelNotes(notes: readonly ModelNote[], sectionOrder: readonly string[]): ModelNote {
  const merged = new Map<string, Array<{ text: string; evidence: string[]; words: Set<string> }>>();
  for (const note of notes) {
    for (const section of note.sections) {
      const statements = merged.get(section.id) ?? [];
      merged.set(section.id, statements);
      for (const statement of section.statements) {
        const text = statement.text.trim();
        if (text === '') continue;
        const statementWords = words(text);
        const duplicate = statements.find(
          (existing) =>
            existing.evidence.some((id) => statement.evidence.includes(id)) &&
            isSameStatement(existing.words, statementWords),
        );
        if (duplicate) {
          for (const id of statement.evidence)
            if (!duplicate.evidence.includes(id)) duplicate.evidence.push(id);
        } else {
          statements.push({ text, evidence: [...new Set(statement.evidence)], words: statementWords });
        }
      }
    }
  }
  return {
    sections: sectionOrder
      .filter((id) => merged.has(id))
      .map((id) => ({
        id,
        statements: (merged.get(id) ?? []).map(({ text, evidence }) => ({ text, evidence })),
      })),
  };
}
