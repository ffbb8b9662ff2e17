import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Language, Segment, SpeakerRole, Transcript } from '@kollega/domain';
import { draftNote } from './draft-note';

/**
 * Faithfulness of every statement of every dev consultation (nb-dev clean and ASR, ACI-BENCH valid):
 * a statement's negation and side must agree with its evidence segments. The check is independent of
 * the engine: its own cue lists, plain string search, no engine code.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedDir = process.env.KOLLEGA_SHARED_DIR ?? path.resolve(here, '../../../../../shared');

interface Row {
  id: string;
  setting?: string;
  transcript: Array<{ speaker: string; text: string }>;
}

function readRows(file: string): Row[] {
  const full = path.join(sharedDir, file);
  if (!fs.existsSync(full)) return [];
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

function roleOf(speaker: string): { speaker: SpeakerRole; label?: string } {
  const lower = speaker.toLowerCase();
  if (lower === 'lege' || lower === 'doctor') return { speaker: 'lege' };
  if (lower === 'pasient' || lower === 'patient') return { speaker: 'pasient' };
  if (lower === 'pårørende' || lower === 'patient_guest' || lower.startsWith('guest_family'))
    return { speaker: 'pårørende' };
  if (lower === 'tolk') return { speaker: 'tolk' };
  return { speaker: 'annen', label: speaker };
}

function toTranscript(row: Row): Transcript {
  return {
    segments: row.transcript.map((turn, index): Segment => ({
      id: `s${index + 1}`,
      text: turn.text,
      ...roleOf(turn.speaker),
    })),
  };
}

// ---- the independent checker -------------------------------------------------------------------

const NEGATION =
  /(?<![\p{L}\p{N}])(?:ingen|ikke|ikkje|uten|nei|aldri|verken|ingenting|intet|negativ|neg\.|benekter|manglende|no|not|denies|denied|without|negative|never|none|nothing|nor|n't|free of|lack of)(?![\p{L}\p{N}])/iu;
/** Words that deny by themselves (Norwegian "u-" adjectives, "afebril"). */
const DENYING_WORD = /(?<![\p{L}\p{N}])(?:uøm|upåvirket|uaffisert|afebril|feberfri)(?![\p{L}\p{N}])/iu;
/** "Nei, jeg …" / "no, I …": an answer particle, not a negation of what follows. */
const ANSWER_PARTICLE = /^(?:nei|no|nope)$/iu;
const SUBJECT = /^(?:jeg|det|du|han|hun|vi|de|i|it|he|she|we|they|that)$/iu;
const NORMAL_FINDING = /(?<![\p{L}\p{N}])(?:ua\.?|u\.a\.|normal\p{L}*|unremarkable)(?![\p{L}\p{N}])/iu;
const NORMAL_EVIDENCE =
  /(?<![\p{L}\p{N}])(?:fin|fine|fint|normal\p{L}*|bra|ua|uten anmerkning|ingen anmerkning|clear|unremarkable|intact|ingen|ikke|no|not)(?![\p{L}\p{N}])/iu;

const SIDES: Array<{ side: string; statement: RegExp; evidence: RegExp }> = [
  {
    side: 'høyre',
    statement: /(?<![\p{L}\p{N}])(?:h\.(?=\s|$|[,;:)])|høyre|right)(?![\p{L}\p{N}])/iu,
    evidence: /(?<![\p{L}\p{N}])(?:høyre\p{L}*|right)(?![\p{L}\p{N}])/iu,
  },
  {
    side: 'venstre',
    statement: /(?<![\p{L}\p{N}])(?:v\.(?=\s|$|[,;:)])|venstre|left)(?![\p{L}\p{N}])/iu,
    evidence: /(?<![\p{L}\p{N}])(?:venstre\p{L}*|left)(?![\p{L}\p{N}])/iu,
  },
  {
    side: 'bilateral',
    statement: /(?<![\p{L}\p{N}])(?:bilat\.?|bilateral\p{L}*|begge sider)(?![\p{L}\p{N}])/iu,
    evidence: /(?<![\p{L}\p{N}])(?:begge|bilateral\p{L}*|both|tosidig)(?![\p{L}\p{N}])/iu,
  },
];

const CORRECTION =
  /(?<![\p{L}\p{N}])(?:nei,? vent|eller,? nei|nei,? unnskyld|unnskyld|jeg mener|no,? wait|i mean|sorry)(?![\p{L}\p{N}])/iu;

