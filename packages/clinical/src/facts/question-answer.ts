import type { Language, Polarity } from '@kollega/domain';
import { lexiconFor } from '../language/index';
import { applyRules } from '../language/rewrite';
import { hasNegation } from '../language/negation';
import { findDrugMentions, noteNameOf } from '../language/drugs';
import { collapseWhitespace, wordPattern, wordsOf } from '../language/text';
import { countClinicalWords } from './vocabulary';

/**
 * Question and answer: a patient's short answer to a doctor's question becomes a declarative
 * statement with the right polarity ("Har du feber?" – "Nei, ikke som jeg har merket" → "Ingen feber.";
 * "Do you have any chest pain?" – "No." → "Denies chest pain.").
 */

/** What a doctor's question asks. */
export interface QuestionReading {
  kind: 'yes-no' | 'open';
  /** The asked-about topic in the patient's perspective ("feber", "tung i pusten"). */
  topic: string;
  /** A verb question without a frame ("hoster du mer enn vanlig") keeps its verb first. */
  verbFirst: boolean;
  isAllergy: boolean;
  asksDrugs: boolean;
  asksDuration: boolean;
  asksScale: boolean;
  /** The noun of "hvilket kne?" / "which knee?" / "hvor høy feber?". */
  whichNoun?: string;
  /** "Hva jobber du med?": the answer is social history. */
  asksWork: boolean;
  /** The question itself contains a negation ("ingen reaksjoner på penicillin?"). */
  negated: boolean;
  /** "Bruker du …?" / "Are you taking …?": a positive answer names what is used. */
  asksUse: boolean;
}

/** How an answer reads. */
export interface AnswerReading {
  polarity: Polarity;
  /** True when the answer opens with yes/no/unsure. */
  hasParticle: boolean;
  /** The answer without its particle and empty hedges. */
  residual: string;
}

const OPEN_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern(
    '^(?:(?:og|men|så|ok|okei|bra|fint|da),? )*(?:hva|hvor|hvordan|hvilke[nt]?|når|hvem|hvorfor|fortell)',
    'iu',
  ),
  en: wordPattern(
    '^(?:(?:and|so|okay|ok|alright|now|um|uh),? )*(?:what|where|how|which|when|who|why|tell me)',
    'iu',
  ),
};

const DURATION_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern('hvor lenge|når begynte|når startet|hvor lang tid|siden når', 'iu'),
  en: wordPattern(
    'how long|when did (?:it|this|that|the \\p{L}+) start|when did (?:it|this) begin|since when',
    'iu',
  ),
};

const WORK_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern(
    'hva (?:jobber|driver|arbeider) (?:du|han|hun)(?: med)?|hva er jobben|hvor jobber (?:du|han|hun)|hva slags jobb|yrke',
    'iu',
  ),
  en: wordPattern(
    'what do you do for (?:a )?(?:living|work)|where do you work|what kind of work|what is your job|are you (?:still )?working',
    'iu',
  ),
};

/** "Hvordan sover du?" → "sover"; "Hvordan er matlysten?" → "matlysten". */
const HOW_IS: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))hvordan (?:er|går det med) (?:det med )?(\p{L}{4,})|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))hvordan (\p{L}+) (?:du|hun|han)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /\bhow (?:is|are) (?:your |the )?(\p{L}{4,})|\bhow (?:do|does) (?:you|she|he) (\p{L}+)/iu,
};

const HOW_MUCH_NOUN: Record<Language, RegExp> = {
  nb: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))hvor (?:høy|høyt|mye|ofte|mange|lang|langt|sterk|sterke|kraftig|stor|store) (\p{L}{3,})|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))når (?:hadde|fikk|var|tok) (?:du|hun|han) (?:sist )?(\p{L}{4,})/iu,
  en: /\bhow (?:high|much|often|many|long|bad|severe) (?:(?:is|was|of) )?(?:the |your )?(\p{L}{3,})/iu,
};

const SCALE_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern('skala', 'iu'),
  en: wordPattern('scale', 'iu'),
};

/** Strips clauses addressed to the listener ("…, at du snubler", "der du sitter"). */
function dropSecondPersonClauses(topic: string, language: Language): string {
  const pattern =
    language === 'nb'
      ? /,?\s*(?:at|der|sånn at|slik at|som|når|hvor|om|eller at) (?:du|dere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^,]*/giu
      : /,?\s*(?:that|where|when|so that|like) you\b[^,]*/gi;
  return topic.replace(pattern, '');
}

