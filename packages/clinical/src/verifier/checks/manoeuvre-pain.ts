/**
 * Pain with an examination manoeuvre the note names by its term ("Pain with strength testing", "Pain with supination
 * of the forearm") where the doctor put the manoeuvre in lay words and asked whether it hurt ("push your leg out
 * against my hand, does that hurt?" – "no"; "turn your wrist as if you're turning a door knob, any pain when you do
 * that?" – "not really"). A note writes the examiner's term, the talk the instruction to the patient; the patient's
 * answer to the question right after the instruction is the finding. English only.
 */
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk } from './clause';

/** An examination manoeuvre: the examiner's terms for it and the lay words of the instruction to the patient. */
interface Manoeuvre {
  term: RegExp;
  instruction: RegExp;
}
/**
 * Manoeuvres named by a term in a note and by an instruction in the talk: strength testing against resistance ("push
 * … against my hand", "pull back"), supination ("palm up", "turn … out", turning a door knob), pronation ("palm down",
 * "turn … in"), flexion ("bend"), extension ("straighten"), palpation ("press", "push on", "touch").
 */
const MANOEUVRES: readonly Manoeuvre[] = [
  {
    term: /^(?:strength|resistance|resisted|resisting)$/,
    instruction:
      /(?<![\p{L}])(?:against (?:my|the) (?:hands?|resistance|pressure)|resist\p{L}*|push (?:\S+ ){0,3}(?:out|up|against)|pull (?:\S+ ){0,3}(?:back|against)|squeeze)(?![\p{L}])/u,
  },
  {
    term: /^(?:supination|supinate|supinating)$/,
    instruction:
      /(?<![\p{L}])(?:door ?knob|palms? (?:side )?up|turn (?:\S+ ){0,3}(?:out|outward|outwards))(?![\p{L}])/u,
  },
  {
    term: /^(?:pronation|pronate|pronating)$/,
    instruction: /(?<![\p{L}])(?:palms? (?:side )?down|turn (?:\S+ ){0,3}(?:in|inward|inwards))(?![\p{L}])/u,
  },
  { term: /^(?:flexion|flexing)$/, instruction: /(?<![\p{L}])(?:bend|bending)(?![\p{L}])/u },
  {
    term: /^(?:extension|extending)$/,
    instruction: /(?<![\p{L}])(?:straighten|straightening)(?![\p{L}])/u,
  },
  {
    term: /^(?:palpation|palpating)$/,
    instruction: /(?<![\p{L}])(?:press|pressing|push on|touch|touching)(?![\p{L}])/u,
  },
];
/** A finding of pain elicited by a manoeuvre ("pain with", "pain on", "painful with"). */
const PAIN = /^(?:pain|painful|discomfort)$/;
const ELICITED_BY = /^(?:with|on|during|upon)$/;
/** A question whether what was just done hurt ("does that hurt", "do you have any pain when you do that"). */
const PAIN_QUESTION =
  /(?<![\p{L}])(?:(?:does|did|do|would) (?:that|it|this|you) (?:\p{L}+ )?(?:hurt|have (?:any )?pain|feel (?:any )?pain)|(?:any|have) (?:\p{L}+ )?pain (?:when|with|if|as|while)|is (?:that|it|this) (?:painful|sore|tender)|(?:does|did) (?:that|it|this) cause (?:you )?(?:any )?pain)(?![\p{L}])/gu;
/** Words of pain in an answer ("yeah that hurts", "a little sore"). */
const PAIN_SAID = /(?<![\p{L}])(?:hurts?|hurting|pain|painful|sore|tender|aches?)(?![\p{L}])/u;
/** How many words before a pain question its instruction may start. */
const INSTRUCTION_REACH = 25;
/** How many words after a pain question may follow in the turn before the patient answers it. */
const ANSWERED_WITHIN = 10;