const STOP = new Set(
  'og i på av til er som det en et å for med har om den de seg var fra at ved da så kan vil skal the a an of to and in on for with is was has have at by or be as it this that are from'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Problems with one statement against its evidence text. */
function checkStatement(statement: string, evidence: string, language: Language = 'nb'): string[] {
  const problems: string[] = [];
  const statementNegated =
    NEGATION.test(statement) || NORMAL_FINDING.test(statement) || DENYING_WORD.test(statement);
  // 1. a negated statement needs negation (or a normal finding) in its evidence
  if (NEGATION.test(statement) && !NEGATION.test(evidence))
    problems.push('negated statement, no negation in evidence');
  if (NORMAL_FINDING.test(statement) && !NEGATION.test(statement) && !NORMAL_EVIDENCE.test(evidence))
    problems.push('normal finding, no normal/negative wording in evidence');
  // 2. a positive statement must not assert what the evidence only ever negates
  if (!statementNegated) {
    // a negation governs the next few words of its own clause (punctuation ends it); "nei, jeg …" does not
    const clauses = evidence
      .toLowerCase()
      .split(/[.,;:!?]+/u)
      .map(words);
    for (const word of new Set(
      words(statement).filter((candidate) => candidate.length >= 5 && !STOP.has(candidate)),
    )) {
      const stem = word.slice(0, 5);
      let seen = 0;
      let negated = 0;
      for (const clause of clauses) {
        clause.forEach((candidate, index) => {
          if (!candidate.startsWith(stem)) return;
          seen += 1;
          const before = clause.slice(Math.max(0, index - 3), index);
          const governs = before.some((cue, position) => {
            if (!NEGATION.test(cue)) return false;
            const next = before[position + 1] ?? clause[index];
            const afterNext = clause[clause.indexOf(cue) + 2];
            // "nei jeg …" answers; "nei hoster du" is an answer followed by the next question
            const particleOnly =
              ANSWER_PARTICLE.test(cue) &&
              next !== undefined &&
              (SUBJECT.test(next) || (afterNext !== undefined && /^(?:du|dere|you)$/iu.test(afterNext)));
            return !particleOnly;
          });
          if (governs) negated += 1;
        });
      }
      if (seen > 0 && negated === seen) problems.push(`"${word}" is negated in the evidence but asserted`);
    }
  }
  // 3. a side in a statement must be a side in its evidence, and never one the speaker corrected away
  for (const { side, statement: inStatement, evidence: inEvidence } of SIDES) {
    // "h."/"v." are Norwegian shorthand; English notes spell sides out
    const tested = language === 'en' ? statement.replace(/(?<![\p{L}\p{N}])[hv]\./giu, ' ') : statement;
    if (!inStatement.test(tested)) continue;
    if (!inEvidence.test(evidence)) {
      problems.push(`side ${side} not in evidence`);
      continue;
    }
    const correction = CORRECTION.exec(evidence);
    if (correction) {
      const after = evidence.slice(correction.index);
      const otherSides = SIDES.filter(
        (candidate) => candidate.side !== side && candidate.side !== 'bilateral',
      );
      const sideOnlyBefore =
        !inEvidence.test(after) && otherSides.some((other) => other.evidence.test(after));
      if (sideOnlyBefore) problems.push(`side ${side} was corrected away in the evidence`);
    }
  }
  return problems;
}

interface Dataset {
  file: string;
  language: Language;
  template?: string;
}

const DATASETS: Dataset[] = [
  { file: 'data/nb-dev/consultations.jsonl', language: 'nb' },
  { file: 'data/nb-dev/consultations-asr.jsonl', language: 'nb' },
  { file: 'data/en-dev/aci-bench/valid.jsonl', language: 'en', template: 'aci' },
];

describe('independent checker', () => {
  it('flags a negated statement without negation in its evidence', () => {
    expect(checkStatement('Ingen feber.', 'Jeg har hatt feber i tre dager.')).not.toEqual([]);
  });
  it('flags a positive statement whose symptom is only denied in the evidence', () => {
    expect(checkStatement('Brystsmerter ved anstrengelse.', 'Nei, ingen brystsmerter.')).not.toEqual([]);
  });
  it('flags a side the speaker corrected away', () => {
    expect(checkStatement('Smerter h. kne.', 'Høyre. Eller, nei vent, det var venstre kne.')).not.toEqual([]);
  });
  it('accepts a faithful statement', () => {
    expect(checkStatement('Ingen feber.', 'Har du hatt feber? Nei, ikke som jeg har merket.')).toEqual([]);
    expect(checkStatement('Smerter v. kne.', 'Høyre. Eller, nei vent, det var venstre kne.')).toEqual([]);
  });
});

describe.each(DATASETS)(
  'every statement of $file agrees with its evidence',
  ({ file, language, template }) => {
    const rows = readRows(file);
    it.skipIf(rows.length === 0)('has no negation or side contradicting its evidence', () => {
      const problems: string[] = [];
      for (const row of rows) {
        const transcript = toTranscript(row);
        const byId = new Map(transcript.segments.map((segment) => [segment.id, segment.text]));
        const drafted = draftNote(transcript, { language, ...(template ? { template } : {}) });
        for (const section of drafted.value.note.sections) {
          for (const statement of section.statements) {
            expect(statement.evidence.length).toBeGreaterThan(0);
            const evidence = statement.evidence.map((id) => byId.get(id) ?? '').join(' ');
            for (const problem of checkStatement(statement.text, evidence, language)) {
              problems.push(
                `${row.id} ${section.id}: ${problem} | ${statement.text} || ${evidence.slice(0, 160)}`,
              );
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  },
);