const USE_QUESTION: Record<Language, RegExp> = {
  nb: wordPattern('bruker (?:du|han|hun)|tar (?:du|han|hun)|går (?:du|han|hun) på', 'iu'),
  en: wordPattern('are you (?:taking|on|using)|do you (?:take|use)|what (?:medications|medicines)', 'iu'),
};

const FRAME_CACHE = new Map<Language, RegExp[]>();

function framePatterns(language: Language): RegExp[] {
  let patterns = FRAME_CACHE.get(language);
  if (!patterns) {
    patterns = lexiconFor(language).questionFrames.map((frame) => wordPattern(frame, 'iu'));
    FRAME_CACHE.set(language, patterns);
  }
  return patterns;
}

/**
 * Reads a doctor's question (one or more question sentences of one turn, e.g. "Allergier? Tåler du
 * penicillin?"): its topic and what kind of answer it expects.
 */
export function readQuestion(questions: string | readonly string[], language: Language): QuestionReading {
  const sentences = typeof questions === 'string' ? [questions] : [...questions];
  const last = sentences[sentences.length - 1] ?? '';
  const readings = sentences.map((sentence) => readOneQuestion(sentence, language));
  const lastReading = readings[readings.length - 1] ?? readOneQuestion(last, language);
  const joined = sentences.join(' ');
  const lexicon = lexiconFor(language);
  // a short last sentence elaborates the one before ("Allergier? Penicillin for eksempel?"); a full one stands alone
  const lastIsVerbQuestion =
    /^(?:(?:og|men|så),?\s+)?\p{L}+\s+(?:du|det|hun|han|dere|you|it|she|he)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu.test(
      last.trim(),
    );
  const lastIsElaboration = wordsOf(last).length <= 3 && sentences.length > 1 && !lastIsVerbQuestion;
  const used = lastIsElaboration ? readings.slice(-2) : readings.slice(-1);
  const usedText = lastIsElaboration ? sentences.slice(-2).join(' ') : last;
  const topics = used
    .filter((reading) => reading.kind === 'yes-no' && reading.topic.length > 0)
    .map((reading) => reading.topic);
  const combined: QuestionReading = {
    ...lastReading,
    topic: lastReading.kind === 'open' || topics.length <= 1 ? lastReading.topic : topics.join(', '),
    verbFirst: topics.length <= 1 ? lastReading.verbFirst : false,
    isAllergy: wordPattern(lexicon.allergyTopic, 'iu').test(usedText),
    asksDrugs: wordPattern(lexicon.drugWordsInQuestion, 'iu').test(joined),
    asksUse: USE_QUESTION[language].test(last),
    asksWork: WORK_QUESTION[language].test(last),
  };
  const which = readings.find((reading) => reading.whichNoun !== undefined)?.whichNoun;
  if (which) combined.whichNoun = which;
  return combined;
}

