import type { Fact } from '@kollega/domain';
import {
  buildClauses,
  clausesFromFacts,
  findMentions,
  isNegatedAt,
  type Clause,
  type Mention,
} from './clauses';
import { findDrugMentions, parseDecimal, wordRegExp, wordStartRegExp } from './spoken-text';
import type { Laterality } from '@kollega/domain';
import type { AntibioticFindings, DecisionInput, Finding, PenicillinAllergy } from './types';

/**
 * Guideline-specific findings read from the transcript: the Centor components, strep A, CRP, duration,
 * urinary symptoms and tests, pregnancy, penicillin allergy (immediate or not), sputum, CRB-65 components,
 * ear and skin findings, age. Only what is said by or about the patient counts: relatives' own complaints,
 * things said about relatives or third persons, conditionals (safety-net advice) and the patient's
 * questions are left out; the doctor's questions count through the reply ("Feber?" – "Nei.").
 */

type BooleanMention = Pick<Mention, 'clause' | 'polarity' | 'evidence'>;

/** The decisive mention: the doctor's own statements (examination, assessment) outrank replies and history; the last wins. */
function resolveBoolean(mentions: readonly BooleanMention[]): Finding<boolean> | undefined {
  if (mentions.length === 0) return undefined;
  const doctorStatements = mentions.filter(
    (mention) => mention.clause.speaker === 'lege' && !mention.clause.isQuestion,
  );
  const tier = doctorStatements.length > 0 ? doctorStatements : mentions;
  const last = tier[tier.length - 1];
  if (!last) return undefined;
  const value = last.polarity === 'positive';
  const evidence = unique(
    tier
      .filter((mention) => (mention.polarity === 'positive') === value)
      .flatMap((mention) => mention.evidence),
  );
  return { value, evidence: evidence.slice(0, 4) };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function booleanFinding(clauses: readonly Clause[], pattern: RegExp): Finding<boolean> | undefined {
  return resolveBoolean(findMentions(clauses, pattern));
}

function usableClauses(clauses: readonly Clause[]): Clause[] {
  return clauses.filter(
    (clause) =>
      !clause.aboutOther && !clause.isConditional && !(clause.isQuestion && clause.speaker !== 'lege'),
  );
}

const TEMPERATURE_CONTEXT = wordStartRegExp('temp|feber|febril|målt|måler|grader|°');
const NOT_TEMPERATURE_CONTEXT = wordStartRegExp(
  'hb|hemoglobin|bmi|kreatinin|vekt|kilo|mmol|ldl|hba1c|ferritin|egfr|natrium|kalium|uke',
);

function extractTemperature(clauses: readonly Clause[]): {
  temperature?: Finding<number>;
  feverDenied?: Finding<boolean>;
} {
  let best: Finding<number> | undefined;
  let feverDenied: Finding<boolean> | undefined;
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const context =
      TEMPERATURE_CONTEXT.test(clause.text) ||
      (clause.inReplyTo !== undefined && TEMPERATURE_CONTEXT.test(clause.inReplyTo));
    const pattern = /(?<![\d,./])(3[4-9]|4[0-2])(?:,(\d))?(?![\d/]|,\d)/gu;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(clause.text)) !== null) {
      const isDecimal = match[2] !== undefined;
      const after = clause.text.slice(match.index + match[0].length, match.index + match[0].length + 12);
      if (/^\s*(?:mmol|kg|kilo|cm|%|prosent|timer|uker|år|mg|dager|ganger|i minuttet)/u.test(after)) continue;
      if (!context && (!isDecimal || NOT_TEMPERATURE_CONTEXT.test(clause.text))) continue;
      const before = clause.text.slice(Math.max(0, match.index - 24), match.index);
      const threshold = /(?:over|under|høyere enn|mer enn)\s*$/u.test(before);
      if (threshold) {
        // "ikke (målt) over 38": the highest temperature stayed below this value
        if (isNegatedAt(clause.text, match.index)) {
          const value = Number(match[1]);
          if (value >= 38) feverDenied = { value: true, evidence: [clause.segmentId] };
        }
        continue;
      }
      if (isNegatedAt(clause.text, match.index)) continue;
      const value = isDecimal ? parseDecimal(`${match[1]},${match[2]}`) : Number(match[1]);
      if (!best || value > best.value) best = { value, evidence: [clause.segmentId] };
    }
  }
  return { ...(best ? { temperature: best } : {}), ...(feverDenied ? { feverDenied } : {}) };
}

function extractFever(clauses: readonly Clause[]): Finding<boolean> | undefined {
  const mentions = findMentions(clauses, wordRegExp('feber|febril|feberen|feberfri|feberfølelse')).map(
    (mention) =>
      mention.match[0] === 'feberfri'
        ? {
            ...mention,
            polarity: mention.polarity === 'positive' ? ('negative' as const) : ('positive' as const),
          }
        : mention,
  );
  return resolveBoolean(mentions);
}

function extractCervicalNodes(clauses: readonly Clause[]): Finding<boolean> | undefined {
  const nodes = wordStartRegExp('lymfeknute|glandle|kjertle|kjertel');
  const neck = wordStartRegExp('hals|kjeven|nakke|fremre|foran|cervikal');
  const relevant = clauses.filter(
    (clause) => neck.test(clause.text) || (clause.isQuestion && neck.test(clause.answerText ?? '')),
  );
  return booleanFinding(relevant, nodes);
}