/** The manoeuvre a positive "Pain with <term>" names, and the term's token; undefined for any other clause. */
function claimedManoeuvre(clause: Clause): { manoeuvre: Manoeuvre; term: AnalysedToken } | undefined {
  const tokens = clause.tokens.filter(
    (token) => token.punctuation === undefined || token.punctuation === ':',
  );
  if (tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const colon = tokens.findIndex((token) => token.punctuation === ':');
  const head = tokens[colon + 1];
  if (!head || !PAIN.test(head.surface) || !ELICITED_BY.test(tokens[colon + 2]?.surface ?? ''))
    return undefined;
  for (const term of tokens.slice(colon + 3, colon + 6)) {
    const manoeuvre = MANOEUVRES.find((candidate) => candidate.term.test(term.surface));
    if (manoeuvre) return { manoeuvre, term };
  }
  return undefined;
}

/** The doctor's turns, each as its words in order (the units of a turn share their sentences' words). */
function doctorTurns(
  units: readonly TranscriptUnit[],
): Map<number, { words: string[]; units: TranscriptUnit[] }> {
  const turns = new Map<number, { words: string[]; units: TranscriptUnit[]; seen: Set<unknown> }>();
  for (const unit of units) {
    if (unit.speaker !== 'lege') continue;
    let turn = turns.get(unit.segmentIndex);
    if (!turn) {
      turn = { words: [], units: [], seen: new Set() };
      turns.set(unit.segmentIndex, turn);
    }
    turn.units.push(unit);
    if (turn.seen.has(unit.contextTokens)) continue;
    turn.seen.add(unit.contextTokens);
    turn.words.push(
      ...unit.contextTokens.filter((token) => token.punctuation === undefined).map((t) => t.surface),
    );
  }
  return turns;
}

/** The patient's answer to a turn: 'yes' or 'no' where the next turn opens with one or says pain plainly. */
function answerTo(segmentIndex: number, context: CheckContext): 'yes' | 'no' | undefined {
  const { index } = context;
  const answer = index.units.find((unit) => unit.segmentIndex === segmentIndex + 1);
  if (!answer || answer.speaker === 'lege') return undefined;
  const text = foldText(answer.text).trim();
  if (index.compiled.negativeAnswer.test(text)) return 'no';
  if (index.compiled.positiveAnswer.test(text)) return 'yes';
  if (PAIN_SAID.test(text) && !answer.tokens.some((token) => token.negation)) return 'yes';
  return undefined;
}

/**
 * "Pain with strength testing" where the talk never says the term and every question whether the manoeuvre hurt,
 * put in its lay words, was answered no ("push your leg out against my hand does that hurt" – "no"): the finding is
 * denied. One answer yes keeps it.
 */
export function checkManoeuvrePain(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en' || !context.examSection || context.conditional) return undefined;
  const claimed = claimedManoeuvre(clause);
  // Where the talk says the term itself ("you were positive for pain when you pronate"), the other checks read it; a
  // word that only shares its stem ("physical therapy will help strengthen …") names no manoeuvre.
  if (!claimed || index.units.some((unit) => unit.canonicals.has(claimed.term.canonical))) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const [segmentIndex, turn] of doctorTurns(index.units)) {
    const text = turn.words.join(' ');
    const questions = [...text.matchAll(PAIN_QUESTION)];
    const last = questions[questions.length - 1];
    if (!last || last.index === undefined) continue;
    // Only the question the turn ends with is answered by the next turn.
    const after = text.slice(last.index + last[0].length).trim();
    if (after.split(/\s+/).filter(Boolean).length > ANSWERED_WITHIN) continue;
    const before = questions[questions.length - 2];
    const start = before?.index === undefined ? 0 : before.index + before[0].length;
    const instruction = text.slice(start, last.index).split(/\s+/).slice(-INSTRUCTION_REACH).join(' ');
    if (!claimed.manoeuvre.instruction.test(`${instruction} ${last[0]} ${after}`)) continue;
    const answer = answerTo(segmentIndex, context);
    if (answer === 'yes') return undefined;
    const unit = turn.units[turn.units.length - 1];
    if (answer === 'no' && unit && !denying.includes(unit)) denying.push(unit);
  }
  return deniedInTalk(denying, context.language);
}
