import type { Language } from '@kollega/domain';

/** A body side as the verifier compares them. */
export type Side = 'right' | 'left' | 'bilateral';

/**
 * A diagnosis the verifier recognises in notes. `names` are regular-expression bodies matched as the last part of
 * a compound ("streptokokktonsillitt", "KOLS-forverring") with an inflection ending; a name written `=name` only
 * matches as a word of its own ("brudd" but not "samlivsbrudd"), as do names shorter than five letters.
 * `evidence` are bodies whose presence in the transcript supports it (the lay words patients and doctors say).
 */
export interface DiagnosisConcept {
  id: string;
  names: readonly string[];
  evidence: readonly string[];
}

/** A drug class as notes write it ("NSAID", "statin") and the words or substances that are its members. */
export interface DrugClass {
  names: string;
  members: string;
}

/** Omission kinds the verifier looks for in the transcript. */
export type OmissionKind =
  'allergy' | 'red-flag' | 'drug-change' | 'measured-value' | 'referral' | 'sick-leave' | 'safety-netting';

/**
 * One language's vocabulary for the verifier. Every field holds general clinical language knowledge
 * (no dev-case details). Regular-expression bodies are matched case-insensitively on lower-cased text.
 */
export interface VerifierLexicon {
  language: Language;
  /** Multi-word lay or shorthand phrases rewritten to one canonical word before tokenising (both sides). */
  phrases: ReadonlyArray<readonly [string, string]>;
  /** Note shorthand (lower case, no full stop) and what it stands for. */
  abbreviations: Readonly<Record<string, string>>;
  /** Words that mean the same for alignment; each word counts as the group's first word. */
  synonymGroups: ReadonlyArray<readonly string[]>;
  stopwords: readonly string[];
  /** Words that negate what follows ("ikke", "ingen", "no", "denies"). */
  negationCues: readonly string[];
  /** Words that negate what comes before ("neg.", "negativ", "negative"). */
  postNegationCues: readonly string[];
  /** Words that end a negation's scope ("men", "but"). */
  scopeBreakers: readonly string[];
  /** An answer that starts with this is a "no". */
  negativeAnswer: string;
  /** An answer that starts with this is a "yes". */
  positiveAnswer: string;
  /** How a question starts when the recogniser gave no question mark. */
  questionStart: string;
  /** Words that make a sentence hypothetical (safety-netting, side effects): it is not a fact about the patient. */
  hypotheticalCues: string;
  /** A note statement that is itself conditional or advice ("Ny kontakt ved …", "Return if …"). */
  conditionalStatement: string;
  /** A note statement that reports a discussion, not a fact ("drøftet", "discussed"). */
  discussionCues: string;
  /** A statement about the consultation itself: consent, understanding, questions answered, records reviewed. */
  processCues: string;
  /** Section ids whose statements are the patient's history (speaker attribution applies there). */
  historySections: readonly string[];
  /** A doctor's plan or suggestion ("anbefaler", "I want to start"): not a statement of the patient's history. */
  planCues: string;
  /** Words that show a comma list is one negated list ("Ingen feber, hodepine eller nakkestivhet"). */
  listCues: string;
  /** A relative or other third person ("kona", "broren min", "my wife"). */
  kinTerms: string;
  /** Kin words that do not make the relative the subject ("ifølge kona", "Mor følger"). */
  kinNotSubject: string;
  /** Possessives that mark someone else's relative ("hennes", "hans", "her", "his"). */
  possessiveOther: string;
  firstPerson: string;
  thirdPerson: string;
  /** Body-site words (first letters suffice: matched as prefixes of words). */
  bodySites: readonly string[];
  /** Time expressions and a key that two expressions share when they mean the same time. */
  times: ReadonlyArray<{ pattern: string; key: string }>;
  diagnoses: readonly DiagnosisConcept[];
  /** Endings of disease words ("-itt", "-ose", "-itis"). */
  diagnosisSuffix: string;
  drugClasses: readonly DrugClass[];
  /** Words that are not drugs although a brand is spelled so ("vital", "lift"). */
  drugStopwords: readonly string[];
  /** Patterns that find omission candidates in the transcript. */
  omissionPatterns: Readonly<Record<OmissionKind, string>>;
  /** Red-flag concepts with a short note text for suggestions. */
  redFlags: ReadonlyArray<{ pattern: string; text: string }>;
  /** Words that show a transcript is a clinical conversation. */
  clinicalWords: string;
  /** Words naming the consultation's setting ("videokonsultasjon", "telephone visit"): not checkable in words. */
  settingWords: string;
  /** A relative accompanying the patient ("Mor følger", "accompanied by his wife"). */
  accompanyCues: string;
  /** Names of computed clinical scores ("Centor", "CHA2DS2-VASc"): an inference, not a quote. */
  scoreNames: string;
  /** Text rewrites before numbers are read ("lilletåa" → "5. tå"). */
  numberPhrases: ReadonlyArray<readonly [string, string]>;
}
