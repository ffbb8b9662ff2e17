import type {
  Language,
  TriageCategory,
  TriageModelSuggestion,
  TriageRedFlag,
  TriageResult,
  TriageUrgency,
} from '@kollega/domain';
import { AppError, TriageModelSuggestionSchema } from '@kollega/domain';
import type { ConceptIndex } from './concept-matcher';
import { compileTerm, createConceptIndex, matchPhrases } from './concept-matcher';
import { registerKnownWords } from './fuzzy-match';
import type { ConceptHit } from './message-features';
import { extractMessageFeatures } from './message-features';
import type { MessageToken, NormalizedMessage } from './text-normalization';
import { detectLanguage, isNegator, normalizeMessage, UNABLE_TOKEN } from './text-normalization';
import { composeTriageReply } from './triage-reply';
import type { TriageReplyTopic, TriageRule } from './triage-rules';
import { FIGURATIVE_PHRASES, INJECTION_RULE, TRIAGE_RULES, TRIAGE_RULES_VERSION } from './triage-rules';
import { TRIAGE_VOCABULARY } from './triage-vocabulary';

const URGENCY_RANK: Readonly<Record<TriageUrgency, number>> = {
  rutine: 0,
  innen_uke: 1,
  samme_dag: 2,
  akutt: 3,
};

/** Orders urgencies: positive when `first` is more urgent than `second`. */
export function compareUrgency(first: TriageUrgency, second: TriageUrgency): number {
  return URGENCY_RANK[first] - URGENCY_RANK[second];
}

/** The more urgent of two urgencies. */
export function maxUrgency(first: TriageUrgency, second: TriageUrgency): TriageUrgency {
  return compareUrgency(first, second) >= 0 ? first : second;
}

/** Options for `triageMessage`. */
export interface TriageMessageOptions {
  /** Language of the suggested reply; detected from the message when absent. */
  language?: Language;
}

/** A rule that fired, with the hits that made it fire. */
interface FiredRule {
  rule: TriageRule;
  hits: ConceptHit[];
}

const URGENCY_LABEL: Readonly<Record<TriageUrgency, string>> = {
  akutt: 'AKUTT',
  samme_dag: 'SAMME DAG',
  innen_uke: 'INNEN UKE',
  rutine: 'RUTINE',
};

/** Alarm concepts whose negation is worth showing the doctor ("ikke tung i pusten"). */
const NEGATION_REPORT_CONCEPTS = [
  'chest_pain',
  'dyspnea',
  'fever',
  'suicidal_ideation',
  'limb_weakness',
  'speech_disturbance',
  'headache',
  'syncope',
  'unconscious',
  'confusion',
  'neck_stiffness',
  'petechiae',
  'hematemesis',
  'melena',
  'abdominal_pain',
  'heavy_bleeding',
  'breathe_unable',
  'face_droop',
  'vision_loss',
  'blood_in_stool',
  'nausea_vomit',
  'clammy_pale',
];

let negationTermsCache: string[] | undefined;

/** Every vocabulary term (and inline `near` list) that contains a negation word; matched up front. */
function listNegationTerms(): string[] {
  if (negationTermsCache !== undefined) return negationTermsCache;
  const terms = new Set<string>();
  for (const definition of Object.values(TRIAGE_VOCABULARY)) {
    const candidates = [
      ...(definition.terms ?? []),
      ...(definition.near ?? []).flatMap((near) =>
        near.all.filter((reference) => !reference.startsWith('@')),
      ),
    ];
    for (const term of candidates) {
      const hasNegation = compileTerm(term).some((phrase) =>
        phrase.some((word) =>
          word.alternatives.some(
            (alternative) => isNegator(alternative.literal) || alternative.literal === UNABLE_TOKEN,
          ),
        ),
      );
      if (hasNegation) terms.add(term);
    }
  }
  negationTermsCache = [...terms];
  registerKnownWords(collectVocabularyWords());
  return negationTermsCache;
}