function extractStrepA(
  clauses: readonly Clause[],
): Finding<'positive' | 'negative' | 'not-taken'> | undefined {
  let result: Finding<'positive' | 'negative' | 'not-taken'> | undefined;
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion || !/strep/u.test(clause.text)) continue;
    const resultWord = /(?<![\p{L}])(positiv|negativ)\w*/u.exec(clause.text);
    if (resultWord?.[1]) {
      const negated = isNegatedAt(clause.text, resultWord.index);
      const positive = resultWord[1] === 'positiv' ? !negated : negated;
      result = { value: positive ? 'positive' : 'negative', evidence: [clause.segmentId] };
      continue;
    }
    const test = /strep\w*(?:[- ]a)?[- ]?(?:hurtig)?test|hurtigtest/u.exec(clause.text);
    if (test && isNegatedAt(clause.text, test.index) && result === undefined) {
      result = { value: 'not-taken', evidence: [clause.segmentId] };
    }
  }
  // "Den er positiv for streptokokker" said after the test was taken: the reply of a later sentence
  if (!result) {
    for (const clause of usableClauses(clauses)) {
      if (clause.speaker !== 'lege' || clause.isQuestion) continue;
      if (/(?:testen|prøven|svaret|den) (?:er|var|ble) (positiv|negativ)/u.test(clause.text)) {
        const earlierTest = clauses.some(
          (other) =>
            other.segmentIndex <= clause.segmentIndex &&
            other.segmentIndex >= clause.segmentIndex - 6 &&
            /strep/u.test(other.text),
        );
        if (earlierTest) {
          result = {
            value: /positiv/u.test(clause.text) ? 'positive' : 'negative',
            evidence: [clause.segmentId],
          };
        }
      }
    }
  }
  return result;
}

function extractCrp(clauses: readonly Clause[]): Finding<number> | undefined {
  let found: Finding<number> | undefined;
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const match = /crp(?:-?en)?(?:[^.?!\d]{0,32}?)(?<![\d,])(\d{1,3})(?![\d,])/u.exec(clause.text);
    if (!match?.[1]) continue;
    const between = match[0];
    if (/(?:under|over|mindre enn|høyere enn)\s+\d+$/u.test(between)) continue;
    found = { value: Number(match[1]), evidence: [clause.segmentId] };
  }
  return found;
}

const DURATION_UNITS: Record<string, number> = {
  dag: 1,
  dager: 1,
  dagene: 1,
  døgn: 1,
  døgnet: 1,
  uke: 7,
  uker: 7,
  uka: 7,
  ukene: 7,
  måned: 30,
  måneder: 30,
  månedene: 30,
  mnd: 30,
};
const ONSET_VERB = wordStartRegExp('begynte|startet|kom|fikk|ble|merket|våknet|oppsto|debuterte');

interface DurationMention {
  days: number;
  clause: Clause;
}

function durationMentions(clauses: readonly Clause[]): DurationMention[] {
  const found: DurationMention[] = [];
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const isHistoryTeller = clause.speaker !== 'lege';
    // the doctor restating the duration: "Tre dager, ja." / "Så øresmertene kom i natt."
    const isDoctorRestatement =
      clause.speaker === 'lege' &&
      (clause.text.split(/\s+/u).length <= 5 ||
        (ONSET_VERB.test(clause.text) && /^(?:ok[.,]? )?så /u.test(clause.text)));
    if (!isHistoryTeller && !isDoctorRestatement) continue;
    const pattern =
      /(?<![\p{L}])(?:(?:snart|nesten|over|ca\.?|cirka|rundt|bare|i|for|de siste|siste) )?(\d+(?:,\d+)?)(?:-(\d+))? (dag|dager|dagene|døgn|døgnet|uke|uker|uka|ukene|måned|måneder|månedene|mnd)(?![\p{L}])/gu;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(clause.text)) !== null) {
      const before = clause.text.slice(Math.max(0, match.index - 12), match.index);
      if (/(?<![\p{L}])(?:om|hver|etter|innen|per|på|annenhver)\s*$/u.test(before)) continue;
      const after = clause.text.slice(match.index + match[0].length, match.index + match[0].length + 10);
      if (/^\s*(?:til|fram|frem)/u.test(after)) continue;
      const unit = DURATION_UNITS[match[3] ?? ''] ?? 1;
      const value = parseDecimal(match[2] ?? match[1] ?? '0') * unit;
      if (value > 0 && value <= 120) found.push({ days: value, clause });
    }
    if (ONSET_VERB.test(clause.text) || /siden/u.test(clause.text)) {
      if (/i forgårs/u.test(clause.text)) found.push({ days: 2, clause });
      else if (/(?<![\p{L}])i går(?![\p{L}])/u.test(clause.text)) found.push({ days: 1, clause });
      else if (/(?<![\p{L}])(?:i natt|i dag|i morges|i kveld)(?![\p{L}])/u.test(clause.text))
        found.push({ days: 0.5, clause });
    }
  }
  // "Snart tre uker. Nei, vent, to og en halv.": a bare number after "nei"/"eller" corrects the last duration
  for (const clause of usableClauses(clauses)) {
    const correction = /^(?:nei|eller)[, ]+(?:vent[, ]+)?(?:kanskje )?(\d+(?:,\d+)?)[.!]?$/u.exec(
      clause.text,
    );
    if (!correction?.[1]) continue;
    const previous = [...found].reverse().find((mention) => mention.clause.segmentId === clause.segmentId);
    if (!previous) continue;
    const unitMatch = /(dag|dager|døgn|uke|uker|måned|måneder)/u.exec(previous.clause.text);
    const unit = DURATION_UNITS[unitMatch?.[1] ?? 'dager'] ?? 1;
    previous.days = parseDecimal(correction[1]) * unit;
  }
  return found;
}

