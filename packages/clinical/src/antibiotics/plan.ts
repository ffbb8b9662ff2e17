import { isNegatedAt, type Clause } from './clauses';
import { findDrugMentions, parseDecimal, wordStartRegExp } from './spoken-text';
import type { DoctorPlan } from './types';

/**
 * The doctor's antibiotic plan as said in the consultation: the prescribed drug with dose, doses a day and
 * course length; "no antibiotics"; or a delayed ("vent-og-se") prescription. Only the doctor's own sentences
 * count; history ("da fikk jeg Selexid") and conditionals ("hvis det ikke går over, kan det bli aktuelt med
 * penicillin") are not prescriptions.
 */

const PRESCRIBE_CUE = wordStartRegExp(
  'skriver (?:jeg )?ut|skrive ut|e-resept|resept (?:på|til)|får (?:du|hun|han|dere)|(?:du|hun|han|dere) får|gir (?:vi|jeg) (?:deg|henne|ham|han|hun)|gi (?:deg|henne|ham)|starter (?:vi |du |jeg )?(?:med|på|opp)|starte (?:med|på)|bruker vi|vi bruker|behandler (?:vi |jeg )?(?:det |deg |henne |ham )?(?:hjemme |lokalt )?med|smør(?:e|er)? (?:dere |du |det |han |hun )?(?:inn )?med|behandles med|behandle (?:det |deg )?med|(?:du|han|hun|dere) skal (?:ha|ta|få|bruke)|skal (?:han|hun|du) (?:ha|ta|få)|forskriver|foreskriver|mener jeg at|blir det|da tar vi|sender jeg|foreslår (?:at du (?:tar|får|bruker) )?|legger (?:inn|ut)|resept|kur (?:med|på)|anbefaler (?:at du (?:tar|får|bruker) )?|velger (?:vi|jeg)|ta (?:en )?kur',
);
const NEGATIVE_PLAN = wordStartRegExp(
  'ikke (?:nødvendig|aktuelt|behov|riktig|indisert|anbefalt)|vil ikke hjelpe|hjelper ikke|virker ikke|trenger (?:ikke|ingen)|trengs ikke|ingen antibiotika|uten antibiotika|anbefaler ikke|gjør (?:deg |henne |ham |dere )?ikke|bruker (?:vi )?helst ikke|bruker (?:vi )?ikke|ikke (?:gi|skrive ut|starte)|best å behandle lokalt|behandle (?:det )?lokalt|vente(?:r)? med antibiotika|avvente antibiotika|ikke antibiotika|ikke penicillin|ingen (?:effekt|nytte)|ikke (?:noen )?effekt|ikke behov',
);
const DELAYED = wordStartRegExp(
  'vent[- ]og[- ]se[- ]?resept|utsatt resept|(?:hente|hent|bruke|ta ut|starte på|start|begynne på) (?:ut )?(?:den|resepten|kuren|tablettene|medisinen)? ?(?:bare )?(?:hvis|om|dersom) (?:du|hun|han|det) ikke|ligger (?:klar )?på apoteket (?:hvis|om|dersom)|resept (?:som )?(?:du|dere) kan hente|vent(?:e)? med å (?:hente|starte|ta|begynne)|(?:hvis|om|dersom) [^.]{0,60}(?:hente|hent|ta ut|starte på|begynne på) (?:ut )?(?:den|resepten|kuren|tablettene|penicillin|antibiotika)',
);
const GENERIC_ANTIBIOTIC = wordStartRegExp('antibiotika|antibiotikakur|antibiotikum|penicillinkur');
const GENERIC_PENICILLIN = wordStartRegExp('penicillin');
const LOCAL_TREATMENT = wordStartRegExp(
  'hydrogenperoksid|microcid|fucidin|fusidin|bacimycin|klorheksidin|antiseptisk krem|antibiotisk krem',
);
const HISTORY_CUE = wordStartRegExp(
  'sist|før|tidligere|i fjor|forrige gang|virket|hjalp|fikk du|har fått|har brukt',
);

interface DrugOccurrence {
  clause: Clause;
  index: number;
  length: number;
  /** FEST substance and ATC, or undefined for "antibiotika". */
  substance?: string;
  atc?: string;
  local: boolean;
}

