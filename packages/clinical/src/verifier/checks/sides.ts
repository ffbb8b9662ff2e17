/**
 * Laterality: the side a statement claims against the side the transcript gives the same finding (corrections, both
 * sides examined in turn, an implied other side).
 */
import { matchPositions, unitMatches, coverage } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { isBodySite, SIDE_WORDS, INFLECTION, flag } from './clause';
import type { Side } from '../lexicon-types';
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';
import { isNormalWord } from './words';

function nearestSide(unit: TranscriptUnit, clause: Clause, index: TranscriptIndex): Side[] {
  if (unit.sides.length === 0) return [];
  // For a finding, a side described as normal nearby ("… krepitasjoner basalt venstre side er fin") is not its side;
  // for a normal finding ("Left knee exam is normal"), it is ("edema of your right knee, but your left knee looks
  // fine").
  const compiled = index.compiled;
  // A denial ("No masses on the right") agrees with a side described as normal as much as a normal finding does.
  const normalClaim =
    clause.content.some((token) => isNormalWord(token, compiled)) ||
    clause.alignment.some((token) => clause.negated.has(token));
  // Read on past the end of a window of a long unpunctuated turn ("… basalt venstre | side er fin").
  const described = (position: number): boolean => {
    const at = position + unit.contextOffset;
    return unit.contextTokens.slice(at + 1, at + 5).some((token) => isNormalWord(token, compiled));
  };
  const findingSides = unit.sides.filter((mention) => described(mention.position) === normalClaim);
  if (findingSides.length > 0 && findingSides.length < unit.sides.length)
    return nearestOf({ ...unit, sides: findingSides }, clause, index);
  return nearestOf(unit, clause, index);
}
function nearestOf(unit: TranscriptUnit, clause: Clause, index: TranscriptIndex): Side[] {
  // Nearest to the finding ("tenderness over the medial right knee and the left knee is normal"), else to any word.
  const compiled = index.compiled;
  // A side word is no finding ("lateralt" matching "bilateral" in "lik på begge sider").
  const sidePositions = new Set(unit.sides.map((mention) => mention.position));
  const findingPositions = clause.alignment
    .filter((token) => !isBodySite(token, compiled))
    .flatMap((token) => matchPositions(token, unit, index))
    .filter((position) => !sidePositions.has(position));
  const positions =
    findingPositions.length > 0
      ? findingPositions
      : clause.alignment.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return [...new Set(unit.sides.map((mention) => mention.side))];
  let best = Number.POSITIVE_INFINITY;
  const sides = new Set<Side>();
  for (const mention of unit.sides) {
    const distance = Math.min(...positions.map((position) => Math.abs(position - mention.position)));
    if (distance < best) {
      best = distance;
      sides.clear();
      sides.add(mention.side);
    } else if (distance === best) sides.add(mention.side);
  }
  // Sides joined in one phrase ("the left knee and the right knee ache", "både høyre og venstre kne") share the
  // finding: the nearest one's partner is the finding's side too.
  for (const mention of unit.sides)
    if (sides.has(mention.side))
      for (const partner of joinedSides(unit, mention.position, index)) sides.add(partner);
  return [...sides];
}
const SIDE_JOIN = /^(?:and|or|og|eller|&)$/;
const SIDE_JOIN_FILLER =
  /^(?:the|my|your|his|her|its|both|side|sides|min|mitt|mine|din|ditt|dine|det|den|både|begge|sider)$/;
/**
 * The other sides joined to a side mention by "and"/"or" with nothing but body sites, determiners and side words
 * between them ("left knee and the right knee", "høyre og venstre kne"); none across a sentence end or another word.
 */
