import type { Language } from '@kollega/domain';

// Function words that are common in one language and rare in the other. Words shared by both
// (for, i/I, to, men, a) are left out on purpose.
const NORWEGIAN_WORDS = new Set([
  'og',
  'ikke',
  'jeg',
  'det',
  'er',
  'på',
  'som',
  'med',
  'har',
  'du',
  'hva',
  'nei',
  'ja',
  'vi',
  'deg',
  'meg',
  'hun',
  'han',
  'den',
  'til',
  'av',
  'en',
  'et',
  'å',
  'så',
  'kan',
  'vil',
  'skal',
  'dette',
  'noe',
  'hvor',
  'når',
  'hvordan',
  'litt',
  'veldig',
  'også',
  'bare',
  'fra',
  'eller',
  'hvis',
  'fordi',
  'mye',
  'sånn',
  'altså',
  'nå',
  'jo',
  'vel',
  'der',
  'ble',
  'blir',
  'være',
  'hatt',
  'mitt',
  'min',
]);
const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'is',
  'you',
  'not',
  'have',
  'has',
  'with',
  'what',
  'yes',
  'it',
  'that',
  'my',
  'your',
  'of',
  'are',
  'was',
  'do',
  'does',
  'this',
  'be',
  'how',
  'any',
  'in',
  'on',
  'we',
  'he',
  'she',
  'about',
  'okay',
  'well',
  'been',
  'there',
  'here',
  'from',
  'or',
  'if',
  'because',
  'some',
  'just',
  'very',
  'would',
]);

/**
 * Guesses whether a transcript is Norwegian (Bokmål) or English from its function words and the
 * letters æ/ø/å. Norwegian wins ties and empty input, as the product's first language.
 */
export function detectTranscriptLanguage(text: string): Language {
  let norwegian = 0;
  let english = 0;
  for (const word of text
    .slice(0, 20_000)
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if (NORWEGIAN_WORDS.has(word)) norwegian += 1;
    else if (/[æøå]/.test(word)) norwegian += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  return english > norwegian ? 'en' : 'nb';
}