/** Trimethoprim-sulfamethoxazole as said: "trimetoprim-sulfa", "sulfametoksazol og trimetoprim", "kotrimoksazol". */
const TRIMETHOPRIM_SULFA = wordStartRegExp(
  'trimetoprim[- ](?:og |med )?sulfa\\w*|sulfa\\w*[- ](?:og |med )?trimetoprim|ko-?trimoksazol|co-?trimoxazol',
  'giu',
);

function occurrencesIn(clause: Clause): DrugOccurrence[] {
  const found: DrugOccurrence[] = [];
  const lower = clause.text;
  let combination: RegExpExecArray | null;
  TRIMETHOPRIM_SULFA.lastIndex = 0;
  while ((combination = TRIMETHOPRIM_SULFA.exec(lower)) !== null) {
    found.push({
      clause,
      index: combination.index,
      length: combination[0].length,
      substance: 'Sulfametoksazol og trimetoprim',
      atc: 'J01EE01',
      local: false,
    });
  }
  const insideCombination = (start: number): boolean =>
    found.some((occurrence) => start >= occurrence.index && start < occurrence.index + occurrence.length);
  for (const mention of findDrugMentions(clause.original)) {
    if (insideCombination(mention.start)) continue;
    const atc = mention.drug.atc;
    if (atc.startsWith('J01')) {
      found.push({
        clause,
        index: mention.start,
        length: mention.end - mention.start,
        substance: mention.drug.substance,
        atc,
        local: false,
      });
    } else if (atc.startsWith('D06') || atc.startsWith('D08') || atc === 'S01AA13') {
      found.push({
        clause,
        index: mention.start,
        length: mention.end - mention.start,
        substance: mention.drug.substance,
        atc,
        local: true,
      });
    }
  }
  const covered = (index: number): boolean =>
    found.some(
      (occurrence) => index >= occurrence.index && index < occurrence.index + Math.max(occurrence.length, 1),
    );
  for (const pattern of [GENERIC_PENICILLIN, GENERIC_ANTIBIOTIC, LOCAL_TREATMENT]) {
    const global = new RegExp(pattern.source, 'giu');
    let match: RegExpExecArray | null;
    while ((match = global.exec(lower)) !== null) {
      if (covered(match.index)) continue;
      if (pattern === GENERIC_PENICILLIN) {
        if (/penicillinallergi|penicillinallergisk/u.test(lower.slice(match.index, match.index + 20)))
          continue;
        found.push({
          clause,
          index: match.index,
          length: match[0].length,
          substance: 'Fenoksymetylpenicillin',
          atc: 'J01CE02',
          local: false,
        });
      } else if (pattern === GENERIC_ANTIBIOTIC) {
        found.push({ clause, index: match.index, length: match[0].length, local: false });
      } else {
        const word = match[0];
        const substance = /fucidin|fusidin/u.test(word)
          ? 'Fusidinsyre'
          : /bacimycin/u.test(word)
            ? 'Bacitracin'
            : /klorheksidin/u.test(word)
              ? 'Klorheksidin'
              : 'Hydrogenperoksid';
        found.push({ clause, index: match.index, length: word.length, substance, local: true });
      }
    }
  }
  return found.sort((first, second) => first.index - second.index);
}

interface Regimen {
  doseMg?: number;
  dosesPerDay?: number;
  durationDays?: number;
}

/** Reads dose, doses a day and course length from the words after a drug name. */
export function readRegimen(text: string): Regimen {
  const regimen: Regimen = {};
  const dose = /(?<![\d,])(\d+(?:,\d+)?) ?(milligram|mg|gram|g|mikrogram)(?![\p{L}])/u.exec(text);
  if (dose?.[1] && dose[2]) {
    const value = parseDecimal(dose[1]);
    regimen.doseMg = dose[2].startsWith('mikro')
      ? value / 1000
      : dose[2] === 'gram' || dose[2] === 'g'
        ? value * 1000
        : value;
  }
  const frequency =
    /(?<![\d,])(\d) ganger? (?:daglig|om dagen|i døgnet|per dag|pr\.? dag|dagen|i døgnet)/u.exec(text) ??
    /(?<![\p{L}])x ?(\d)(?![\d])/u.exec(text);
  const everyHours = /hver (\d+)\.? ?(?:time|timer)/u.exec(text);
  if (frequency?.[1]) regimen.dosesPerDay = Number(frequency[1]);
  else if (everyHours?.[1] && Number(everyHours[1]) > 0)
    regimen.dosesPerDay = Math.round(24 / Number(everyHours[1]));
  else if (/morgen,? middag og kveld/u.test(text)) regimen.dosesPerDay = 3;
  else if (/morgen og kveld/u.test(text)) regimen.dosesPerDay = 2;
  else if (/(?:1|én|en) gang (?:daglig|om dagen|i døgnet)/u.test(text)) regimen.dosesPerDay = 1;
  const duration =
    /(?<![\p{L}])i (\d+) (dager|døgn|uker|uke)(?![\p{L}])/u.exec(text) ??
    /(?<![\d,])(\d+)[- ]?(dagers|ukers|ukes) kur/u.exec(text) ??
    /kur (?:på|over) (\d+) (dager|døgn|uker|uke)/u.exec(text);
  if (duration?.[1] && duration[2])
    regimen.durationDays = Number(duration[1]) * (duration[2].startsWith('uke') ? 7 : 1);
  return regimen;
}