function extractDurations(clauses: readonly Clause[]): {
  durationDays?: Finding<number>;
  earSymptomDays?: Finding<number>;
} {
  const mentions = durationMentions(clauses);
  const first = mentions[0];
  const ear = wordStartRegExp('øre|ørene|øret');
  const earMention = mentions.find((mention) => ear.test(mention.clause.text));
  const result: { durationDays?: Finding<number>; earSymptomDays?: Finding<number> } = {};
  if (first) result.durationDays = { value: first.days, evidence: [first.clause.segmentId] };
  if (earMention) {
    // "forkjøla i snart en uke, og så i natt … holdt seg på øret": the ear symptoms are the shortest span said
    const earDays = Math.min(
      ...mentions
        .filter((mention) => mention.clause.segmentId === earMention.clause.segmentId)
        .map((mention) => mention.days),
    );
    result.earSymptomDays = { value: earDays, evidence: [earMention.clause.segmentId] };
  }
  return result;
}

function extractUrineDipstick(
  clauses: readonly Clause[],
): Finding<{ nitrite?: 'positive' | 'negative'; leukocytes?: string }> | undefined {
  let found: Finding<{ nitrite?: 'positive' | 'negative'; leukocytes?: string }> | undefined;
  for (const clause of usableClauses(clauses)) {
    const nitrite = /nitritt\w* (?:er |var )?(positiv|negativ|pos|neg)/u.exec(clause.text);
    const leukocytes = /leukocytt\w* (?:er |var )?(\d ?(?:\+|pluss)|negativ|positiv|spor)/u.exec(clause.text);
    if (!nitrite && !leukocytes) continue;
    const value: { nitrite?: 'positive' | 'negative'; leukocytes?: string } = {};
    if (nitrite?.[1]) value.nitrite = nitrite[1].startsWith('pos') ? 'positive' : 'negative';
    if (leukocytes?.[1]) value.leukocytes = leukocytes[1].replace(/ ?pluss/u, '+').replace(' ', '');
    found = { value, evidence: [clause.segmentId] };
  }
  return found;
}

function extractUrineCulture(
  clauses: readonly Clause[],
): Finding<'sent' | 'conditional' | 'not-sent'> | undefined {
  let found: Finding<'sent' | 'conditional' | 'not-sent'> | undefined;
  for (const clause of clauses) {
    if (clause.aboutOther || clause.speaker !== 'lege' || clause.isQuestion) continue;
    const match = wordStartRegExp('dyrkning|urindyrkning|dyrke|dyrkes|urinkultur').exec(clause.text);
    if (!match) continue;
    if (clause.isConditional) {
      if (!found) found = { value: 'conditional', evidence: [clause.segmentId] };
      continue;
    }
    const negated = isNegatedAt(clause.text, match.index);
    found = { value: negated ? 'not-sent' : 'sent', evidence: [clause.segmentId] };
  }
  return found;
}

const PENICILLIN_WORDS = wordStartRegExp('penicillin|penisillin|pencillin');
const ALLERGY_WORDS = wordStartRegExp('allergi|allergisk|overfølsom|reaksjon|reagert|reagerer|tåler|tålte');
const IMMEDIATE_REACTION = wordStartRegExp(
  'elveblest|urtikaria|hoven|hovnet|hevelse i (?:ansiktet|leppene|tunga|halsen)|ansiktshevelse|pustevansker|pustebesvær|tung i pusten|anafyla|sjokk|besvim|adrenalin|epipen|straksreaksjon|straks|legevakt|sykehus|innlagt|angioødem|quincke|dress|stevens|hudavløsning',
);
const NON_IMMEDIATE_REACTION = wordStartRegExp('utslett|prikker|kløe|flekker');
const INTOLERANCE = wordStartRegExp('mage|diaré|kvalme|oppkast|løs avføring|soppinfeksjon|vondt i magen');
const TOLERATED_PATTERN =
  /(?:gikk (?:helt )?(?:greit|fint|bra)|ingen problemer|ingen reaksjon|tålte (?:det|den|dem|fint|penicillin\p{L}*|amoksicillin)|tåler (?:det|den|dem|penicillin\p{L}*|amoksicillin)|tålt (?:penicillin\p{L}*|amoksicillin|det|den)|uten problemer)/u;
/** "Har fått penicillin før, det gikk fint", "tåler penicillin" — but not "har aldri tålt penicillin". */
const TOLERATED = {
  test(text: string): boolean {
    const match = TOLERATED_PATTERN.exec(text);
    return (
      match !== null &&
      (/^(?:gikk|ingen|uten)/u.test(match[0]) || !isNegatedAt(text, match.index, match[0].length))
    );
  },
};

function mentionsPenicillin(text: string, original: string): boolean {
  if (PENICILLIN_WORDS.test(text)) return true;
  return findDrugMentions(original).some((mention) => mention.drug.atc.startsWith('J01C'));
}

function classifyReaction(text: string): PenicillinAllergy {
  if (IMMEDIATE_REACTION.test(text)) return 'immediate';
  if (NON_IMMEDIATE_REACTION.test(text)) return 'non-immediate';
  if (INTOLERANCE.test(text)) return 'intolerance';
  return 'unspecified';
}

const ALLERGY_RANK: Record<PenicillinAllergy, number> = {
  immediate: 6,
  'non-immediate': 5,
  unspecified: 4,
  intolerance: 3,
  tolerated: 2,
  'none-known': 1,
};

