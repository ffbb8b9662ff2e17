import type { Language } from '@kollega/domain';
import type { RewriteRule } from './rewrite';

/** Everything language-specific the fact extractor and note writer need. */
export interface LanguageLexicon {
  language: Language;
  /** Word stems of clinical vocabulary (a word counts when it starts with a stem). */
  clinicalStems: readonly string[];
  /** Regex body: blood relatives (family history). */
  bloodRelatives: string;
  /** Regex body: spouses, friends, colleagues, neighbours (exposure at most). */
  otherPeople: string;
  /** Regex bodies for pronouns. */
  firstPerson: string;
  thirdPersonPronouns: string;
  secondPerson: string;
  /** Regex bodies: how a yes, a no and an unsure answer start. */
  answerYes: string;
  answerNo: string;
  answerUnsure: string;
  /** Removed from every sentence. */
  fillers: RewriteRule[];
  /** Patient (and relative, interpreter) speech → history shorthand. */
  historyRewrites: RewriteRule[];
  /** Doctor's examination dictation → findings shorthand. */
  examinationRewrites: RewriteRule[];
  /** Doctor's plan → plan shorthand. */
  planRewrites: RewriteRule[];
  /** Units, doses, durations, sides: all speakers. */
  commonRewrites: RewriteRule[];
  /** Regex bodies stripped from a question to leave its topic, applied in order. */
  questionFrames: readonly string[];
  /** Verb questions and the symptom noun they ask about ("hoster du?" → hoste). */
  verbTopics: ReadonlyArray<readonly [string, string]>;
  /** Regex body: a question about allergies. */
  allergyTopic: string;
  /** Note sentences for a denied allergy question. */
  noKnownAllergies: string;
  noKnownDrugAllergies: string;
  /** Regex body: the allergy question was about drugs. */
  drugWordsInQuestion: string;
  /** Regex body: greetings and off-topic words. */
  smallTalk: string;
  /** "Ingen" / "No" and "Ikke" / "Not": how a denied topic is written. */
  negativeWord: string;
  notWord: string;
  /** Regex body: topics written with `negativeWord` (nouns) rather than `notWord`. */
  nounSymptoms: string;
  /** Regex body: first words (adjectives, participles, verbs) that take `notWord` ("ikke gravid"). */
  adjectiveSymptoms: string;
  uncertaintyPrefix: string;
  familyHistoryPrefix: string;
  reportedPrefix: string;
}
