/**
 * Word classes and token tests shared by several checks: normal words, words that name no finding, history cues,
 * the key words of a clause.
 */
import type { Language } from '@kollega/domain';
import { type AnalysedToken, type CompiledLexicon, analyseTokens } from '../text-analysis';
import { isPartialMatch, matchPositions, tokenWeight } from '../alignment';
import type { Side } from '../lexicon-types';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import { sidesOfTokens } from '../transcript-index';
import { type Clause, type CheckContext, isKin, isWeak, isBodySite, RELATION_WORD } from './clause';

/** A word of the "normal" group ("ua", "fine", "clear", "unremarkable"). */
export function isNormalWord(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  let canonical = normalCanonicals.get(compiled);
  if (canonical === undefined) {
    canonical = analyseTokens('normal', compiled, { note: true })[0]?.canonical ?? 'normal';
    normalCanonicals.set(compiled, canonical);
  }
  return token.canonical === canonical;
}
export const ABNORMAL = /^(?:abnormal|abnormale|unormal|unormalt|unormale|patologisk|patologiske)$/;
/** Professional credentials after a name ("Betty Ross, PA-C", "John Smith, MD"): who, not what was found. */
const CREDENTIAL = /^(?:md|pac|pa-c|np|rn|dpm|phd|dnp|aprn|fnp|crnp|mbbs)$/;
export function namesNoFinding(token: AnalysedToken, language: Language): boolean {
  if (NOT_FINDING[language].test(token.surface) || SYSTEM_LABEL.test(token.surface)) return true;
  if (language === 'en' && CREDENTIAL.test(token.surface)) return true;
  return language === 'en' && ADVERB_LY.test(token.surface) && !NOT_ADVERB_LY.test(token.surface);
}
/**
 * English adverbs in -ly ("initially", "lately", "unfortunately"), not the nouns and adjectives so spelled; an organ's
 * enlargement in "-megaly" ("thyromegaly", "hepatosplenomegaly") is a finding, not an adverb.
 */
export const ADVERB_LY = /^\p{L}{3,}ly$/u;
export const NOT_ADVERB_LY =
  /^(?:\p{L}*megaly|family|belly|anomaly|assembly|supply|jelly|bully|ally|reply|rally|lily|monopoly|butterfly|melancholy|ugly|oily|holy|apply|comply|multiply|gully|folly|silly|hilly|jolly|wobbly|bubbly|knobbly|prickly|wrinkly|crinkly|scaly|curly|burly|woolly|smelly|puffy)$/u;
/** A grade ("mild", "moderate", "trace"): a finding described as observed, never a denied one whose negation fell off. */
export const SEVERITY: Record<Language, RegExp> = {
  en: /^(?:mild|mildly|moderate|moderately|severe|severely|slight|slightly|marked|markedly|minimal|minimally|trace|grade)$/,
  nb: /^(?:lett|lette|moderat|moderate|uttalt|uttalte|kraftig|kraftige|betydelig|betydelige)$/,
};
/** Words that put a question or a claim in the patient's past ("ever", "before", "tidligere"). */
export const HISTORY_CUE: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:ever|before|previous(?:ly)?|prior|in the past|history|historically)(?![\p{L}])/u,
  nb: /(?<![\p{L}])(?:noen gang|tidligere|tidl|før|fra før|kjent)(?![\p{L}])/u,
};
/**
 * Words of knowing: negated, they express uncertainty, not a denial ("not sure if", "vet ikke om"). Not "think" or
 * "believe": "I do not think we need …" denies what follows (negation raising).
 */
export const EPISTEMIC =
  /^(?:sure|certain|know|knows|knew|recall|remember|aware|sikker|sikre|vet|visste|husker)$/;
export const TIME_PREPOSITION = /^(?:after|before|during|until|since|etter|før|under|inntil|siden)$/;
/**
 * Quantifiers name no finding whose polarity could be weighed ("not had any seizures in a few months" – "it's been
 * quite a few months"; "not beneficial alone"; "for the most part").
 */
export const NO_FINDING_WORD = /^(?:few|several|many|much|most|part|alone|lot|bit)$/;
/**
 * The manner an examination finding was elicited in ("nontender to palpation", "clear to auscultation", "dull on
 * percussion") names no finding of its own: the finding word carries the claim's polarity.
 */