function readOneQuestion(text: string, language: Language): QuestionReading {
  const lexicon = lexiconFor(language);
  let topic = applyRules(text.trim(), lexicon.fillers)
    .replace(/[?]+/g, '')
    .replace(/^[\s,.;:]+/u, '')
    .trim();
  const open = OPEN_QUESTION[language].test(topic);
  const howIs = HOW_IS[language].exec(topic);
  const whichMatch =
    (language === 'nb' ? /\bhvilke[nt]?\s+(\p{L}+)/iu : /\bwhich\s+(\p{L}+)/iu).exec(topic) ??
    (() => {
      const match = HOW_MUCH_NOUN[language].exec(topic);
      return match ? ([match[0], match[1] ?? match[2] ?? ''] as unknown as RegExpExecArray) : null;
    })() ??
    (howIs ? ([howIs[0], howIs[1] ?? howIs[2] ?? ''] as unknown as RegExpExecArray) : null);
  let verbFirst = false;
  let matchedFrame = false;
  const frames = framePatterns(language);
  for (const [index, pattern] of frames.entries()) {
    const before = topic;
    topic = topic.replace(pattern, '').trim();
    if (index > 0 && before !== topic && index < frames.length - 1) matchedFrame = true;
  }
  if (!matchedFrame && !open) {
    // V1 question without a frame: "hoster du mer enn vanlig" → "hoster mer enn vanlig"
    const secondPerson =
      language === 'nb' ? /^(\p{L}+) (?:du|dere|hun|han|det)\b\s*/iu : /^(\p{L}+) (?:you|she|he)\b\s*/iu;
    const match = secondPerson.exec(topic);
    if (match) {
      topic = `${match[1] ?? ''} ${topic.slice(match[0].length)}`.trim();
      verbFirst = true;
    }
  }
  topic = dropSecondPersonClauses(topic, language);
  topic = topic
    .replace(language === 'nb' ? /\b(?:du|deg|dere)\b/giu : /\b(?:you)\b/gi, '')
    .replace(language === 'nb' ? /^(?:han|hun)\s+|(?<=^\p{L}+\s)(?:han|hun)\s+/iu : /^(?:he|she)\s+/iu, '')
    .replace(language === 'nb' ? /\bdin|ditt|dine\b/giu : /\byour\b/gi, '')
    .replace(/^(?:noe|noen|any|some)\s+/iu, '')
    .replace(/\s+(?:noe|noen|no|any|at all)$/iu, '');
  topic = collapseWhitespace(topic.replace(/\s*,\s*(?:eller|or)\s*$/iu, '').replace(/^[,\s]+|[,\s]+$/gu, ''));
  // "Nummenhet i skrittet" → "nummenhet i skrittet"; acronyms keep their case
  if (/^\p{Lu}\p{Ll}/u.test(topic)) topic = topic.charAt(0).toLowerCase() + topic.slice(1);
  const allergy = wordPattern(lexicon.allergyTopic, 'iu');
  const reading: QuestionReading = {
    kind: open ? 'open' : 'yes-no',
    topic,
    verbFirst,
    isAllergy: allergy.test(text),
    asksDrugs: wordPattern(lexicon.drugWordsInQuestion, 'iu').test(text),
    asksDuration: DURATION_QUESTION[language].test(text),
    asksScale: SCALE_QUESTION[language].test(text),
    asksUse: USE_QUESTION[language].test(text),
    asksWork: WORK_QUESTION[language].test(text),
    negated: hasNegation(topic, language),
  };
  if (whichMatch?.[1]) reading.whichNoun = whichMatch[1].toLowerCase();
  return reading;
}

const EMPTY_HEDGES: Record<Language, RegExp> = {
  nb: wordPattern(
    'ikke som jeg har merket|ikke som jeg vet|ikke noe sånt|ingenting sånt|ikke noe|egentlig ikke|ikke egentlig|det har jeg ikke|det gjør jeg ikke|det er jeg ikke|det har jeg|det gjør jeg|det er jeg|tror ikke det|tror det|det er som vanlig|som vanlig|det går fint|det stemmer|ikke det|ikke lenger|ikke nå',
    'giu',
  ),
  en: wordPattern(
    "not that i've noticed|not that i know of|not really|nothing like that|i don't think so|i do n't think so|i don't|i do n't|i haven't|i have n't|i didn't|i did n't|i do|i have|i did|i am|that's right|that's correct|not at all|none",
    'giu',
  ),
};

