import type { Language } from '@kollega/domain';
import { lexiconFor } from '../language/index';
import { applyRules } from '../language/rewrite';
import { findDrugMentions, noteNameOf } from '../language/drugs';
import { capitalize, collapseWhitespace } from '../language/text';
import { ASSESSMENT_INSIDE } from './vocabulary';

/** Where a statement goes, independent of the template's section names. */
export type SectionRole = 'history' | 'examination' | 'results' | 'assessment' | 'plan';

/** Writes drug names as the note names them ("Paracet" → paracetamol, "Elikvis" → apiksaban). */
export function normalizeDrugNames(text: string, language: Language): string {
  const mentions = findDrugMentions(text);
  if (mentions.length === 0) return text;
  let result = '';
  let last = 0;
  for (const mention of mentions) {
    result += text.slice(last, mention.start);
    const spokenKey = mention.spoken.toLowerCase().replace(/\s+/g, '');
    let name: string;
    if (language === 'en') {
      // English notes keep what was said, with trade names capitalised
      name = mention.brand ? capitalize(mention.spoken.replace(/\s+/g, '')) : spokenKey;
    } else {
      // Norwegian notes use FEST's Norwegian spelling (amoksicillin, apiksaban) for brands, misspellings and
      // English spellings alike
      name = noteNameOf(mention);
    }
    result += name;
    last = mention.end;
  }
  return result + text.slice(last);
}

const PAST_OR_MODAL = new Set(
  (
    'took went got felt had was were saw came began thought told said made fell hurt woke ran did gave left kept lost broke ate ' +
    'drank slept found heard knew put set cut hit let quit read sat stood understood wore wrote bought brought caught ' +
    'can could will would should might must may shall used needed'
  ).split(' '),
);

/** Third person singular of an English verb ("feel" → "feels", "try" → "tries"); past forms stay. */
export function thirdPersonVerb(verb: string): string {
  const lower = verb.toLowerCase();
  if (PAST_OR_MODAL.has(lower) || /(?:ed|ing)$/u.test(lower)) return verb;
  if (lower === 'have') return 'has';
  if (lower === 'do') return 'does';
  if (lower === 'go') return 'goes';
  if (lower === 'am') return 'is';
  if (/(?:s|sh|ch|x|z|o)$/u.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/u.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** The patient's first person as the third person (placeholders filled by the writer): "I feel" → "⟨P⟩ feels". */
export function toThirdPerson(text: string): string {
  return text
    .replace(
      /(?<![\p{L}\p{N}'])i (?:just |really |also |still |actually |kind of |sort of )?([a-z]+)(?![\p{L}\p{N}'])/giu,
      (_whole, verb: string) => `⟨P⟩ ${thirdPersonVerb(verb)}`,
    )
    .replace(/(?<![\p{L}\p{N}'])i(?![\p{L}\p{N}'])/gu, '⟨P⟩')
    .replace(/(?<![\p{L}\p{N}'])(?:we|us)(?= (?:both|all))/giu, 'they');
}

/** Final tidy-up: spaces, punctuation, capital first letter, full stop. */
export function tidySentence(text: string): string {
  let result = collapseWhitespace(text);
  result = result
    .replace(/\s+([,.;:!?%])/g, '$1')
    .replace(/(\d)%/g, '$1 %')
    .replace(/,\s*,+/g, ',')
    .replace(/^[\s,.;:–—-]+/u, '')
    .replace(/[\s,;:–—-]+$/u, '')
    .replace(/\?+$/u, '')
    .replace(/\s*,\s*\./g, '.')
    .replace(/\.{2,}$/u, '.')
    .replace(/\(\s*\)/g, '');
  // a word said twice in a row ("venstre venstre trommehinne") is written once
  result = collapseWhitespace(result).replace(
    /(?<![\p{L}\p{N}])(\p{L}{2,}|\p{L}\.) \1(?![\p{L}\p{N}])/giu,
    '$1',
  );
  result = result.replace(/(?<![\p{L}\p{N}])(\p{L}+ \p{L}+),? \1(?![\p{L}\p{N}])/giu, '$1');
  // "H. TH h. side …": the side said twice is written once
  result = result.replace(/^([HhVv]\.) (.*\s)\1(?=\s)/u, (_whole, side: string, middle: string) =>
    `${middle}${side}`.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
  );
  if (result.length === 0) return result;
  if (!/[.!]$/.test(result)) result += '.';
  return capitalize(result);
}

/**
 * Rewrites a spoken sentence into note shorthand for a section: fillers out, section rules
 * (symptoms in GP terms; findings as "ua.", "T", "BT"; plans as "resept", "henv.", "kontroll"),
 * units, doses and sides. Negation words are never removed.
 */
export function toShorthand(text: string, section: SectionRole, language: Language): string {
  const key = `${language}|${section}|${text}`;
  const memo = SHORTHAND_MEMO.get(key);
  if (memo !== undefined) return memo;
  const written = rewriteToShorthand(text, section, language);
  // bounded memo: a sentence is rewritten more than once while one note is drafted
  if (SHORTHAND_MEMO.size > 4000) SHORTHAND_MEMO.clear();
  SHORTHAND_MEMO.set(key, written);
  return written;
}

const SHORTHAND_MEMO = new Map<string, string>();

/** Forgets remembered sentences (called at the start of each note). */
export function clearShorthandMemo(): void {
  SHORTHAND_MEMO.clear();
}

function rewriteToShorthand(text: string, section: SectionRole, language: Language): string {
  const lexicon = lexiconFor(language);
  let result = text.trim();
  if (section === 'assessment') {
    // keep what follows "tror jeg du har" ("…, tror jeg du har lungebetennelse på høyre side")
    const inside = ASSESSMENT_INSIDE[language].exec(result);
    if (inside && inside.index > 0) result = result.slice(inside.index + inside[0].length);
  }
  result = applyRules(result, lexicon.fillers);
  result = collapseWhitespace(result.replace(/\s*,\s*(?=,)/g, '')).replace(/^[\s,.;:–—-]+/u, '');
  if (section === 'history') {
    result = applyRules(result, lexicon.historyRewrites);
    if (language === 'en') result = toThirdPerson(result);
  } else if (section === 'examination' || section === 'results') {
    result = applyRules(result, lexicon.examinationRewrites);
  } else if (section === 'plan') {
    result = applyRules(result, lexicon.planRewrites);
  } else {
    result = applyRules(result, lexicon.historyRewrites);
    result = applyRules(result, lexicon.examinationRewrites);
    result = result.replace(
      language === 'nb'
        ? /^(?:(?:ja|ok|så|da|og|men),? )*(?:du har|dette er|det er|jeg tror (?:at )?(?:det er|du har)?|det ser (?:mer )?ut som|det ser ut til å være)\s+/iu
        : /^(?:so |and )?(?:i think (?:that )?(?:you have|this is|it's|it is)?|you have|this is|it looks like|it sounds like)\s+/iu,
      '',
    );
  }
  result = applyRules(result, lexicon.commonRewrites);
  result = normalizeDrugNames(result, language);
  return tidySentence(result);
}