function extractPenicillinAllergy(
  clauses: readonly Clause[],
  segmentsText: ReadonlyMap<string, string>,
): Finding<PenicillinAllergy> | undefined {
  let best: Finding<PenicillinAllergy> | undefined;
  const consider = (value: PenicillinAllergy, evidence: string[]): void => {
    if (!best || ALLERGY_RANK[value] > ALLERGY_RANK[best.value]) best = { value, evidence };
  };
  for (const clause of clauses) {
    if (clause.aboutOther || clause.isConditional) continue;
    const aboutPenicillin = mentionsPenicillin(clause.text, clause.original);
    const aboutAllergy = ALLERGY_WORDS.test(clause.text);
    if (clause.isQuestion) {
      if (clause.speaker !== 'lege' || !aboutAllergy) continue;
      const answer = clause.answerText ?? '';
      const evidence = [clause.segmentId, ...(clause.answerSegmentId ? [clause.answerSegmentId] : [])];
      const asksTolerance = /tåler/u.test(clause.text);
      if (TOLERATED.test(answer) && (mentionsPenicillin(answer, answer) || aboutPenicillin)) {
        consider('tolerated', evidence);
      } else if (clause.answer === 'no' && !clause.negatedQuestion) {
        consider(asksTolerance ? 'unspecified' : 'none-known', evidence);
      } else if (clause.answer === 'no' && clause.negatedQuestion) {
        // "Men ingen reaksjoner på penicillin tidligere?" – "Nei": none
        consider('none-known', evidence);
      } else if (clause.answer === 'yes' && (aboutPenicillin || mentionsPenicillin(answer, answer))) {
        consider(asksTolerance ? 'tolerated' : classifyReaction(answer), evidence);
      }
      continue;
    }
    if (!aboutPenicillin) continue;
    // allergies are told by the patient; the doctor's own sentence counts only when it asserts one
    // ("du er allergisk mot penicillin", "med den reaksjonen du hadde") — "allergier, penicillin" is a question
    if (
      clause.speaker === 'lege' &&
      !clause.fromFact &&
      !/(?<![\p{L}])(?:du|hun|han) (?:er|har|tåler ikke|tålte ikke|reagerte|fikk)|reaksjonen (?:du|hun|han) hadde/u.test(
        clause.text,
      )
    ) {
      continue;
    }
    if (TOLERATED.test(clause.text)) {
      consider('tolerated', [clause.segmentId]);
      continue;
    }
    // "allergisk mot penicillin", "penicillinallergi", "reagerte på penicillin"
    const allergyMatch =
      /(?:\p{L}*allergi\p{L}*|allergisk|overfølsom|reagert|reaksjon|tåler ikke|tålte ikke)/u.exec(
        clause.text,
      );
    if (allergyMatch && !isNegatedAt(clause.text, allergyMatch.index)) {
      // the reaction is usually told in the same turn ("fikk elveblest … og hovnet opp i ansiktet")
      const turn = clause.fromFact ? clause.text : (segmentsText.get(clause.segmentId) ?? clause.text);
      consider(classifyReaction(turn), [clause.segmentId]);
    } else if (/tåler ikke|tålte ikke/u.test(clause.text)) {
      consider('unspecified', [clause.segmentId]);
    }
  }
  return best;
}

const SPUTUM_TOPIC = wordStartRegExp('slim|ekspektorat|oppspytt|spytt|hoster opp|hoste opp|farge');
const PURULENT_COLOUR = wordStartRegExp(
  'gul|gult|grønn|grønt|brun|brunt|purulent|misfarget|pussaktig|puss|skiftet farge|endret farge',
);
const HISTORIC = wordStartRegExp('første uka|første uken|første dagene|i starten|i begynnelsen|tidligere');

function extractPurulentSputum(clauses: readonly Clause[]): Finding<boolean> | undefined {
  const mentions: BooleanMention[] = [];
  let previous: Clause | undefined;
  for (const clause of usableClauses(clauses)) {
    const previousInTurn = previous && previous.segmentId === clause.segmentId ? previous : undefined;
    previous = clause;
    const colour = PURULENT_COLOUR.exec(clause.text);
    if (clause.isQuestion) {
      if (!SPUTUM_TOPIC.test(clause.text) || !clause.answerText) continue;
      const current = clause.answerText
        .split(/(?<=[.!?])\s+/u)
        .filter((sentence) => !(HISTORIC.test(sentence) && /\bvar\b/u.test(sentence)));
      if (current.some((sentence) => PURULENT_COLOUR.test(sentence))) {
        mentions.push({
          clause,
          polarity: 'positive',
          evidence: [clause.segmentId, ...(clause.answerSegmentId ? [clause.answerSegmentId] : [])],
        });
      }
      continue;
    }
    if (!colour) continue;
    // "… hoster opp mer slim. Det er grønt.": the colour may come in the next sentence of the same turn
    const topical =
      SPUTUM_TOPIC.test(clause.text) ||
      (clause.inReplyTo !== undefined && SPUTUM_TOPIC.test(clause.inReplyTo)) ||
      (previousInTurn !== undefined &&
        SPUTUM_TOPIC.test(previousInTurn.text) &&
        !/snørr|nese|sekret/u.test(previousInTurn.text));
    if (!topical || /snørr|nese|sekret/u.test(clause.text)) continue;
    if (HISTORIC.test(clause.text) && /\bvar\b/u.test(clause.text)) continue;
    mentions.push({
      clause,
      polarity: isNegatedAt(clause.text, colour.index) ? 'negative' : 'positive',
      evidence: [clause.segmentId],
    });
  }
  return resolveBoolean(mentions);
}

function extractRespiratoryRate(clauses: readonly Clause[]): Finding<number> | undefined {
  let found: Finding<number> | undefined;
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion || !/pust|respirasjonsfrekvens|(?<![\p{L}])rf(?![\p{L}])/u.test(clause.text))
      continue;
    const match =
      /(?<![\d,/])(\d{1,2})(?: (?:i minuttet|per minutt|pr\.? min|\/min))/u.exec(clause.text) ??
      /(?:pusten|respirasjonsfrekvensen|rf) (?:er )?(\d{1,2})(?![\d,])/u.exec(clause.text);
    if (match?.[1]) found = { value: Number(match[1]), evidence: [clause.segmentId] };
  }
  return found;
}