/** Every exact single word of the vocabulary (folded): such words in a message are never read as typos. */
function collectVocabularyWords(): Set<string> {
  const words = new Set<string>();
  const add = (term: string): void => {
    for (const phrase of compileTerm(term)) {
      for (const word of phrase) {
        for (const alternative of word.alternatives) {
          if (alternative.kind === 'exact' && alternative.short === undefined) words.add(alternative.literal);
        }
      }
    }
  };
  for (const definition of Object.values(TRIAGE_VOCABULARY)) {
    (definition.terms ?? []).forEach(add);
    (definition.near ?? []).forEach((near) =>
      near.all.filter((reference) => !reference.startsWith('@')).forEach(add),
    );
  }
  return words;
}

/** Removes figures of speech ("holdt på å dø av latter") so their words cannot fire a rule. */
function removeFigurativeSpeech(message: NormalizedMessage): {
  message: NormalizedMessage;
  removed: string[];
} {
  const masked = new Set<number>();
  const removed: string[] = [];
  for (const term of FIGURATIVE_PHRASES) {
    for (const match of matchPhrases(message.tokens, compileTerm(term))) {
      for (let index = match.start; index <= match.end; index += 1) masked.add(index);
      removed.push(message.text.slice(message.tokens[match.start]!.start, message.tokens[match.end]!.end));
    }
  }
  if (masked.size === 0) return { message, removed };
  const tokens: MessageToken[] = message.tokens
    .filter((token) => !masked.has(token.index))
    .map((token, index) => ({ ...token, index }));
  return { message: { ...message, tokens }, removed };
}

/**
 * Clauses that speak of a problem that is both in the past and over ("brystsmertene jeg hadde i fjor er
 * helt borte"). Recent or returning symptoms ("hadde vondt i morges, nå gått over", "er tilbake") are kept.
 */
function findHistoricalClauses(message: NormalizedMessage): Set<number> {
  const clausesOf = (concept: string): Set<number> =>
    new Set(
      (TRIAGE_VOCABULARY[concept]?.terms ?? []).flatMap((term) =>
        matchPhrases(message.tokens, compileTerm(term)).map((match) => message.tokens[match.start]!.clause),
      ),
    );
  const past = clausesOf('remote_past');
  return new Set([...clausesOf('resolved')].filter((clause) => past.has(clause)));
}

/** Finds the tightest combination of one positive hit per rule entry within the rule's window. */
function matchRule(rule: TriageRule, index: ConceptIndex): ConceptHit[] | undefined {
  const exceptions = (rule.unless ?? []).flatMap((concept) => [...index.positive(concept)]);
  const reachOfException = rule.unlessWindow ?? 8;
  const sentenceOf = (position: number): number => index.tokens[position]!.sentence;
  const excepted = (hit: ConceptHit): boolean =>
    exceptions.some(
      (exception) =>
        sentenceOf(exception.start) === sentenceOf(hit.start) &&
        exception.end >= hit.start - reachOfException &&
        exception.start <= hit.end + reachOfException,
    );
  const groups = rule.all.map((entry, position) => {
    const hits = entry.split('|').flatMap((concept) => [...index.positive(concept)]);
    return position === 0 ? hits.filter((hit) => !excepted(hit)) : hits;
  });
  if (groups.some((group) => group.length === 0)) return undefined;
  const window = rule.window ?? Number.POSITIVE_INFINITY;
  let best: ConceptHit[] | undefined;
  let bestSpan = Number.POSITIVE_INFINITY;
  const chosen: ConceptHit[] = [];
  let steps = 0;
  const search = (depth: number, start: number, end: number): void => {
    steps += 1;
    if (steps > 20_000 || end - start > window) return;
    if (depth === groups.length) {
      if (end - start < bestSpan) {
        bestSpan = end - start;
        best = [...chosen];
      }
      return;
    }
    for (const candidate of groups[depth]!) {
      chosen.push(candidate);
      search(depth + 1, Math.min(start, candidate.start), Math.max(end, candidate.end));
      chosen.pop();
    }
  };
  search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  if (best === undefined) return undefined;
  // quote every supporting hit near the chosen combination, not only the tightest one
  const start = Math.min(...best.map((hit) => hit.start));
  const end = Math.max(...best.map((hit) => hit.end));
  const reach = Math.min(window, 40);
  const supporting = groups.flat().filter((hit) => hit.start >= end - reach && hit.end <= start + reach);
  return [...best, ...supporting];
}

