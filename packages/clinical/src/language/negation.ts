import type { Language, Polarity } from '@kollega/domain';
import { wordPattern } from './text';

/**
 * Negation and uncertainty cues, in the spirit of NegEx (Chapman et al., J Biomed Inform 2001;34:301–10)
 * with Norwegian cues after NorNE/clinical Norwegian usage (ingen, ikke, uten, nei, benekter, avkreftet).
 */
const NEGATION_CUES: Record<Language, string> = {
  nb: 'ingen|ikke|ikkje|uten|nei|aldri|verken|benekter|benektet|benektes|intet|ingenting|negativ|negative|neg\\.?|avkreftet|avkrefter|ua\\.?|u\\.a\\.?|afebril',
  en: "no|not|denies|denied|deny|denying|without|negative|never|none|nor|n't|nil|absent|free of|ruled out|unremarkable",
};

const UNCERTAINTY_CUES: Record<Language, string> = {
  nb: 'usikker|usikkert|ikke sikker|ikke helt sikker|vet ikke|vet ikkje|kanskje|muligens|mulig|lurer på|husker ikke|tviler|mistanke om|mistenkt|obs\\.?|ev\\.|eventuelt',
  en: "not sure|unsure|maybe|possibly|possible|might|may be|i don't know|don't remember|uncertain|questionable|suspected|suspicious for|concern for|rule out",
};

/** Cues that only look like negation ("ikke sant?", "no problem", "not only"). */
const PSEUDO_NEGATION: Record<Language, string> = {
  nb: 'ikke sant|ikke bare|ingen problem|ikke noe problem|ikke verst|ikke så verst|hvis ikke|om ikke',
  en: 'no problem|not only|not just|no worries|no change|not bad|no longer sure',
};

const negationPattern: Record<Language, RegExp> = {
  nb: wordPattern(NEGATION_CUES.nb, 'iu'),
  en: wordPattern(NEGATION_CUES.en, 'iu'),
};
const negationPatternGlobal: Record<Language, RegExp> = {
  nb: wordPattern(NEGATION_CUES.nb, 'giu'),
  en: wordPattern(NEGATION_CUES.en, 'giu'),
};
const uncertaintyPattern: Record<Language, RegExp> = {
  nb: wordPattern(UNCERTAINTY_CUES.nb, 'iu'),
  en: wordPattern(UNCERTAINTY_CUES.en, 'iu'),
};
const pseudoPattern: Record<Language, RegExp> = {
  nb: wordPattern(PSEUDO_NEGATION.nb, 'giu'),
  en: wordPattern(PSEUDO_NEGATION.en, 'giu'),
};

function withoutPseudoNegation(text: string, language: Language): string {
  const pattern = pseudoPattern[language];
  pattern.lastIndex = 0;
  return text.replace(pattern, ' ');
}

/** True when the text holds a negation cue (pseudo-negations such as "ikke sant" do not count). */
export function hasNegation(text: string, language: Language): boolean {
  return negationPattern[language].test(withoutPseudoNegation(text, language));
}

/** True when the text holds an uncertainty cue ("usikker", "kanskje", "not sure"). */
export function hasUncertainty(text: string, language: Language): boolean {
  return uncertaintyPattern[language].test(text);
}

/** The character positions of negation cues in a text. */
export function negationCuePositions(text: string, language: Language): number[] {
  const cleaned = withoutPseudoNegation(text, language);
  const pattern = negationPatternGlobal[language];
  pattern.lastIndex = 0;
  const positions: number[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(cleaned)) !== null) positions.push(match.index);
  return positions;
}

/**
 * Polarity of a short clinical statement: `negative` when a negation cue governs it (the cue comes
 * before most of its content, as in "Ingen feber", "Ikke tungpust", "Denies chest pain"),
 * `uncertain` when it is hedged, otherwise `positive`.
 */
export function detectPolarity(text: string, language: Language): Polarity {
  const cleaned = withoutPseudoNegation(text, language);
  if (hasUncertainty(cleaned, language)) return 'uncertain';
  const positions = negationCuePositions(cleaned, language);
  const first = positions[0];
  if (first === undefined) return 'positive';
  const before = cleaned.slice(0, first).match(/[\p{L}\p{N}]+/gu) ?? [];
  const after = cleaned.slice(first).match(/[\p{L}\p{N}]+/gu) ?? [];
  // the cue governs the statement when little content precedes it
  if (before.length <= 2 || before.length < after.length / 2) return 'negative';
  return 'positive';
}