function extractBloodPressure(
  clauses: readonly Clause[],
): Finding<{ systolic: number; diastolic: number }> | undefined {
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const match = /(?<![\d,])(\d{2,3})\/(\d{2,3})(?![\d,])/u.exec(clause.text);
    if (!match?.[1] || !match[2]) continue;
    if (
      !/blodtrykk|(?<![\p{L}])bt(?![\p{L}])|liggende|stående/u.test(clause.text) &&
      clause.speaker !== 'lege'
    )
      continue;
    return {
      value: { systolic: Number(match[1]), diastolic: Number(match[2]) },
      evidence: [clause.segmentId],
    };
  }
  return undefined;
}

function extractOxygenSaturation(clauses: readonly Clause[]): Finding<number> | undefined {
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const match =
      /(?:metning|oksygenmetning|saturasjon|spo2)\w*[^.?!\d]{0,20}?(\d{2,3})(?: ?(?:prosent|%))/u.exec(
        clause.text,
      );
    if (match?.[1]) return { value: Number(match[1]), evidence: [clause.segmentId] };
  }
  return undefined;
}

function extractAge(clauses: readonly Clause[]): { age?: Finding<number>; ageAtLeast?: Finding<number> } {
  let age: Finding<number> | undefined;
  let ageAtLeast: Finding<number> | undefined;
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const self = /(?<![\p{L}])jeg er (\d{1,3})(?: år(?: gammel)?)?(?=[.!,]|$| og| nå)/u.exec(clause.text);
    if (self?.[1] && (clause.speaker === 'pasient' || clause.speaker === 'tolk')) {
      age = { value: Number(self[1]), evidence: [clause.segmentId] };
      continue;
    }
    const other = /(?<![\p{L}])(?:hun|han|du) er (\d{1,3}) (år|måneder|mnd)(?: gammel)?/u.exec(clause.text);
    if (other?.[1] && clause.speaker !== 'pasient') {
      const value = Number(other[1]) / (other[2] === 'år' ? 1 : 12);
      age = { value, evidence: [clause.segmentId] };
      continue;
    }
    const months = /(?<![\p{L}])(\d{1,2}) (?:måneder|mnd) gammel/u.exec(clause.text);
    if (months?.[1]) {
      age = { value: Number(months[1]) / 12, evidence: [clause.segmentId] };
      continue;
    }
    const bound = /(?<![\p{L}])(?:er|som er) (?:over|mellom) (\d{2,3})/u.exec(clause.text);
    if (bound?.[1] && clause.speaker === 'lege') {
      const value = Number(bound[1]);
      if (!ageAtLeast || value > ageAtLeast.value) ageAtLeast = { value, evidence: [clause.segmentId] };
    }
  }
  return { ...(age ? { age } : {}), ...(ageAtLeast ? { ageAtLeast } : {}) };
}

const CHILD_CONTEXT = wordStartRegExp(
  'barnehage|helsestasjon|fanget til|barneskole|vekstkurve|bleie|mikstur|sfo|1\\. klasse|førsteklasse',
);

function extractIsChild(clauses: readonly Clause[], age: number | undefined): Finding<boolean> | undefined {
  if (age !== undefined) return { value: age < 16, evidence: [] };
  const relativePresent = clauses.some((clause) => clause.speaker === 'pårørende');
  if (!relativePresent) return undefined;
  const cue = clauses.find((clause) => !clause.aboutOther && CHILD_CONTEXT.test(clause.text));
  return cue ? { value: true, evidence: [cue.segmentId] } : undefined;
}

function extractSex(clauses: readonly Clause[]): Finding<'female' | 'male'> | undefined {
  const female = wordStartRegExp(
    'mensen|menstruasjon|spiral|hormonspiral|p-pille|p-stav|gravid|skjeden|underlivet|eggstokk|livmor',
  );
  const male = wordStartRegExp('prostata|testikkel|pungen|penis|forhuden');
  const femaleClause = clauses.find((clause) => !clause.aboutOther && female.test(clause.text));
  const maleClause = clauses.find((clause) => !clause.aboutOther && male.test(clause.text));
  if (femaleClause && !maleClause) return { value: 'female', evidence: [femaleClause.segmentId] };
  if (maleClause && !femaleClause) return { value: 'male', evidence: [maleClause.segmentId] };
  return undefined;
}

const EARDRUM = wordStartRegExp('trommehinne');
const INFLAMED = wordStartRegExp(
  'rød|bulende|buktende|utbuktende|injisert|matt|perforer|hull|væske bak|puss bak',
);
const NORMAL_EAR = wordStartRegExp('grå|fin|fine|normal|ua\\b|lysrefleks|blank|rolig|upåfallende');

function sidesIn(text: string): Laterality[] {
  if (/begge sider|bilateral|dobbeltsidig|begge ørene|begge trommehinnene|trommehinnene/u.test(text))
    return ['bilateral'];
  const sides: Laterality[] = [];
  if (/høyre/u.test(text)) sides.push('høyre');
  if (/venstre/u.test(text)) sides.push('venstre');
  return sides;
}