export const EXAMINATION_MANNER = /^(?:palpation|palpitation|auscultation|percussion|inspection)$/;
/** A word rare enough in this transcript to carry meaning (relative to the transcript's length). */
export function isSpecific(token: AnalysedToken, index: TranscriptIndex): boolean {
  const rarest = Math.log((index.units.length + 1) / 0.5);
  return tokenWeight(token, index) >= rarest * 0.3;
}
export function keyTokensOf(clause: Clause, context: CheckContext): AnalysedToken[] {
  const compiled = context.index.compiled;
  const usable = clause.content.filter(
    (token) => !isKin(token, compiled) && !isPartialMatch(token, context.index),
  );
  const specific = usable.filter(
    (token) => !isWeak(token, compiled.language) && !isBodySite(token, compiled),
  );
  // "She does not have pain with movement": when only a weak word is denied, it carries the denial.
  const deniedWeak = usable.filter(
    (token) =>
      clause.negated.has(token) && isWeak(token, compiled.language) && !isNormalWord(token, compiled),
  );
  if (specific.length > 0 && !specific.some((token) => clause.negated.has(token)) && deniedWeak.length > 0)
    return [...specific, ...deniedWeak];
  // "No pain in the calf": when only a body site is left, it carries the claim.
  return specific.length > 0 ? specific : usable.filter((token) => isBodySite(token, compiled));
}
/** Verbs that say little of their own: what they deny or assert is their object ("having any pain"). */
const LIGHT_VERB = /^(?:having|doing|getting)$/;
/**
 * The object a light verb of the clause leans on: its next content word ("denies having any pain" → "pain"). Said
 * without it ("since you've been having issues with this"), the verb is about something else.
 */
export function lightVerbObject(clause: Clause, token: AnalysedToken): AnalysedToken | undefined {
  if (!LIGHT_VERB.test(token.surface)) return undefined;
  const at = clause.tokens.indexOf(token);
  for (const next of clause.tokens.slice(at + 1, at + 4)) {
    if (next.punctuation !== undefined) return undefined;
    if (clause.content.includes(next)) return next;
  }
  return undefined;
}
/**
 * The word each content word leans on: in a run of adjacent content words ("weight changes", "potassium supplement
 * currently", "tung pust") every word but the last leans on the run's last word. Said without it ("the weight of the
 * boxes", "an iron supplement"), the word names something else, so that place is no evidence about the clause.
 */
export function phraseHeads(clause: Clause): Map<AnalysedToken, AnalysedToken> {
  const heads = new Map<AnalysedToken, AnalysedToken>();
  const content = new Set(clause.content);
  let run: AnalysedToken[] = [];
  const close = (): void => {
    const head = run[run.length - 1];
    if (head) for (const token of run.slice(0, -1)) heads.set(token, head);
    run = [];
  };
  for (const [at, token] of clause.tokens.entries()) {
    const previous = run[run.length - 1];
    if (
      content.has(token) &&
      (!previous || (token.position === previous.position + 1 && !previous.punctuation)) &&
      // "Difficulty sleeping secondary to the pain": a word of relation with its "to" opens a modifier after the
      // finding; the finding does not lean on it.
      !(RELATION_WORD.test(token.surface) && /^(?:to|by)$/.test(clause.tokens[at + 1]?.surface ?? ''))
    )
      run.push(token);
    else {
      close();
      if (content.has(token)) run.push(token);
    }
  }
  close();
  return heads;
}
/** True when the clause names one side of a qualifier pair and the unit only the other ("lateral" – "medial"). */
export function oppositeQualifier(clause: Clause, unit: TranscriptUnit): boolean {
  const unitWords = unit.tokens.map((token) => token.surface);
  return clause.tokens.some((token) =>
    OPPOSITE_QUALIFIERS.some(([first, second]) => {
      const [own, other] = first.test(token.surface)
        ? [first, second]
        : second.test(token.surface)
          ? [second, first]
          : [undefined, undefined];
      return (
        own !== undefined &&
        other !== undefined &&
        !unitWords.some((word) => own.test(word)) &&
        unitWords.some((word) => other.test(word))
      );
    }),
  );
}
/** Words between a negation and the saying it denies ("not able to say", "can't really tell"). */
const ABILITY_FRAME = /^(?:able|to|really|quite|be)$/;
/**
 * "Not able to say whether she had heartburn", "can't tell if it helped": a negated saying or telling whether
 * something is so leaves it open; the speaker cannot tell.
 */
