import type { VerificationReport } from '@kollega/domain';
import type { KeyFact, KeyFactRecall } from './key-facts';
import { computeKeyFactRecall } from './key-facts';
import type { RougeScores } from './rouge';
import { computeRouge } from './rouge';
import type { Tokenizer } from './tokenize';
import { countWords, tokenizeUnicode } from './tokenize';
import type { VerificationCounts } from './verification-metrics';
import { countVerification } from './verification-metrics';

/** Every text metric of one drafted note. */
export interface CaseMetrics extends RougeScores {
  words: number;
  referenceWords: number;
  /** words / reference words (reference counted as at least 1 word). */
  lengthRatio: number;
  /** Null when the dataset has no key facts for the case (ACI-BENCH, MTS-Dialog). */
  keyFacts: KeyFactRecall | null;
  /** Null when the note could not be verified. */
  verification: VerificationCounts | null;
}

/** What `scoreCase` needs. */
export interface ScoreCaseInput {
  prediction: string;
  reference: string;
  keyFacts?: readonly KeyFact[] | undefined;
  verification?: VerificationReport | undefined;
  tokenize?: Tokenizer;
}

/** Scores one prediction: ROUGE, key-fact recall, verifier counts, length ratio. Pure. */
export function scoreCase(input: ScoreCaseInput): CaseMetrics {
  const tokenize = input.tokenize ?? tokenizeUnicode;
  const words = countWords(input.prediction);
  const referenceWords = countWords(input.reference);
  return {
    ...computeRouge(input.prediction, input.reference, tokenize),
    words,
    referenceWords,
    lengthRatio: words / Math.max(1, referenceWords),
    keyFacts: input.keyFacts ? computeKeyFactRecall(input.keyFacts, input.prediction, tokenize) : null,
    verification: input.verification ? countVerification(input.verification) : null,
  };
}