function extractEardrum(
  clauses: readonly Clause[],
): Finding<{ inflamedSides: Laterality[]; normalSides: Laterality[] }> | undefined {
  const inflamedSides = new Set<Laterality>();
  const normalSides = new Set<Laterality>();
  const evidence: string[] = [];
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    const chunks = clause.text.split(/,|;| og så | men /u);
    for (const chunk of chunks) {
      const eardrum = EARDRUM.exec(chunk);
      const diagnosis = /(?:ørebetennelse|otitt)\w* (?:på |i )?(høyre|venstre|begge)/u.exec(chunk);
      if (diagnosis?.[1] && !isNegatedAt(chunk, diagnosis.index)) {
        const side: Laterality = diagnosis[1] === 'begge' ? 'bilateral' : (diagnosis[1] as Laterality);
        inflamedSides.add(side);
        evidence.push(clause.segmentId);
        continue;
      }
      if (!eardrum) continue;
      const sides = sidesIn(clause.text.includes(chunk) ? chunk : clause.text);
      const effectiveSides: Laterality[] = sides.length > 0 ? sides : sidesIn(clause.text);
      const inflamed = INFLAMED.exec(chunk);
      if (inflamed && !isNegatedAt(chunk, inflamed.index)) {
        for (const side of effectiveSides) inflamedSides.add(side);
        evidence.push(clause.segmentId);
      } else if (NORMAL_EAR.test(chunk)) {
        for (const side of effectiveSides) normalSides.add(side);
        evidence.push(clause.segmentId);
      }
    }
  }
  if (inflamedSides.size === 0 && normalSides.size === 0) return undefined;
  if (inflamedSides.has('høyre') && inflamedSides.has('venstre')) {
    inflamedSides.clear();
    inflamedSides.add('bilateral');
  }
  return {
    value: { inflamedSides: [...inflamedSides], normalSides: [...normalSides] },
    evidence: unique(evidence),
  };
}

function extractPreviousTreatmentFailure(clauses: readonly Clause[]): Finding<boolean> | undefined {
  const failure =
    /(?:virket ikke|ikke (?:noe særlig )?virket|syntes ikke (?:den|det|de) virket|hjalp ikke|ikke hjalp|virket dårlig|ikke (?:ble )?bra av|ble ikke bra|tok (?:nesten )?1 uke før)/u;
  for (const clause of clauses) {
    if (clause.aboutOther || clause.isConditional || clause.isQuestion) continue;
    if (!failure.test(clause.text)) continue;
    const antibiotic =
      findDrugMentions(clause.original).some((mention) => mention.drug.atc.startsWith('J01')) ||
      wordStartRegExp('antibiotika|penicillin|kuren').test(clause.text);
    if (antibiotic) return { value: true, evidence: [clause.segmentId] };
  }
  return undefined;
}

function extractRecurrent(clauses: readonly Clause[]): Finding<boolean> | undefined {
  for (const clause of usableClauses(clauses)) {
    if (clause.isQuestion) continue;
    if (
      /residiv|tilbakevendende|gang på gang|stadig (?:vekk )?(?:blærekatarr|urinveisinfeksjon)/u.test(
        clause.text,
      )
    ) {
      return {
        value: !isNegatedAt(clause.text, clause.text.search(/residiv|tilbakevendende|gang på gang|stadig/u)),
        evidence: [clause.segmentId],
      };
    }
    const count =
      /(\d+) (?:ganger|urinveisinfeksjoner|infeksjoner|blærekatarrer)[^.]{0,30}(?:siste året|i året|i fjor|halvår|halvt år|siste 6 måneder|siste 12 måneder)/u.exec(
        clause.text,
      );
    if (count?.[1] && Number(count[1]) >= 3) return { value: true, evidence: [clause.segmentId] };
  }
  return undefined;
}

function extractFrequentOtitis(clauses: readonly Clause[]): Finding<boolean> | undefined {
  for (const clause of usableClauses(clauses)) {
    if (/ørebarn/u.test(clause.text))
      return {
        value: !isNegatedAt(clause.text, clause.text.indexOf('ørebarn')),
        evidence: [clause.segmentId],
      };
    const count = /(\d+) (?:ørebetennelser|otitter|ganger)/u.exec(clause.text);
    if (count?.[1] && /øre|otitt/u.test(clause.text) && Number(count[1]) >= 3)
      return { value: true, evidence: [clause.segmentId] };
    const many = /mange ørebetennelser|ofte ørebetennelse/u.exec(clause.text);
    if (many) return { value: !isNegatedAt(clause.text, many.index), evidence: [clause.segmentId] };
  }
  return undefined;
}

function extractLocalTreatmentFailed(clauses: readonly Clause[]): Finding<boolean> | undefined {
  const local = wordStartRegExp(
    'hydrogenperoksid|fucidin|fusidin|antibiotisk krem|antiseptisk|klorheksidin|bacimycin|microcid',
  );
  const failed = /hjalp ikke|ikke hjulpet|uten effekt|ingen effekt|virket ikke|ikke bedre|ikke blitt bedre/u;
  for (const clause of usableClauses(clauses)) {
    if (local.test(clause.text) && failed.test(clause.text))
      return { value: true, evidence: [clause.segmentId] };
  }
  return undefined;
}