/** True when every hit of `inner` lies inside some hit of `outer`. */
function isCoveredBy(inner: readonly ConceptHit[], outer: readonly ConceptHit[]): boolean {
  return inner.every((hit) => outer.some((cover) => cover.start <= hit.start && cover.end >= hit.end));
}

/** The words of the message covered by the hits, in order, joined by " … ". */
function quoteHits(message: NormalizedMessage, hits: readonly ConceptHit[]): string {
  const spans = hits
    .map((hit) => ({ start: message.tokens[hit.start]!.start, end: message.tokens[hit.end]!.end }))
    .sort((first, second) => first.start - second.start || second.end - first.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((span) => message.text.slice(span.start, span.end)).join(' … ');
}

function describeSource(rule: TriageRule): string {
  const { source } = rule;
  return `${source.knowledge}; ${source.basis} (${source.version}) [${source.evidence}]`;
}

/** Decides the kind of handling; a clinical rule at `samme_dag` or above makes any request `klinisk`. */
function classifyCategory(
  index: ConceptIndex,
  fired: readonly FiredRule[],
): { category: TriageCategory; reason: string } {
  const has = (concept: string): boolean => index.positive(concept).length > 0;
  // a request is a request even when negated ("har ikke fått sykmeldingen")
  const mentions = (concept: string): boolean => index.all(concept).length > 0;
  const urgentClinical = fired.find(
    (entry) => entry.rule.clinical && URGENCY_RANK[entry.rule.urgency] >= URGENCY_RANK.samme_dag,
  );
  if (urgentClinical !== undefined) {
    const wrapped =
      mentions('sick_leave') ||
      mentions('prescription_renewal') ||
      mentions('admin_request') ||
      mentions('lab_result');
    return {
      category: 'klinisk',
      reason: wrapped
        ? 'Kategori klinisk: forespørselen skjuler et klinisk problem som setter hastegraden.'
        : 'Kategori klinisk: meldingen beskriver et klinisk problem.',
    };
  }
  if (mentions('sick_leave'))
    return { category: 'sykmelding', reason: 'Kategori sykmelding: meldingen gjelder sykmelding.' };
  if (mentions('prescription_renewal') || (mentions('renewal_verb') && !mentions('admin_request'))) {
    return { category: 'resept', reason: 'Kategori resept: fornyelse eller status for resept.' };
  }
  if (mentions('lab_result') || fired.some((entry) => entry.rule.topic === 'lab_result')) {
    return { category: 'prøvesvar', reason: 'Kategori prøvesvar: spørsmål om prøvesvar.' };
  }
  if (has('symptom'))
    return { category: 'klinisk', reason: 'Kategori klinisk: meldingen beskriver symptomer eller plager.' };
  if (mentions('prescription_word'))
    return { category: 'resept', reason: 'Kategori resept: forespørsel om legemiddel uten symptomer.' };
  if (mentions('admin_request'))
    return {
      category: 'administrativ',
      reason: 'Kategori administrativ: time, attest, journal eller lignende.',
    };
  if (has('clinical_request') || has('body_part')) {
    return { category: 'klinisk', reason: 'Kategori klinisk: ønsker vurdering eller henvisning.' };
  }
  return { category: 'administrativ', reason: 'Kategori administrativ: ingen kliniske opplysninger funnet.' };
}

/**
 * The level when no red-flag rule decides it: a clinical complaint is seen within a week, unless it is
 * long-standing without worsening or a mild self-limiting problem (norwegian-domain.md §3.3 GRØNN).
 */
function decideBaseline(
  index: ConceptIndex,
  category: TriageCategory,
): { urgency: TriageUrgency; reason: string } {
  const has = (concept: string): boolean => index.positive(concept).length > 0;
  if (category !== 'klinisk') {
    return { urgency: 'rutine', reason: 'Ingen røde flagg; administrativ håndtering (§3.3 GRØNN).' };
  }
  if (!has('symptom')) {
    return { urgency: 'rutine', reason: 'Ingen symptomer eller røde flagg beskrevet (§3.3 GRØNN).' };
  }
  const recent = has('duration_short_feature') || has('onset_very_recent');
  const changing = has('worsening') || has('new_problem') || has('sudden');
  if (has('duration_chronic') && !recent && !changing) {
    return {
      urgency: 'rutine',
      reason:
        'Langvarige plager uten tegn til forverring og uten røde flagg → vanlig time (norwegian-domain.md §3.3 GRØNN) [P].',
    };
  }
  const minor = index.positive('minor_condition');
  const onlyMinor =
    minor.length > 0 &&
    index
      .positive('symptom')
      .every((hit) => minor.some((cover) => cover.start <= hit.end && cover.end >= hit.start));
  if (onlyMinor) {
    return {
      urgency: 'rutine',
      reason: 'Lett eller kosmetisk plage uten røde flagg → rutine (norwegian-domain.md §3.3 GRØNN) [P].',
    };
  }
  const feverNegated = index.all('fever').some((hit) => hit.negated) && !has('fever');
  if (
    has('mild_respiratory') &&
    !has('fever') &&
    (feverNegated || has('good_form')) &&
    !has('duration_weeks_plus_feature') &&
    !has('worsening')
  ) {
    return {
      urgency: 'rutine',
      reason:
        'Lett luftveisinfeksjon uten feber i god allmenntilstand → rutine (norwegian-domain.md §3.3 GRØNN) [P].',
    };
  }
  if (
    has('uti_symptoms') &&
    !has('fever') &&
    !has('rigors') &&
    !has('pregnancy') &&
    !has('flank_pain') &&
    !has('child')
  ) {
    return {
      urgency: 'rutine',
      reason:
        'Ukomplisert cystitt hos ikke-gravid uten feber kan håndteres via e-konsultasjon (norwegian-domain.md §3.3; antibiotikaretningslinjen) [V].',
    };
  }
  return {
    urgency: 'innen_uke',
    reason: 'Kliniske plager uten røde flagg → vurdering innen en uke [GK].',
  };
}

/**
 * Triages one patient message with deterministic red-flag rules (a floor no text can lower).
 * Returns urgency, category, red flags with the words that triggered them, reasons with sources,
 * a suggested reply in the patient's language and whether the message tried to steer the triage.
 */
export function triageMessage(text: string, options: TriageMessageOptions = {}): TriageResult {
  if (typeof text !== 'string') throw new AppError('invalid_input', 'Meldingen må være tekst');
  const language = options.language ?? detectLanguage(text);
  const normalized = normalizeMessage(text, language);
  const { message, removed } = removeFigurativeSpeech(normalized);
  const features = extractMessageFeatures(message);
  const index = createConceptIndex({
    message,
    vocabulary: TRIAGE_VOCABULARY,
    features,
    negationTerms: listNegationTerms(),
    historicalClauses: findHistoricalClauses(message),
  });

  const fired: FiredRule[] = [];
  for (const rule of TRIAGE_RULES) {
    const hits = matchRule(rule, index);
    if (hits !== undefined) fired.push({ rule, hits });
  }
  fired.sort((first, second) => compareUrgency(second.rule.urgency, first.rule.urgency));

  const injectionHits = index.positive(INJECTION_RULE.concept);
  const injectionAttempt = injectionHits.length > 0;
  const { category, reason: categoryReason } = classifyCategory(index, fired);
  const baseline = decideBaseline(index, category);
  const ruleUrgency = fired.reduce<TriageUrgency>(
    (level, entry) => maxUrgency(level, entry.rule.urgency),
    'rutine',
  );
  const urgency = maxUrgency(ruleUrgency, baseline.urgency);

  // a less urgent rule whose words are all part of a more urgent flag adds nothing for the doctor
  const shown = fired.filter(
    (entry, position) =>
      !fired.some(
        (other, otherPosition) =>
          otherPosition < position &&
          compareUrgency(other.rule.urgency, entry.rule.urgency) > 0 &&
          isCoveredBy(entry.hits, other.hits),
      ),
  );
  const redFlags: TriageRedFlag[] = shown.map((entry) => ({
    text: quoteHits(message, entry.hits),
    rule: entry.rule.id,
    description: entry.rule.description.nb,
    urgency: entry.rule.urgency,
  }));
  if (injectionAttempt) {
    redFlags.push({
      text: quoteHits(message, injectionHits),
      rule: INJECTION_RULE.id,
      description: INJECTION_RULE.description.nb,
      urgency: 'rutine',
    });
  }

  const reasons: string[] = fired.map(
    (entry) =>
      `${URGENCY_LABEL[entry.rule.urgency]} – ${entry.rule.description.nb} («${quoteHits(message, entry.hits)}»). Kilde: ${describeSource(entry.rule)}.`,
  );
  if (fired.length === 0) reasons.push('Ingen regler for røde flagg slo til.');
  if (compareUrgency(baseline.urgency, ruleUrgency) > 0 || fired.length === 0) reasons.push(baseline.reason);
  reasons.push(categoryReason);
  const negatedQuotes = new Set<string>();
  for (const concept of NEGATION_REPORT_CONCEPTS) {
    for (const hit of index.all(concept)) {
      if (hit.negated) negatedQuotes.add(quoteHits(message, [hit]));
    }
  }
  if (negatedQuotes.size > 0) {
    reasons.push(
      `Nektet i meldingen, utløser ikke regler: ${[...negatedQuotes].map((quote) => `«${quote}»`).join(', ')}.`,
    );
  }
  if (removed.length > 0) {
    reasons.push(`Talemåte, ikke et symptom: ${removed.map((quote) => `«${quote}»`).join(', ')}.`);
  }
  if (injectionAttempt) {
    reasons.push(
      `Meldingen inneholder en instruksjon rettet mot triagen («${quoteHits(message, injectionHits)}»). Den er ignorert og kan ikke senke hastegraden; vurder meldingen manuelt.`,
    );
  }

  const topics = new Set<TriageReplyTopic>(
    fired.flatMap((entry) => (entry.rule.topic === undefined ? [] : [entry.rule.topic])),
  );
  return {
    urgency,
    category,
    redFlags,
    reasons,
    reply: composeTriageReply({ urgency, category, language, topics }),
    injectionAttempt,
    language,
    rulesVersion: TRIAGE_RULES_VERSION,
  };
}

/**
 * Combines the rule result with a model's suggestion. The rules are a floor: the result takes the more
 * urgent level, so a model may raise the urgency but never lower it. An invalid suggestion is ignored.
 */
export function combineTriage(
  ruleResult: TriageResult,
  modelSuggestion?: TriageModelSuggestion,
): TriageResult {
  if (modelSuggestion === undefined) return ruleResult;
  const parsed = TriageModelSuggestionSchema.safeParse(modelSuggestion);
  if (!parsed.success) {
    return {
      ...ruleResult,
      reasons: [...ruleResult.reasons, 'Modellens forslag hadde ugyldig format og ble ikke brukt.'],
    };
  }
  const suggestion = parsed.data;
  const modelReasons = (suggestion.reasons ?? []).map((reason) => `Modell: ${reason}`);
  if (compareUrgency(suggestion.urgency, ruleResult.urgency) <= 0) {
    const note =
      compareUrgency(suggestion.urgency, ruleResult.urgency) < 0
        ? [
            `Modellen foreslo ${suggestion.urgency}, lavere enn regelgulvet ${ruleResult.urgency}; regelgulvet gjelder.`,
          ]
        : [];
    return { ...ruleResult, reasons: [...ruleResult.reasons, ...note, ...modelReasons] };
  }
  const urgency = suggestion.urgency;
  const category: TriageCategory =
    suggestion.category === 'klinisk' && compareUrgency(urgency, 'samme_dag') >= 0
      ? 'klinisk'
      : ruleResult.category;
  const topics = new Set<TriageReplyTopic>(
    ruleResult.redFlags.flatMap((flag) => {
      const topic = TRIAGE_RULES.find((rule) => rule.id === flag.rule)?.topic;
      return topic === undefined ? [] : [topic];
    }),
  );
  return {
    ...ruleResult,
    urgency,
    category,
    reasons: [
      ...ruleResult.reasons,
      `Modellen hevet hastegraden fra ${ruleResult.urgency} til ${urgency}.`,
      ...modelReasons,
    ],
    reply: composeTriageReply({ urgency, category, language: ruleResult.language, topics }),
  };
}