function cannotTellWhether(tokens: readonly AnalysedToken[], position: number): boolean {
  let at = position + 1;
  while (at <= position + 3 && ABILITY_FRAME.test(tokens[at]?.surface ?? '')) at += 1;
  return (
    /^(?:say|tell)$/.test(tokens[at]?.surface ?? '') && /^(?:whether|if)$/.test(tokens[at + 1]?.surface ?? '')
  );
}
/** An adjective of fit: its complement is the assessment the note draws ("consistent with", "suggestive of"). */
export const FIT_ADJECTIVE = /^(?:consistent|compatible|suggestive|indicative|diagnostic|characteristic)$/;
/** True when a negation of knowing opens the clause's claim ("not sure if …", "vet ikke om …"). */
export function expressesUncertainty(clause: Clause): boolean {
  return clause.tokens.some(
    (token, position) =>
      token.negation &&
      (clause.tokens.slice(position + 1, position + 3).some((next) => EPISTEMIC.test(next.surface)) ||
        cannotTellWhether(clause.tokens, position)),
  );
}
export const OTHER_INSTANCES =
  /^(?:andre|annen|annet|other|else|further|additional|new|nye|nytt|flere|ytterligere)$/;
/** Words that open a condition in advice ("Ny kontakt ved feber", "return if fever"). */
export const ADVICE_CONDITION =
  /(?<![\p{L}])(?:ved|hvis|dersom|når|if|when|unless|should|in case)(?![\p{L}])/u;
export const normalCanonicals = new WeakMap<CompiledLexicon, string>();
/** An organ system's name: a heading of the review of systems or the examination ("Gastrointestinal", "HEENT"). */
export const SYSTEM_LABEL =
  /^(?:constitutional|heent|cardiovascular|respiratory|pulmonary|gastrointestinal|genitourinary|musculoskeletal|neurological|neurologic|psychiatric|psychological|integumentary|dermatologic|hematologic|lymphatic|lymphatics|endocrine|immunologic|allergic|extremities)$/;
/**
 * Words that name no finding: sentence adverbs and connectives ("Initially,", "In summary,", "however"), the course
 * or effect of something already named ("intermittent", "unchanged", "which was effective"). A note words these
 * freely; the finding they qualify is checked by its own words.
 */
export const NOT_FINDING: Record<Language, RegExp> = {
  en: /^(?:however|summary|particular|addition|conclusion|overall|otherwise|furthermore|moreover|meanwhile|meantime|nevertheless|nonetheless|therefore|thus|hence|regardless|anyway|besides|instance|example|similar|intermittent|constant|frequent|occasional|persistent|continuous|recurrent|episodic|sporadic|sudden|gradual|immediate|initial|recent|unchanged|resolved|effective|ineffective|beneficial|helpful|successful)$/,
  nb: /^(?:imidlertid|dessuten|derfor|ellers|likevel|forøvrig|oppsummert|oppsummering|sammenfattende|altså|uansett|intermitterende|konstant|konstante|hyppig|hyppige|vedvarende|sporadisk|sporadiske|plutselig|gradvis|uendret|uendrede|effektiv|effektivt|nyttig)$/,
};
/** Anatomical qualifiers in opposite pairs (general anatomy terms, nb and en). */
export const OPPOSITE_QUALIFIERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(?:lateral|lateralt|laterale)$/, /^(?:medial|medialt|mediale)$/],
  [/^(?:anterior|anteriort|fremre|front)$/, /^(?:posterior|posteriort|bakre|back)$/],
  [/^(?:upper|øvre|superior)$/, /^(?:lower|nedre|inferior)$/],
  [/^(?:proximal|proksimal|proksimalt|proksimale)$/, /^(?:distal|distalt|distale)$/],
  [/^(?:internal|indre|inner)$/, /^(?:external|ytre|outer)$/],
  // On the spine itself or beside it ("no midline tenderness" – "tenderness in the paraspinal areas").
  [/^(?:midline|central|spinous)$/, /^(?:paraspinal|paraspinous|paravertebral|paralumbar)$/],
];
/** Words that open a phrase placing a finding after it ("mass on the left side", "tenderness of the medial …"). */
const PLACING = /^(?:on|in|of|over|at|along)$/;
/** The qualifiers of a mention: two words before it and the noun phrase of a placing word right after it. */
function mentionQualifiers(tokens: readonly AnalysedToken[], position: number): string[] {
  const words: string[] = [];
  for (let back = position - 1; back >= 0 && back >= position - 2; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) break;
    words.push(token.surface);
  }
  if (PLACING.test(tokens[position + 1]?.surface ?? '')) {
    for (let ahead = position + 2; ahead <= position + 4; ahead += 1) {
      const token = tokens[ahead];
      if (!token || token.punctuation !== undefined || token.negation) break;
      words.push(token.surface);
    }
  }
  return words;
}
/** The qualifier pairs whose one member the clause names, as [own, other]. */
function clausePairs(clause: Clause): Array<readonly [RegExp, RegExp]> {
  return OPPOSITE_QUALIFIERS.flatMap(([first, second]) =>
    clause.tokens.some((word) => first.test(word.surface))
      ? [[first, second] as const]
      : clause.tokens.some((word) => second.test(word.surface))
        ? [[second, first] as const]
        : [],
  );
}
/**
 * The positions of the word in the unit that are not qualified by the other member of a pair whose one member the
 * clause names: "no midline tenderness" is about the midline, not the "tenderness in the paraspinal area" of the
 * clause ("… mostly no midline tenderness"), nor "lateral joint line tenderness" the medial tenderness of "no
 * tenderness of the medial joint line". The unit may name the clause's own qualifier elsewhere; what counts is each
 * mention itself. All positions where the clause names no such pair.
 */