/** Reads the guideline-relevant findings about the patient from the transcript (and allergy facts, when given). */
export function extractAntibioticFindings(
  input: DecisionInput,
  prepared?: readonly Clause[],
): AntibioticFindings {
  const transcriptClauses = prepared ?? buildClauses(input.transcript);
  const clauses = transcriptClauses;
  const factClauses = clausesFromFacts(input.facts, new Set<Fact['kind']>(['allergy']));
  const segmentsText = new Map<string, string>();
  for (const clause of transcriptClauses) {
    segmentsText.set(clause.segmentId, `${segmentsText.get(clause.segmentId) ?? ''} ${clause.text}`.trim());
  }
  const findings: AntibioticFindings = {};
  const set = <K extends keyof AntibioticFindings>(
    key: K,
    value: AntibioticFindings[K] | undefined,
  ): void => {
    if (value !== undefined) findings[key] = value;
  };

  const { temperature, feverDenied } = extractTemperature(clauses);
  set('temperature', temperature);
  const fever = extractFever(clauses);
  set(
    'fever',
    feverDenied && (!fever || fever.value) && !(temperature && temperature.value >= 38)
      ? { value: false, evidence: feverDenied.evidence }
      : fever,
  );
  set(
    'cough',
    booleanFinding(
      clauses,
      wordRegExp('hoste|hoster|hostet|hosting|hostinga|hostingen|hosten|tørrhoste|hostenoe'),
    ),
  );
  set('tenderAnteriorCervicalNodes', extractCervicalNodes(clauses));
  set(
    'tonsillarExudate',
    booleanFinding(
      clauses.filter((clause) => !/tunga|tunge/u.test(clause.text)),
      wordStartRegExp('belegg|eksudat|puss på mandl|hvite prikker|stipper'),
    ),
  );
  set('strepA', extractStrepA(clauses));
  set('scarletFever', booleanFinding(clauses, wordStartRegExp('skarlagensfeber|skarlatina')));
  set(
    'peritonsillarAbscessSigns',
    booleanFinding(
      clauses,
      wordStartRegExp(
        'ensidig hevelse|gapesperre|grøtete stemme|trismus|sikl|peritonsillær|klarer ikke (?:å )?(?:svelge (?:spyttet|spytt)|åpne munnen)',
      ),
    ),
  );
  set('crp', extractCrp(clauses));
  const durations = extractDurations(clauses);
  set('durationDays', durations.durationDays);
  set('earSymptomDays', durations.earSymptomDays);
  set(
    'dysuria',
    booleanFinding(
      clauses,
      /svi\w*[^.?!]{0,25}tiss|tiss\w*[^.?!]{0,25}svi|dysuri|svie ved vannlating|vondt (?:å|når (?:jeg|hun|han|du)) tiss|smerter? ved vannlating/u,
    ),
  );
  set(
    'urinaryFrequency',
    booleanFinding(
      clauses,
      /tisse hele tiden|må (?:gå|tisse) (?:hele tiden|ofte|stadig)|hyppig vannlating|pollakisuri|små skvetter|tisser ofte|må gå hele tiden/u,
    ),
  );
  set(
    'flankPain',
    booleanFinding(
      clauses,
      /vondt i (?:ryggen|sidene|siden|flanken)|flankesmert\w*|nyrelosje\w*|bankeøm\w*|ved nyrene|over nyrene|smerter? i (?:siden|flanken)/u,
    ),
  );
  set(
    'chills',
    booleanFinding(clauses, wordStartRegExp('frysninger|frøs og skalv|frostanfall|skalv|skjelving')),
  );
  set(
    'vaginalSymptoms',
    booleanFinding(clauses, wordStartRegExp('utflod|kløe i skjeden|svie i skjeden|kløe')),
  );
  set('urineDipstick', extractUrineDipstick(clauses));
  set('urineCulture', extractUrineCulture(clauses));
  set('previousTreatmentFailure', extractPreviousTreatmentFailure(clauses));
  set('recurrentInfections', extractRecurrent(clauses));
  set('pregnant', booleanFinding(clauses, wordStartRegExp('gravid|svanger')));
  // the transcript is read first; an extracted allergy fact is used only when the transcript says nothing
  set(
    'penicillinAllergy',
    extractPenicillinAllergy(transcriptClauses, segmentsText) ??
      extractPenicillinAllergy(factClauses, segmentsText),
  );
  set('purulentSputum', extractPurulentSputum(clauses));
  set(
    'increasedSputum',
    booleanFinding(clauses, /(?:mye |mer |økt |økende )(?:mer )?(?:slim|ekspektorat|oppspytt)|mer slim/u),
  );
  set(
    'increasedDyspnoea',
    booleanFinding(
      clauses,
      /tyngre i pusten|mer tung i pusten|økt (?:dyspn|tungpust)|mer andpusten|verre å puste|tyngre pust/u,
    ),
  );
  set('knownCopd', booleanFinding(clauses, wordStartRegExp('kols|kronisk obstruktiv')));
  const confusion = booleanFinding(clauses, wordStartRegExp('forvirr|desorient|konfus'));
  const oriented = booleanFinding(clauses, wordStartRegExp('klar og orientert|orientert'));
  set(
    'confusion',
    confusion ?? (oriented?.value ? { value: false, evidence: oriented.evidence } : undefined),
  );
  set('respiratoryRate', extractRespiratoryRate(clauses));
  set('bloodPressure', extractBloodPressure(clauses));
  set('oxygenSaturation', extractOxygenSaturation(clauses));
  set(
    'crackles',
    booleanFinding(clauses, wordStartRegExp('krepitasjon|knatrelyd|knitrelyd|knatring|knatre')),
  );
  const age = extractAge(clauses);
  const knownAge = input.age ?? age.age?.value;
  if (input.age !== undefined) set('age', { value: input.age, evidence: [] });
  else set('age', age.age);
  set('ageAtLeast', age.ageAtLeast);
  set('isChild', extractIsChild(clauses, knownAge));
  set('sex', input.sex ? { value: input.sex, evidence: [] } : extractSex(clauses));
  set('eardrum', extractEardrum(clauses));
  set(
    'earDischarge',
    booleanFinding(
      clauses,
      /(?:rent|renner|renne|rant)[^.?!]{0,20}(?:øret|ørene)|øreflod|puss i øregangen|sekresjon fra øret|væsker? fra øret/u,
    ),
  );
  set(
    'ventilationTubes',
    booleanFinding(clauses, wordStartRegExp('ventilasjonsrør|dren i øre|rør i øre|plastrør')),
  );
  set('frequentOtitis', extractFrequentOtitis(clauses));
  set(
    'mastoiditisSigns',
    booleanFinding(clauses, /(?:hoven|rød|hevelse|rødme)[^.?!]{0,15}bak øret|øret står ut|mastoid\w*/u),
  );
  const affected = booleanFinding(
    clauses,
    /medtatt|slått ut|(?:redusert|påvirket|nedsatt|dårlig) allmenntilstand|allmennpåvirket|allmenntilstanden er (?:redusert|påvirket|nedsatt)|sengeliggende|utslått|ligget på sofaen/u,
  );
  const good = booleanFinding(
    clauses,
    /(?<![\p{L}])(?:(?:god|grei|vanlig|fin|bra) form|god allmenntilstand|upåvirket|helt i form|lekt|leker|hopper i sofaen)(?![\p{L}])/u,
  );
  set(
    'generalConditionAffected',
    affected ?? (good?.value ? { value: false, evidence: good.evidence } : undefined),
  );
  set(
    'pronouncedSymptoms',
    booleanFinding(
      clauses,
      /sterke smerter|kraftige smerter|veldig vondt|uutholdelig|intense smerter|uttalte (?:symptomer|smerter|plager)|kraftig hodepine|sterk hodepine|høy feber/u,
    ),
  );
  set(
    'purulentNasalDischarge',
    booleanFinding(
      clauses,
      /(?:gul|gult|grønt|grønn|puss\w*|purulent|misfarget|gulaktig)\w* (?:\w+ )?(?:snørr|sekret|neseflod)|(?:snørr|sekret)[^.?!]{0,15}(?:gul|grønn|gulaktig|purulent)/u,
    ),
  );
  set(
    'doubleSickening',
    booleanFinding(clauses, /bedre og så verre|bedre,? (?:men|og) så verre|tofaset|verre igjen/u),
  );
  set(
    'sinusitisComplicationSigns',
    booleanFinding(
      clauses,
      /hevelse rundt øyet|periorbital\w*|synsforstyrrelse\w*|dobbeltsyn|nakkestiv\w*|stiv nakke/u,
    ),
  );
  set(
    'skinWidespread',
    booleanFinding(
      clauses.filter((clause) => !/allergi|elveblest|penicillin|reaksjon/u.test(clause.text)),
      /flere (?:steder|områder|regioner|kroppsdeler)|(?:hele|store deler av) kroppen|utbredt|spredt (?:seg )?(?:over|til) (?:flere|hele|store)|andre steder/u,
    ),
  );
  set('bullous', booleanFinding(clauses, wordStartRegExp('bulløs|store blemmer|bullae')));
  set('localTreatmentFailed', extractLocalTreatmentFailed(clauses));
  set(
    'necrotisingSigns',
    booleanFinding(
      clauses,
      /blemmer|bullae|mørke (?:eller blålige )?områder|blålig\w*|nekros\w*|sterke smerter dypt|sprer seg (?:svært |veldig )?raskt/u,
    ),
  );
  set(
    'facialLocation',
    booleanFinding(
      clauses.filter((clause) => /rosen|erysipelas|cellulitt|rødme|hevelse/u.test(clause.text)),
      wordStartRegExp('ansikt|kinnet|rundt øyet|pannen'),
    ),
  );
  set(
    'multipleErythemaMigrans',
    booleanFinding(
      clauses,
      /flere (?:røde )?(?:flekker|ringer|utslett)|andre (?:røde )?(?:flekker|utslett)|multiple erytem/u,
    ),
  );
  set(
    'neurologicalSigns',
    booleanFinding(clauses, /lammelse\w*|facialisparese|ansiktslammelse|radikul\w*|skjev i ansiktet/u),
  );
  set('tickBite', booleanFinding(clauses, wordStartRegExp('flåttbitt|flått')));
  set('pertussisSuspected', booleanFinding(clauses, wordStartRegExp('kikhoste|pertussis')));
  return findings;
}

