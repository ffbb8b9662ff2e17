import type { Note, Segment, Statement } from '@kollega/domain';

/** A statement chosen to be falsified, with the falsified text. */
export interface ContradictionTarget {
  statement: Statement;
  sectionId: string;
  falsifiedText: string;
  /** What was changed, for readable failure messages: `side` or `number`. */
  change: 'side' | 'number';
}

const SIDE_PATTERN = /(^|[^\p{L}])(høyre|venstre)/iu;
const NUMBER_PATTERN = /\d+(?:[.,]\d+)?/g;

function swapSide(text: string): string | null {
  const match = SIDE_PATTERN.exec(text);
  if (match?.[2] === undefined) return null;
  const word = match[2];
  const swapped = word.toLowerCase() === 'høyre' ? 'venstre' : 'høyre';
  const cased =
    word.charAt(0) === word.charAt(0).toUpperCase()
      ? swapped.charAt(0).toUpperCase() + swapped.slice(1)
      : swapped;
  const start = match.index + match[1]!.length;
  return text.slice(0, start) + cased + text.slice(start + word.length);
}

/** True when `text` has the number `token` on its own (not as part of a longer number). */
function containsNumber(text: string, token: string): boolean {
  const escaped = token.replace(/[.]/g, '\\.');
  return new RegExp(`(^|[^\\d,.])${escaped}($|[^\\d.,]|[.,](?!\\d))`).test(text);
}

/** Changes one number to a clearly different one: the integer part grows by 2 (below 10) or by 10. */
function changeNumber(text: string, token: string): string {
  const [integerPart = '0', ...rest] = token.split(/([.,])/);
  const integer = Number(integerPart);
  const changed = String(integer + (integer < 10 ? 2 : 10)) + rest.join('');
  const index = text.indexOf(token);
  return text.slice(0, index) + changed + text.slice(index + token.length);
}

/**
 * Picks a statement with evidence to falsify the way transcription and drafting errors do — a side swapped
 * (høyre↔venstre) or a number changed — preferring one whose side word or number is literally in its evidence,
 * so a correct verifier has what it needs to see the contradiction. Returns null when the note has none.
 */
export function chooseContradiction(note: Note, segments: readonly Segment[]): ContradictionTarget | null {
  const segmentText = new Map(segments.map((segment) => [segment.id, segment.text.toLowerCase()]));
  const candidates: { target: ContradictionTarget; rank: number }[] = [];
  for (const section of note.sections) {
    for (const statement of section.statements) {
      if (statement.evidence.length === 0) continue;
      if (statement.support === 'unsupported' || statement.support === 'contradicted') continue;
      const evidence = statement.evidence.map((id) => segmentText.get(id) ?? '').join(' ');
      const swapped = swapSide(statement.text);
      if (swapped !== null) {
        const side = SIDE_PATTERN.exec(statement.text)?.[2]?.toLowerCase() ?? '';
        candidates.push({
          target: { statement, sectionId: section.id, falsifiedText: swapped, change: 'side' },
          rank: evidence.includes(side) ? 0 : 2,
        });
      }
      for (const token of statement.text.match(NUMBER_PATTERN) ?? []) {
        candidates.push({
          target: {
            statement,
            sectionId: section.id,
            falsifiedText: changeNumber(statement.text, token),
            change: 'number',
          },
          rank: containsNumber(evidence, token) ? 1 : 3,
        });
      }
    }
  }
  candidates.sort((left, right) => left.rank - right.rank);
  return candidates[0]?.target ?? null;
}

/** Returns the note with one statement's text replaced (evidence kept, label reset for the verifier). */
export function replaceText(note: Note, statementId: string, text: string): Note {
  return {
    ...note,
    sections: note.sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) =>
        statement.id === statementId ? { ...statement, text, support: 'unverified' as const } : statement,
      ),
    })),
  };
}