/** Reads an answer: yes, no or unsure, and what it says beyond that. */
export function readAnswer(text: string, language: Language): AnswerReading {
  const lexicon = lexiconFor(language);
  const cleaned = applyRules(text.trim(), lexicon.fillers)
    .replace(/^[\s,.]+/u, '')
    .trim();
  const unsure = wordPattern(`^(?:${lexicon.answerUnsure})`, 'iu');
  const no = wordPattern(`^(?:${lexicon.answerNo})`, 'iu');
  const yes = wordPattern(`^(?:${lexicon.answerYes})`, 'iu');
  let polarity: Polarity = 'positive';
  let hasParticle = false;
  let residual = cleaned;
  const unsureMatch = unsure.exec(cleaned);
  const noMatch = no.exec(cleaned);
  const yesMatch = yes.exec(cleaned);
  if (unsureMatch) {
    polarity = 'uncertain';
    hasParticle = true;
    residual = cleaned.slice(unsureMatch[0].length);
  } else if (noMatch) {
    polarity = 'negative';
    hasParticle = true;
    // "nei" is a particle; "ingen hoste" keeps its words
    residual = /^(?:nei|neida|nope|no|nah)$/iu.test(noMatch[0]) ? cleaned.slice(noMatch[0].length) : cleaned;
  } else if (yesMatch) {
    hasParticle = true;
    residual = cleaned.slice(yesMatch[0].length);
  } else if (hasNegation(wordsOf(cleaned).slice(0, 3).join(' '), language)) {
    polarity = 'negative';
  }
  // an empty hedge ("egentlig ikke", "I don't") is dropped only when it is the whole answer or opens it
  // before a pause; removing it from inside a sentence could drop a negation
  residual = residual.replace(/^[\s,.;:!]+/u, '').trim();
  for (let round = 0; round < 2; round += 1) {
    EMPTY_HEDGES[language].lastIndex = 0;
    const hedge = EMPTY_HEDGES[language].exec(residual);
    if (!hedge || hedge.index !== 0) break;
    const rest = residual.slice(hedge[0].length);
    if (!/^\s*(?:[,.;!?]|$)/u.test(rest)) break;
    residual = rest.replace(/^[\s,.;!?]+/u, '');
  }
  residual = collapseWhitespace(residual.replace(/^[\s,.;:!]+/u, '').replace(/[\s,;:.!]+$/u, ''));
  if (polarity === 'positive' && /\b(?:usikker|vet ikke|not sure|don't know)\b/iu.test(residual))
    polarity = 'uncertain';
  return { polarity, hasParticle, residual };
}

/** Content words of a text (not fillers, not function words). */
function contentWords(text: string, language: Language): string[] {
  const stop =
    language === 'nb'
      ? /^(?:og|i|på|av|til|er|som|det|den|de|en|et|ei|å|for|med|har|om|seg|var|fra|at|ved|da|så|kan|vil|skal|jeg|du|han|hun|vi|meg|deg|min|mitt|mine|litt|mye|bare|ja|nei|ikke|ingen|noe|noen|nå|her|der|men|eller|helt|også|sånn|jo|vel|hatt|blitt|vært|gjør|gjorde|får|fikk|ganske)$/u
      : /^(?:and|the|a|an|of|to|in|on|for|with|is|was|it|that|this|i|you|he|she|we|me|my|yes|no|not|some|any|just|so|but|or|have|had|has|been|do|did|really|yeah|there|about|at|be)$/u;
  return wordsOf(text).filter((word) => !stop.test(word));
}

/** A statement composed from a question and its answer. */
export interface ComposedAnswer {
  text: string;
  polarity: Polarity;
  /** True when the statement came from the question's topic (not only the answer's words). */
  fromTopic: boolean;
  /** The statement is social history (work). */
  social?: boolean;
}

function negateTopic(question: QuestionReading, language: Language): string {
  const lexicon = lexiconFor(language);
  const topic = question.topic;
  if (question.negated) return `${topic}.`;
  // "Allergier?" → "Ingen kjente allergier."; "Allergier eller faste medisiner?" keeps its words
  const onlyAllergy =
    question.isAllergy &&
    contentWords(topic, language).every((word) =>
      wordPattern(
        `^(?:${lexicon.allergyTopic}|${lexicon.drugWordsInQuestion}|mot|noen|kjente|known|for|example|eksempel)`,
        'iu',
      ).test(word),
    );
  if (onlyAllergy) return question.asksDrugs ? lexicon.noKnownDrugAllergies : lexicon.noKnownAllergies;
  if (language === 'en') return `Denies ${topic}.`;
  if (question.verbFirst) {
    const [verb, ...rest] = topic.split(' ');
    for (const [verbPattern, noun] of lexicon.verbTopics) {
      if (wordPattern(`^${verbPattern}$`, 'iu').test(verb ?? '')) {
        return `${lexicon.negativeWord} ${noun}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}.`;
      }
    }
    return `${verb ?? ''} ikke ${rest.join(' ')}`.trim() + '.';
  }
  const firstWord = topic.split(/[\s,]+/)[0] ?? '';
  // nouns take "Ingen" (ingen feber); adjectives, participles and verbs take "Ikke" (ikke gravid)
  const adjectiveLike =
    (wordPattern(`^(?:${lexicon.adjectiveSymptoms})$`, 'iu').test(firstWord) &&
      !/^(?:vondt|smerter?)$/iu.test(firstWord)) ||
    (language === 'nb' &&
      /(?:t|te|dd)$/iu.test(firstWord) &&
      !/(?:het|vondt)$/iu.test(firstWord) &&
      !wordPattern(`^(?:${lexicon.nounSymptoms})$`, 'iu').test(firstWord));
  return `${adjectiveLike ? lexicon.notWord : lexicon.negativeWord} ${topic}.`;
}

function affirmTopic(question: QuestionReading, language: Language): string {
  if (language === 'en') return `Endorses ${question.topic}.`;
  return `${question.topic}.`;
}

/**
 * Composes the statement for a question and the first sentence of its answer, or undefined when the
 * answer should be read on its own (open questions with full answers) or carries nothing.
 */
export function composeAnswer(
  question: QuestionReading,
  answer: AnswerReading,
  language: Language,
): ComposedAnswer | undefined {
  const composed = composeAnswerText(question, answer, language);
  if (!composed) return undefined;
  return { ...composed, text: composed.text.charAt(0).toUpperCase() + composed.text.slice(1) };
}

function composeAnswerText(
  question: QuestionReading,
  answer: AnswerReading,
  language: Language,
): ComposedAnswer | undefined {
  const residualContent = contentWords(answer.residual, language);
  const residualClinical =
    countClinicalWords(answer.residual, language) > 0 ||
    /\d/.test(answer.residual) ||
    findDrugMentions(answer.residual).length > 0;
  const topicWords = contentWords(question.topic, language);
  if (question.kind === 'open') {
    if (answer.residual.length === 0) return undefined;
    if (question.asksWork && residualContent.length <= 6) {
      return { text: `${answer.residual}.`, polarity: 'positive', fromTopic: false, social: true };
    }
    const residualHasClinical = countClinicalWords(answer.residual, language) > 0;
    if (
      question.whichNoun &&
      (residualContent.length <= 2 || (!residualHasClinical && residualContent.length <= 5)) &&
      !answer.residual.toLowerCase().includes(question.whichNoun.slice(0, 4))
    ) {
      if (!residualHasClinical && residualContent.length > 2) {
        return {
          text: `${question.whichNoun} ${lowerFirst(answer.residual)}.`,
          polarity: answer.polarity,
          fromTopic: false,
        };
      }
      return {
        text: `${answer.residual} ${question.whichNoun}.`,
        polarity: answer.polarity,
        fromTopic: false,
      };
    }
    if (question.asksScale && /\d/.test(answer.residual)) {
      return {
        text: `${language === 'nb' ? 'VAS' : 'Pain'} ${answer.residual}.`,
        polarity: 'positive',
        fromTopic: false,
      };
    }
    if (question.asksDuration && answer.polarity === 'uncertain' && residualContent.length <= 1)
      return undefined;
    if (
      question.asksDuration &&
      residualContent.length <= 5 &&
      countClinicalWords(answer.residual, language) === 0
    ) {
      return {
        text: `${language === 'nb' ? 'Varighet' : 'Duration'} ${answer.residual}.`,
        polarity: 'positive',
        fromTopic: false,
      };
    }
    return undefined;
  }
  if (topicWords.length === 0) return undefined;
  // "Tåler du Ibux? Noe magesår?" – "Nei, jeg tåler det fint": the "nei" answers another question;
  // an answer that restates the topic without negation is positive
  const restatesTopic = topicWords.some((word) =>
    residualContent.some(
      (answerWord) => answerWord.length >= 4 && answerWord.slice(0, 4) === word.slice(0, 4),
    ),
  );
  // "Allergier? Penicillin?" – "Nei, jeg har fått penicillin flere ganger": no allergy, the drug was tolerated
  const tolerated =
    answer.polarity === 'negative' && question.isAllergy && !hasNegation(answer.residual, language)
      ? toleratedDrug(answer.residual, language)
      : undefined;
  if (tolerated) {
    const lexicon = lexiconFor(language);
    const tolerance = language === 'nb' ? `tålt ${tolerated} tidl.` : `has tolerated ${tolerated}.`;
    return {
      text: `${lexicon.noKnownAllergies.replace(/\.$/u, '')}, ${tolerance}`,
      polarity: 'negative',
      fromTopic: false,
    };
  }
  if (answer.polarity === 'negative' && restatesTopic && !hasNegation(answer.residual, language))
    return undefined;
  if (answer.polarity === 'negative' && question.isAllergy && !question.negated) {
    return { text: negateTopic(question, language), polarity: 'negative', fromTopic: true };
  }
  if (answer.polarity === 'negative' && question.isAllergy && question.negated) {
    const lexicon = lexiconFor(language);
    return {
      text: question.asksDrugs ? lexicon.noKnownDrugAllergies : lexicon.noKnownAllergies,
      polarity: 'negative',
      fromTopic: true,
    };
  }
  if (answer.polarity === 'negative') {
    // the answer's own negated content says it better ("Nei, ingen hoste", "Nei, ikke svikt")
    const ownNegation = hasNegation(answer.residual, language) && residualClinical;
    const sharesTopic = topicWords.some((word) =>
      residualContent.some((answerWord) => answerWord.slice(0, 4) === word.slice(0, 4)),
    );
    if (ownNegation && (residualContent.length >= 3 || sharesTopic)) return undefined;
    const negated = negateTopic(question, language);
    // a value or a time in the answer completes the denial ("Nei, jeg målte 36,8 i morges")
    if (
      !ownNegation &&
      residualContent.length > 0 &&
      residualContent.length <= 6 &&
      (/\d/.test(answer.residual) || residualClinical || residualContent.length <= 3)
    ) {
      return {
        text: `${negated.replace(/\.$/, '')}, ${lowerFirst(answer.residual)}.`,
        polarity: 'negative',
        fromTopic: false,
      };
    }
    return { text: negated, polarity: 'negative', fromTopic: true };
  }
  if (answer.polarity === 'uncertain') {
    return {
      text: `${lexiconFor(language).uncertaintyPrefix} ${question.topic}.`,
      polarity: 'uncertain',
      fromTopic: true,
    };
  }
  // positive
  if (question.isAllergy && residualClinical && residualContent.length >= 2) return undefined;
  if (question.asksUse && residualContent.length > 0 && residualContent.length <= 6) {
    return {
      text: `${language === 'nb' ? 'Bruker' : 'Takes'} ${answer.residual}.`,
      polarity: 'positive',
      fromTopic: false,
    };
  }
  if (residualContent.length === 0 || (!residualClinical && residualContent.length <= 2)) {
    if (question.negated || topicWords.length > 6) return undefined;
    return { text: affirmTopic(question, language), polarity: 'positive', fromTopic: true };
  }
  const sharesTopic = topicWords.some((word) =>
    contentWords(answer.residual, language).some((answerWord) => answerWord.slice(0, 4) === word.slice(0, 4)),
  );
  if (sharesTopic || topicWords.length > 4 || question.negated) return undefined;
  return {
    text: `${question.topic}, ${lowerFirst(answer.residual)}.`,
    polarity: 'positive',
    fromTopic: false,
  };
}

/** Having taken a drug before ("jeg har fått penicillin flere ganger", "I've had penicillin before"). */
const DRUG_EXPOSURE: Record<Language, RegExp> = {
  nb: wordPattern('(?:har )?(?:fått|tatt|brukt|hatt)', 'iu'),
  en: wordPattern("(?:i've |i have )?(?:had|taken|took|used)", 'iu'),
};

/** The drug an answer says the patient has taken before, as the note names it. */
function toleratedDrug(residual: string, language: Language): string | undefined {
  const exposure = DRUG_EXPOSURE[language].exec(residual);
  if (!exposure) return undefined;
  const drug = findDrugMentions(residual).find((mention) => mention.start > exposure.index);
  if (drug) return language === 'nb' ? noteNameOf(drug) : drug.spoken.toLowerCase();
  // a class named in allergy talk ("penicillin", "sulfa") is not one product in the drug list
  const drugClass = DRUG_CLASS[language].exec(residual.slice(exposure.index));
  return drugClass ? drugClass[0].toLowerCase() : undefined;
}

/** Drug classes patients name when asked about allergy (norwegian-domain.md §2.0: penicillin allergy). */
const DRUG_CLASS: Record<Language, RegExp> = {
  nb: wordPattern('penicillin|sulfa|NSAID|cefalosporiner', 'iu'),
  en: wordPattern('penicillin|sulfa|nsaids?|cephalosporins?', 'iu'),
};

function lowerFirst(text: string): string {
  return /^\p{Lu}(?!\p{Lu})/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