/** Centor score (0–4) from the known components, with the components that were not told. */
export function computeCentorScore(findings: AntibioticFindings): {
  score: number;
  present: string[];
  absent: string[];
  unknown: string[];
} {
  const present: string[] = [];
  const absent: string[] = [];
  const unknown: string[] = [];
  const fever =
    findings.temperature && findings.temperature.value >= 38
      ? true
      : findings.fever
        ? findings.fever.value
        : findings.temperature
          ? false
          : undefined;
  const components: Array<[string, boolean | undefined]> = [
    ['feber ≥ 38', fever],
    ['ingen hoste', findings.cough === undefined ? undefined : !findings.cough.value],
    ['ømme fremre halslymfeknuter', findings.tenderAnteriorCervicalNodes?.value],
    ['belegg på tonsillene', findings.tonsillarExudate?.value],
  ];
  for (const [label, value] of components) {
    if (value === true) present.push(label);
    else if (value === false) absent.push(label);
    else unknown.push(label);
  }
  return { score: present.length, present, absent, unknown };
}

/** CRB-65 score (0–4) from the known components: confusion, respiratory rate ≥ 30, BP < 90 systolic or ≤ 60 diastolic, age ≥ 65. */
export function computeCrb65Score(findings: AntibioticFindings): {
  score: number;
  present: string[];
  unknown: string[];
} {
  const present: string[] = [];
  const unknown: string[] = [];
  const age = findings.age?.value;
  const ageAtLeast = findings.ageAtLeast?.value;
  const components: Array<[string, boolean | undefined]> = [
    ['konfusjon', findings.confusion?.value],
    ['RF ≥ 30', findings.respiratoryRate ? findings.respiratoryRate.value >= 30 : undefined],
    [
      'BT systolisk < 90 eller diastolisk ≤ 60',
      findings.bloodPressure
        ? findings.bloodPressure.value.systolic < 90 || findings.bloodPressure.value.diastolic <= 60
        : undefined,
    ],
    [
      'alder ≥ 65',
      age !== undefined ? age >= 65 : ageAtLeast !== undefined && ageAtLeast >= 65 ? true : undefined,
    ],
  ];
  for (const [label, value] of components) {
    if (value === true) present.push(label);
    else if (value === undefined) unknown.push(label);
  }
  return { score: present.length, present, unknown };
}