function joinedSides(unit: TranscriptUnit, position: number, index: TranscriptIndex): Side[] {
  const joined: Side[] = [];
  for (const other of unit.sides) {
    if (other.position === position || Math.abs(other.position - position) > 6) continue;
    const [from, to] = other.position > position ? [position, other.position] : [other.position, position];
    const between = unit.tokens.slice(from + 1, to);
    const joins = between.some((token) => SIDE_JOIN.test(token.surface));
    const plain = between.every(
      (token) =>
        token.punctuation === undefined &&
        (SIDE_JOIN.test(token.surface) ||
          SIDE_JOIN_FILLER.test(token.surface) ||
          SIDE_WORDS.test(token.surface) ||
          isBodySite(token, index.compiled)),
    );
    if (joins && plain) joined.push(other.side);
  }
  return joined;
}
function sideAgrees(claimed: Side, found: readonly Side[]): boolean {
  if (found.includes(claimed)) return true;
  return claimed === 'bilateral' && found.includes('right') && found.includes('left');
}
const COMPARISON_WORD =
  /^(?:sammenligner|sammenligne|sammenlignet|sammenlignes|sammenligning|enn|compared|compare|comparing|comparison|versus|vs|than)$/;
/**
 * The side mentions of a unit that can be the clause's side: not a relative's ("pappa fikk nytt høyre kne"), not
 * the side compared with ("jeg sammenligner med høyre kne", "compared to the left"), and not a side that qualifies
 * another body site than the clause's ("flexion of that left wrist" for the elbow): a side belongs to its noun.
 */
function ownSideMentions(unit: TranscriptUnit, clause: Clause, context: CheckContext): TranscriptUnit {
  if (unit.sides.length === 0) return unit;
  const { index } = context;
  const compiled = index.compiled;
  const sites = clause.alignment.filter((token) => isBodySite(token, compiled));
  const sitePositions = new Set(sites.flatMap((token) => matchPositions(token, unit, index)));
  const qualifiesOtherSite = (position: number): boolean => {
    for (let ahead = position + 1; ahead <= position + 2; ahead += 1) {
      const token = unit.tokens[ahead];
      if (!token || token.punctuation !== undefined) return false;
      // Only where the clause's own body site is said too ("… left wrist … x-ray of your elbow"): body sites nest.
      if (isBodySite(token, compiled) && !SIDE_WORDS.test(token.surface))
        return sitePositions.size > 0 && !sitePositions.has(ahead);
    }
    return false;
  };
  const compared = (position: number): boolean =>
    unit.tokens
      .slice(Math.max(0, position - 3), position)
      .some((token) => COMPARISON_WORD.test(token.surface));
  // "My other ankle" implies the side of the ankle only: a side implied for another body site than the clause's
  // says nothing of the clause's side ("left foot pain" against "my other ankle too is sore" after "right foot").
  const impliedForOtherSite = (mention: { position: number; inferred?: boolean }): boolean => {
    if (!mention.inferred || sites.length === 0) return false;
    const next = unit.tokens[mention.position + 1];
    return (
      next !== undefined &&
      !/^(?:side|sided|sides)$/.test(next.surface) &&
      !sitePositions.has(mention.position + 1)
    );
  };
  const sides = unit.sides.filter(
    (mention) =>
      !impliedForOtherSite(mention) &&
      (unit.subjects[mention.position] === 'relative') === context.mentionsRelative &&
      !compared(mention.position) &&
      !qualifiesOtherSite(mention.position) &&
      !alsoSide(unit, mention.position) &&
      !repairedSide(unit, mention, index),
  );
  return sides.length === unit.sides.length ? unit : { ...unit, sides };
}
/** "… consistent with your left side as well": the other side has the finding too, it is no side of its own. */
function alsoSide(unit: TranscriptUnit, position: number): boolean {
  const after = unit.contextTokens
    .slice(position + unit.contextOffset + 1, position + unit.contextOffset + 4)
    .map((token) => token.surface);
  const start = after[0] === 'side' || after[0] === 'sides' ? 1 : 0;
  return (after[start] === 'as' && after[start + 1] === 'well') || after[start] === 'too';
}
const REPAIR_WORD = /^(?:sorry|mean|rather|correction|unnskyld|altså|nei)$/;
const JOINING_WORD = /^(?:and|or|than|versus|vs|both|og|eller|enn|begge)$/;
/**
 * A side the speaker corrects at once ("for left leg pain . right leg pain", "the outside of your left of your right
 * knee sorry"): the other side follows within a few words, with the same word after it past a sentence end or a word
 * of repair, and nothing joins the two. (The transcript index withdraws such sides too, `dropRestatedSides`; this
 * check also sees repairs inside long windows.)
 */
