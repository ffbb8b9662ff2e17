import type { Language, Laterality } from '@kollega/domain';
import { wordPattern } from './text';

/**
 * Side of the body in spoken Norwegian and English, and self-corrections ("høyre… nei vent, det var
 * venstre kne" → venstre). GP shorthand: h., v., bilat. (norwegian-domain.md §1.2, common usage).
 */
const SIDE_WORDS: Record<Language, Array<{ side: Laterality; body: string }>> = {
  nb: [
    {
      side: 'bilateral',
      body: 'begge sider|på begge sidene|bilateralt|bilateral|bilat\\.?|tosidig|tosidige|begge (?:ører|ørene|øyne|øynene|bein|beina|ben|bena|knær|knærne|hender|hendene|føtter|føttene|armer|armene|lunger|lungene|legger|leggene|lår|lårene|skuldre|skuldrene|hofter|hoftene|sider)',
    },
    { side: 'høyre', body: 'høyre|høyresidig|høyresidige|høyreside|h\\.(?= ?[\\p{L}])|hø\\.' },
    { side: 'venstre', body: 'venstre|venstresidig|venstresidige|venstreside|v\\.(?= ?[\\p{L}])|ve\\.' },
  ],
  en: [
    {
      side: 'bilateral',
      body: 'bilateral|bilaterally|both sides|on both sides|both (?:ears|eyes|legs|knees|hands|feet|arms|lungs|shoulders|hips|wrists|ankles)',
    },
    { side: 'høyre', body: 'right|right-sided|rt' },
    { side: 'venstre', body: 'left|left-sided|lt' },
  ],
};

const SIDE_PATTERNS: Record<Language, Array<{ side: Laterality; pattern: RegExp }>> = {
  nb: SIDE_WORDS.nb.map(({ side, body }) => ({ side, pattern: wordPattern(body, 'giu') })),
  en: SIDE_WORDS.en.map(({ side, body }) => ({ side, pattern: wordPattern(body, 'giu') })),
};

/** Words that open a self-correction. */
const CORRECTION_CUES: Record<Language, string> = {
  nb: 'nei,? vent|nei,? unnskyld|eller,? nei|nei,? forresten|nei,? forresten|unnskyld|jeg mener|beklager|rettere sagt|nei,? det var|nei,? det er|nei,? jeg mener|nei,? feil|vent litt|vent,? nei',
  en: "no,? wait|sorry|i mean|actually|no,? it's|no,? it was|let me correct|correction",
};

const correctionPattern: Record<Language, RegExp> = {
  nb: wordPattern(`^(?:ja,? |og |eller,? )?(?:${CORRECTION_CUES.nb})`, 'iu'),
  en: wordPattern(`^(?:and |or,? |oh,? )?(?:${CORRECTION_CUES.en})`, 'iu'),
};
const correctionAnywhere: Record<Language, RegExp> = {
  nb: wordPattern(CORRECTION_CUES.nb, 'giu'),
  en: wordPattern(CORRECTION_CUES.en, 'giu'),
};

/** A side word found in a text. */
export interface SideMention {
  side: Laterality;
  index: number;
  length: number;
}

/** All side words in order of appearance ("begge sider" counts as bilateral, not as two sides). */
export function findSides(text: string, language: Language): SideMention[] {
  const found: SideMention[] = [];
  for (const { side, pattern } of SIDE_PATTERNS[language]) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((mention) => start < mention.index + mention.length && end > mention.index)) continue;
      found.push({ side, index: start, length: match[0].length });
    }
  }
  return found.sort((left, right) => left.index - right.index);
}

/** True when the text opens with a self-correction ("nei vent, …", "unnskyld, …", "I mean …"). */
export function startsWithCorrection(text: string, language: Language): boolean {
  return correctionPattern[language].test(text.trim());
}

/**
 * The side a text settles on. A self-correction makes the side after the cue win
 * ("Høyre. Eller, nei vent, det var venstre kne" → venstre); otherwise the text's sides
 * agree or it says both (bilateral). Undefined when no side is named.
 */
export function resolveLaterality(text: string, language: Language): Laterality | undefined {
  const sides = findSides(text, language);
  if (sides.length === 0) return undefined;
  const pattern = correctionAnywhere[language];
  pattern.lastIndex = 0;
  let lastCorrection = -1;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) lastCorrection = match.index;
  if (lastCorrection >= 0) {
    const after = sides.filter((mention) => mention.index > lastCorrection);
    const firstAfter = after[0];
    if (firstAfter) return firstAfter.side;
  }
  const distinct = new Set(sides.map((mention) => mention.side));
  if (distinct.size === 1) return sides[0]?.side;
  if (distinct.has('bilateral')) return 'bilateral';
  // both right and left named separately (e.g. a finding on one side, normal on the other): the first
  return sides[0]?.side;
}

/** Note shorthand for a side: h., v., bilat. (Norwegian) or right, left, bilateral (English). */
export function formatLaterality(side: Laterality, language: Language): string {
  if (language === 'en') return side === 'høyre' ? 'right' : side === 'venstre' ? 'left' : 'bilateral';
  return side === 'høyre' ? 'h.' : side === 'venstre' ? 'v.' : 'bilat.';
}

/** Replaces every side word in a text with `side` (used when a later self-correction wins). */
export function replaceSides(text: string, side: Laterality, language: Language): string {
  const sides = findSides(text, language);
  let result = text;
  const word = language === 'en' ? formatLaterality(side, 'en') : side === 'bilateral' ? 'begge sider' : side;
  for (const mention of [...sides].reverse()) {
    result = result.slice(0, mention.index) + word + result.slice(mention.index + mention.length);
  }
  return result;
}