function isPrescribed(occurrence: DrugOccurrence, previousInSegment: Clause | undefined): boolean {
  const { clause, index } = occurrence;
  if (DELAYED.test(clause.text) && !occurrence.local) return !isNegatedAt(clause.text, index);
  const before = clause.text.slice(0, index);
  const after = clause.text.slice(index + occurrence.length, index + occurrence.length + 40);
  if (HISTORY_CUE.test(after.split(/[,.]/u)[0] ?? '')) return false;
  const cue = PRESCRIBE_CUE.exec(before);
  if (cue) return !isNegatedAt(clause.text, cue.index) && !isNegatedAt(clause.text, index);
  // "Jeg skriver ut penicillin. Fenoksymetylpenicillin, 1 gram …" or "Og Amoxicillin, 500 milligram …" after a prescription
  const startsWithDrug =
    /^(?:og |så |da )?$/u.test(before.replace(/[,.\s]+$/u, '').trim()) || before.trim().length === 0;
  return (
    startsWithDrug &&
    previousInSegment !== undefined &&
    PRESCRIBE_CUE.test(previousInSegment.text) &&
    /\d/u.test(after)
  );
}

function formatPlan(plan: Pick<DoctorPlan, 'substance' | 'doseMg' | 'dosesPerDay' | 'durationDays'>): string {
  const parts = [plan.substance ?? 'Antibiotika (legemiddel ikke nevnt)'];
  if (plan.doseMg !== undefined)
    parts.push(
      plan.doseMg >= 1000 && plan.doseMg % 1000 === 0
        ? `${plan.doseMg / 1000} g`
        : `${String(plan.doseMg).replace('.', ',')} mg`,
    );
  if (plan.dosesPerDay !== undefined) parts.push(`x ${plan.dosesPerDay}`);
  if (plan.durationDays !== undefined) parts.push(`i ${plan.durationDays} d`);
  return parts.join(' ');
}

/** True when a doctor's sentence answers a question about antibiotics with "nei" ("Trenger han penicillin?" – "Nei, …"). */
function refusesAntibioticQuestion(clause: Clause, clauses: readonly Clause[]): boolean {
  if (!/^(?:nei|nei,)/u.test(clause.text)) return false;
  const previous = [...clauses].reverse().find((other) => other.segmentIndex < clause.segmentIndex);
  if (!previous || previous.speaker === 'lege' || !previous.isQuestion) return false;
  return (
    GENERIC_ANTIBIOTIC.test(previous.text) ||
    GENERIC_PENICILLIN.test(previous.text) ||
    findDrugMentions(previous.original).some((mention) => mention.drug.atc.startsWith('J01'))
  );
}