function repairedSide(
  unit: TranscriptUnit,
  mention: { side: Side; position: number },
  index: TranscriptIndex,
): boolean {
  if (mention.side === 'bilateral') return false;
  const next = index.units[unit.index + 1];
  const following =
    next && next.segmentIndex === unit.segmentIndex && next.contextOffset === 0 ? next : undefined;
  const sequence: Array<{ surface: string; side?: Side }> = [
    ...unit.tokens.map((token, position) => ({
      surface: token.surface,
      side: unit.sides.find((other) => other.position === position && !other.inferred)?.side,
    })),
    ...(following?.tokens ?? []).map((token, position) => ({
      surface: token.surface,
      side: following?.sides.find((other) => other.position === position && !other.inferred)?.side,
    })),
  ];
  const word = sequence[mention.position + 1]?.surface;
  for (
    let ahead = mention.position + 1;
    ahead <= mention.position + 7 && ahead < sequence.length;
    ahead += 1
  ) {
    const entry = sequence[ahead];
    if (!entry || JOINING_WORD.test(entry.surface)) return false;
    if (entry.side === undefined || entry.side === mention.side || entry.side === 'bilateral') continue;
    // The same word again after a sentence end ("left leg pain . right leg pain"); "the left elbow, right elbow" is a
    // list.
    const sentenceEnd =
      ahead >= unit.tokens.length ||
      sequence.slice(mention.position + 1, ahead).some((other) => /^[.?!]$/.test(other.surface));
    const sameWord = word !== undefined && sequence[ahead + 1]?.surface === word && sentenceEnd;
    const repair = sequence
      .slice(mention.position + 1, ahead + 4)
      .some((other) => REPAIR_WORD.test(other.surface));
    return sameWord || repair;
  }
  return false;
}
/** The side last named within four turns before units that name none themselves, if they agree on one. */
function turnedTo(units: readonly TranscriptUnit[], clause: Clause, context: CheckContext): Side | undefined {
  const { index } = context;
  const found = new Set<Side>();
  for (const unit of units) {
    if (unit.sides.length > 0) return undefined;
    for (let back = unit.index - 1; back >= 0; back -= 1) {
      const before = index.units[back];
      if (!before || before.segmentIndex < unit.segmentIndex - 4) break;
      const own = ownSideMentions(before, clause, context);
      const last = own.sides[own.sides.length - 1];
      if (last) {
        found.add(last.side);
        break;
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
/**
 * The side named with the clause's body site just before the sentences that say its finding without a side ("well i
 * had surgery on my right knee before" – "… they reconstructed the whole thing i was fourteen"): the talk is still on
 * that knee, whatever side it gives the knee elsewhere. The nearest earlier unit naming a side of the patient, within
 * four turns, must name one side and name it next to the clause's body site; all the finding's sentences agree.
 */
function sideTurnedToSite(
  units: readonly TranscriptUnit[],
  sited: ReadonlyArray<{ unit: TranscriptUnit; sides: Side[] }>,
  clause: Clause,
  context: CheckContext,
): Side | undefined {
  const { index } = context;
  const found = new Set<Side>();
  for (const unit of units) {
    if (unit.sides.length > 0) return undefined;
    let side: Side | undefined;
    for (let back = unit.index - 1; back >= 0; back -= 1) {
      const before = index.units[back];
      if (!before || before.segmentIndex < unit.segmentIndex - 4) return undefined;
      if (ownSideMentions(before, clause, context).sides.length === 0) continue;
      const entry = sited.find((other) => other.unit.index === before.index);
      if (!entry || entry.sides.length !== 1) return undefined;
      side = entry.sides[0];
      break;
    }
    if (!side) return undefined;
    found.add(side);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
/**
 * Both sides examined in turn, the findings said without a side ("how about the left elbow …" – "a little limited
 * range of motion on extension"): the side named with the body site last before the sentence that says the clause's
 * finding best is its side, where a sentence said after the other side says it too, clearly less well.
 */
function sideOfBestFinding(
  clause: Clause,
  adjacent: ReadonlyArray<{ unit: TranscriptUnit; sides: Side[] }>,
): { side: Side; unit: TranscriptUnit } | undefined {
  const turnedSide = (unit: TranscriptUnit): Side | undefined => {
    const before = adjacent.filter(
      (entry) => entry.unit.index < unit.index && entry.unit.segmentIndex >= unit.segmentIndex - 10,
    );
    const last = before[before.length - 1];
    return last && last.sides.length === 1 ? last.sides[0] : undefined;
  };
  const [lead, ...rest] = clause.top;
  if (!lead || lead.unit.sides.length > 0) return undefined;
  const side = turnedSide(lead.unit);
  if (!side) return undefined;
  // The finding said of the other side too, in its own turn: the better match decides.
  const rivals = rest.filter((entry) => {
    const rivalSide = entry.unit.sides.length > 0 ? undefined : turnedSide(entry.unit);
    return rivalSide !== undefined && rivalSide !== side;
  });
  if (rivals.length === 0 || rivals.some((entry) => entry.score >= lead.score * 0.95)) return undefined;
  return { side, unit: lead.unit };
}
/** A side only implied ("my other ankle") supports the claimed side; it is no evidence against it. */
function withoutImpliedOther(unit: TranscriptUnit, claimed: Side): TranscriptUnit {
  const sides = unit.sides.filter((mention) => !mention.inferred || mention.side === claimed);
  return sides.length === unit.sides.length ? unit : { ...unit, sides };
}
/**
 * A clause that tells of two sides in turn ("the pain started on the right side and moved over, now he feels it on the
 * left side") against the sentence that says it best with as many side words: the note names each side as often as
 * the talk does. A side named more often than there ("started on the right … feels it on the right" against "started
 * from the right side … now i feel it in the left side") was written for the other one. Only sides of the sentence
 * itself count (not a relative's, a compared or a corrected one), and only where that sentence says the clause well.
 */
function sideCountConflict(
  claimed: Side,
  clause: Clause,
  context: CheckContext,
): { found: Side; unit: TranscriptUnit } | undefined {
  const named = clause.sides.filter((mention) => mention.side !== 'bilateral');
  if (named.length < 2) return undefined;
  const lead = clause.top[0]?.unit;
  if (!lead || coverage(clause.content, lead, context.index) < 0.5) return undefined;
  const said = ownSideMentions(lead, clause, context).sides.filter(
    (mention) => mention.side !== 'bilateral' && !mention.inferred,
  );
  if (said.length !== named.length) return undefined;
  const count = (mentions: ReadonlyArray<{ side: Side }>, side: Side): number =>
    mentions.filter((mention) => mention.side === side).length;
  const other: Side = claimed === 'right' ? 'left' : 'right';
  return count(named, claimed) > count(said, claimed) ? { found: other, unit: lead } : undefined;
}
export function checkSide(
  claimed: Side,
  clause: Clause,
  clauses: readonly Clause[],
  context: CheckContext,
): Issue | undefined {
  const { index, language } = context;
  // "Both sides" of paired organs is often left unsaid ("lungs are clear") and summarises findings: not checked.
  if (claimed === 'bilateral') return undefined;
  const compiled = index.compiled;
  const other: Side = claimed === 'right' ? 'left' : 'right';
  const best = clause.top[0]?.score ?? 0;
  const recounted = sideCountConflict(claimed, clause, context);
  if (recounted) {
    return flag(
      'side',
      'contradicted',
      REASONS.sideConflict(claimed, recounted.found, [recounted.unit.segmentId], language),
      true,
    );
  }
  const findings = clause.content.filter((token) => !isBodySite(token, compiled));
  // "Høyre legg ser helt normal ut" says nothing for a finding on the right ("Erysipelas h. legg").
  const clauseNormal = clause.content.some((token) => isNormalWord(token, compiled));
  const normalSide = (unit: TranscriptUnit): boolean =>
    !clauseNormal &&
    unit.sides.length > 0 &&
    unit.sides.every((mention) =>
      unit.tokens.some(
        (token, position) => isNormalWord(token, compiled) && Math.abs(position - mention.position) <= 4,
      ),
    );
  // A clause that names both sides ("4/5 on the right and 5/5 on the left", "less on the left than the right")
  // needs its side said, not nearest.
  const bothNamed = clause.sides.some((mention) => mention.side === other);
  const describe = (
    units: readonly TranscriptUnit[],
  ): Array<{ unit: TranscriptUnit; sides: Side[]; finding: boolean }> =>
    units
      .map((unit) => ownSideMentions(unit, clause, context))
      .map((unit) => withoutImpliedOther(unit, claimed))
      .filter((unit) => !normalSide(unit))
      .map((unit) => ({
        unit,
        sides: bothNamed
          ? [...new Set(unit.sides.map((mention) => mention.side))]
          : nearestSide(unit, clause, index),
        // Does the unit say the clause's finding, not only the body site ("Høyre legg ser normal ut")? A normal
        // finding is said with its normal word ("… but your left knee looks fine"), not only "exam".
        finding:
          findings.length === 0 ||
          (clauseNormal ? findings.filter((token) => isNormalWord(token, compiled)) : findings).some(
            (token) => unitMatches(token, unit, index),
          ),
      }))
      .filter((entry) => entry.sides.length > 0);
  // A side written right next to one of the clause's body sites ("det var venstre kne").
  const bodySites = clause.alignment.filter((token) => isBodySite(token, compiled));
  // Body sites the clause writes inside a term ("back" of "back pain", read as one word).
  const siteOf = (word: string): string | undefined =>
    compiled.bodySites.find(
      (site) => site !== 'side' && word.startsWith(site) && INFLECTION.test(word.slice(site.length)),
    );
  const writtenSites = new Set(
    foldText(clause.text)
      .split(/[^\p{L}]+/u)
      .map(siteOf)
      .filter((site): site is string => site !== undefined),
  );
  const sitedSides = index.units
    .map((unit) => ownSideMentions(unit, clause, context))
    .map((unit) => withoutImpliedOther(unit, claimed))
    .filter((unit) => unit.sides.length > 0 && !normalSide(unit))
    .map((unit) => {
      const written = unit.tokens.flatMap((token, position) => {
        const site = siteOf(token.surface);
        return site !== undefined && writtenSites.has(site) ? [position] : [];
      });
      const sites = [...bodySites.flatMap((token) => matchPositions(token, unit, index)), ...written];
      const sides = unit.sides
        .filter((mention) => sites.some((site) => Math.abs(site - mention.position) <= 2))
        .map((mention) => mention.side);
      return { unit, sides: [...new Set(sides)], finding: true };
    })
    .filter((entry) => entry.sides.length > 0);
  // A side named in a supposition ("how about the left knee, if I press here") still says which side is examined.
  const examinedSide = sideOfBestFinding(clause, sitedSides);
  const adjacent = sitedSides.filter((entry) => !entry.unit.hypothetical);
  const continuation = (units: readonly TranscriptUnit[]): TranscriptUnit[] =>
    units.flatMap((unit) =>
      [unit, index.units[unit.index + 1]].filter(
        (other): other is TranscriptUnit => other !== undefined && other.segmentIndex === unit.segmentIndex,
      ),
    );
  const topUnits = clause.top.filter((entry) => entry.score >= best * 0.75).map((entry) => entry.unit);
  const turnedSite = sideTurnedToSite(topUnits, adjacent, clause, context);
  const tiers = [
    // The units holding the clause's own values ("38,2 i øret. I det venstre øret.").
    describe(continuation(clause.anchors)),
    describe(clause.top.filter((entry) => entry.score >= best * 0.75).map((entry) => entry.unit)),
    describe(clause.window),
    describe(
      index.units.filter(
        (unit) =>
          unit.sides.length > 0 && clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5,
      ),
    ),
    // The rest of the statement's best units ("Lumbago-isjias v. side, … S1-affeksjon").
    describe(
      clauses.filter((other) => other !== clause).flatMap((other) => other.top.map((entry) => entry.unit)),
    ),
    adjacent,
  ];
  // The closest tier that names a side with the finding decides; one that names it only with the body site next.
  for (const tier of tiers) {
    for (const entries of [tier.filter((entry) => entry.finding), tier.filter((entry) => !entry.finding)]) {
      if (entries.length === 0) continue;
      // A normal finding on both sides ("sensation … matches bilaterally") is normal on each.
      const agreeing = entries.filter(
        (entry) => sideAgrees(claimed, entry.sides) || (clauseNormal && entry.sides.includes('bilateral')),
      ).length;
      // Where the side is only said next to the body site anywhere, the side the conversation gives it by a clear
      // majority decides ("det var venstre kne", "venstre kne: lett hevelse" … against one "høyre kne bøyer til 140").
      const outvoted =
        tier === adjacent &&
        entries.filter((entry) => entry.sides.includes(other) && !entry.sides.includes(claimed)).length >=
          Math.max(3, agreeing * 3);
      if (tier === adjacent && examinedSide?.side === claimed) return undefined;
      if (tier === adjacent && examinedSide?.side === other) {
        return flag(
          'side',
          'contradicted',
          REASONS.sideConflict(claimed, other, [examinedSide.unit.segmentId], language),
          true,
        );
      }
      // The side the talk turned to just before the finding's sentences, where the talk does not give the body site the
      // claimed side more often ("… left foot" throughout, one "your right foot pain" before "most likely surgery").
      const sidedAlone = (side: Side): number =>
        entries.filter(
          (entry) => entry.sides.includes(side) && !entry.sides.includes(side === claimed ? other : claimed),
        ).length;
      if (
        tier === adjacent &&
        agreeing > 0 &&
        !outvoted &&
        turnedSite === other &&
        sidedAlone(claimed) <= sidedAlone(other)
      ) {
        return flag(
          'side',
          'contradicted',
          REASONS.sideConflict(claimed, other, [topUnits[0]?.segmentId ?? ''], language),
          true,
        );
      }
      if (agreeing > 0 && !outvoted) return undefined;
      // Found only next to the body site elsewhere, while the sentences saying the finding name no side: the side the
      // talk turned to just before them is theirs ("how about the left elbow …" – "a little pain on flexion …").
      if (tier === adjacent && turnedTo(topUnits, clause, context) === claimed) return undefined;
      const first = outvoted ? entries.find((entry) => entry.sides.includes(other)) : entries[0];
      const found = outvoted ? other : first?.sides[0];
      if (first && found) {
        return flag(
          'side',
          'contradicted',
          REASONS.sideConflict(claimed, found, [first.unit.segmentId], language),
          true,
        );
      }
    }
  }
  // A consultation that speaks of one side only ("right wrist" throughout): the note's findings on that side are an
  // inference; a side never said stays unsupported.
  const saidSides = new Set(
    index.units
      .filter((unit) => !unit.hypothetical)
      .flatMap((unit) => unit.sides.map((mention) => mention.side)),
  );
  if (saidSides.has(claimed) && !saidSides.has(claimed === 'right' ? 'left' : 'right')) return undefined;
  return flag('side', 'unsupported', REASONS.sideMissing(claimed, language), true);
}