export function positionsNotQualifiedAsOpposite(
  token: AnalysedToken,
  clause: Clause,
  unit: TranscriptUnit,
  index: TranscriptIndex,
): number[] {
  const positions = matchPositions(token, unit, index).filter(
    (position) => !sideQualifiedAsOther(clause, unit, position, index),
  );
  const pairs = clausePairs(clause);
  if (pairs.length === 0) return positions;
  return positions.filter((position) => {
    const qualifiers = mentionQualifiers(unit.tokens, position);
    return !pairs.some(
      ([own, other]) =>
        qualifiers.some((word) => other.test(word)) && !qualifiers.some((word) => own.test(word)),
    );
  });
}
/** The one side (left or right) a clause names, asserted or denied ("No masses on the right"); none for two. */
function clauseSide(clause: Clause, index: TranscriptIndex): Side | undefined {
  const sides = new Set(
    [
      ...sidesOfTokens(clause.tokens, index.compiled),
      ...sidesOfTokens(clause.tokens, index.compiled, true),
    ].map((mention) => mention.side),
  );
  const [side] = [...sides];
  return sides.size === 1 && side !== 'bilateral' ? side : undefined;
}
/**
 * "A firm mass on the left side and no masses on the right": a mention placed on the other side by its own
 * qualifiers (two words before it, the phrase of a placing word after it) is about that side, not the side the
 * clause names; "No masses on the right" is not contradicted by the mass on the left.
 */
function sideQualifiedAsOther(
  clause: Clause,
  unit: TranscriptUnit,
  position: number,
  index: TranscriptIndex,
): boolean {
  const side = clauseSide(clause, index);
  if (side === undefined) return false;
  const span = new Set<number>([position - 2, position - 1]);
  if (PLACING.test(unit.tokens[position + 1]?.surface ?? ''))
    for (let ahead = position + 2; ahead <= position + 4; ahead += 1) span.add(ahead);
  const near = unit.sides.filter((mention) => span.has(mention.position));
  return near.length > 0 && near.every((mention) => mention.side !== side && mention.side !== 'bilateral');
}
/**
 * Verbs of noticing and seeming name no finding ("he just noticed the pain" – "have you noticed any weight gain?" –
 * "not really"; "healthy appearing" – "it doesn't appear he did").
 */
export const SEEMING =
  /^(?:notice|noticed|notices|noticing|appear|appears|appeared|appearing|seem|seems|seemed|seeming)$/;
/**
 * "Avoiding salty foods", "avoid running": to keep from something is to talk about it, so the transcript's mentions
 * of it (the salty foods she loves, the running he likes) do not contradict the avoidance.
 */
export function negatedOnlyByAvoiding(clause: Clause): boolean {
  const cues = clause.tokens.filter((token) => token.negation);
  return cues.length > 0 && cues.every((token) => /^avoid/.test(token.surface));
}
/** Words of other or new instances ("any other …?", "no further flare-ups?"). */
/** An answer that closes its list ("… and that's it", "that's all", "nothing else", "det er alt"). */
export const ONLY_THAT =
  /(?<![\p{L}])(?:and )?(?:that's it|that is it|that's all|that is all|nothing else|det er alt|ikke noe annet|ingenting annet)(?![\p{L}])/u;