/** Reads the doctor's antibiotic plan from the consultation. */
export function extractDoctorPlan(clauses: readonly Clause[]): DoctorPlan {
  const doctorClauses = clauses.filter(
    (clause) => clause.speaker === 'lege' && !clause.aboutOther && !clause.isQuestion && !clause.fromFact,
  );
  const prescribed: Array<{ occurrence: DrugOccurrence; regimen: Regimen }> = [];
  const localTreatments: DrugOccurrence[] = [];
  const negativeEvidence: string[] = [];
  const delayedEvidence: string[] = [];
  doctorClauses.forEach((clause, position) => {
    const previous = doctorClauses[position - 1];
    const previousInSegment = previous && previous.segmentId === clause.segmentId ? previous : undefined;
    if (DELAYED.test(clause.text)) delayedEvidence.push(clause.segmentId);
    const occurrences = occurrencesIn(clause);
    const antibioticOccurrences = occurrences.filter((occurrence) => !occurrence.local);
    // "ingen antibiotika", "jeg tror ikke det trengs antibiotika", "penicillin hjelper ikke"
    const refused =
      !clause.isConditional &&
      antibioticOccurrences.length > 0 &&
      (NEGATIVE_PLAN.test(clause.text) ||
        antibioticOccurrences.some((occurrence) =>
          isNegatedAt(clause.text, occurrence.index, occurrence.length),
        ));
    const localOnly =
      !clause.isConditional && /behandle\w* (?:det |dette )?lokalt|lokalbehandling/u.test(clause.text);
    // "hvis det ikke går over, får du antibiotika": watchful waiting, no antibiotics now
    const watchfulWaiting =
      clause.isConditional && antibioticOccurrences.length > 0 && !DELAYED.test(clause.text);
    if (refused || localOnly || watchfulWaiting || refusesAntibioticQuestion(clause, clauses)) {
      negativeEvidence.push(clause.segmentId);
    }
    if (clause.isConditional && !DELAYED.test(clause.text)) return;
    for (const occurrence of occurrences) {
      if (!isPrescribed(occurrence, previousInSegment)) continue;
      if (occurrence.local) {
        localTreatments.push(occurrence);
        continue;
      }
      // the regimen: the words after the drug, up to the next drug said in the same turn
      const following = doctorClauses.slice(position).filter((other) => other.segmentId === clause.segmentId);
      let window = clause.text.slice(occurrence.index + occurrence.length);
      const nextInClause = occurrences.find(
        (other) => other.index > occurrence.index && other.substance !== occurrence.substance,
      );
      if (nextInClause) window = clause.text.slice(occurrence.index + occurrence.length, nextInClause.index);
      else {
        for (const other of following.slice(1)) {
          if (occurrencesIn(other).some((next) => next.substance !== occurrence.substance)) break;
          window += ` ${other.text}`;
        }
      }
      prescribed.push({ occurrence, regimen: readRegimen(window) });
    }
  });

  const specific = prescribed.filter((entry) => entry.occurrence.substance !== undefined);
  const chosenSubstance = specific[specific.length - 1]?.occurrence.substance;
  const local = localTreatments[localTreatments.length - 1];
  const localName = local?.substance?.toLowerCase();
  if (prescribed.length > 0) {
    const sameDrug = chosenSubstance
      ? specific.filter((entry) => entry.occurrence.substance === chosenSubstance)
      : prescribed;
    const merged: Regimen = {};
    for (const entry of sameDrug) {
      merged.doseMg ??= entry.regimen.doseMg;
      merged.dosesPerDay ??= entry.regimen.dosesPerDay;
      merged.durationDays ??= entry.regimen.durationDays;
    }
    const first = sameDrug[0]?.occurrence;
    const plan: DoctorPlan = {
      kind: delayedEvidence.length > 0 ? 'delayed-prescription' : 'antibiotic',
      ...(chosenSubstance ? { substance: chosenSubstance } : {}),
      ...(first?.atc ? { atc: first.atc } : {}),
      ...(merged.doseMg !== undefined ? { doseMg: merged.doseMg } : {}),
      ...(merged.dosesPerDay !== undefined ? { dosesPerDay: merged.dosesPerDay } : {}),
      ...(merged.durationDays !== undefined ? { durationDays: merged.durationDays } : {}),
      ...(localName ? { localTreatment: localName } : {}),
      text: '',
      evidence: [
        ...new Set([...sameDrug.map((entry) => entry.occurrence.clause.segmentId), ...delayedEvidence]),
      ],
    };
    plan.text = `${plan.kind === 'delayed-prescription' ? 'Vent-og-se-resept: ' : ''}${formatPlan(plan)}`;
    return plan;
  }
  if (delayedEvidence.length > 0) {
    return {
      kind: 'delayed-prescription',
      text: 'Vent-og-se-resept (legemiddel ikke nevnt)',
      evidence: delayedEvidence,
    };
  }
  if (negativeEvidence.length > 0 || local) {
    const localText = localName ? `; lokalbehandling med ${localName}` : '';
    return {
      kind: 'no-antibiotic',
      ...(localName ? { localTreatment: localName } : {}),
      text: `Ingen systemisk antibiotika${localText}`,
      evidence: [...new Set([...negativeEvidence, ...(local ? [local.clause.segmentId] : [])])],
    };
  }
  return { kind: 'not-stated', text: 'Antibiotikaplan ikke uttalt i konsultasjonen', evidence: [] };
}
