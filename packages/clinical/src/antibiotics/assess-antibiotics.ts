import type { ConsultationSetting } from '@kollega/domain';
import { buildClauses, type Clause } from './clauses';
import { detectInfectionCondition } from './detect-condition';
import { computeCentorScore, computeCrb65Score, extractAntibioticFindings } from './findings';
import {
  CHECK_AGAINST_GUIDELINE,
  GENERAL_SEEK_HELP_IF,
  GUIDELINE_RULES,
  IMPETIGO_LOCAL_TREATMENT,
  REMOTE_PRESCRIBING_CAUTION,
  describeSource,
  type GuidelineRule,
  type RuleId,
} from './guideline-rules';
import { extractDoctorPlan } from './plan';
import type {
  AntibioticAssessment,
  AntibioticFindings,
  AntibioticRecommendation,
  DecisionInput,
  Deviation,
  DoctorPlan,
  FindingSummary,
  InfectionCondition,
  RecommendationKind,
  RecommendedRegimen,
  Regimen,
} from './types';

/** A rule's decision for one consultation, before the doctor's plan is compared with it. */
interface Decision {
  ruleId: RuleId;
  kind: RecommendationKind;
  /** The recommended regimen (the allergy alternative when an allergy rules out penicillin). */
  regimen?: Regimen;
  /** The first-line regimens the doctor may choose between. */
  choices: Regimen[];
  reasons: string[];
  /** Plan kinds that agree with the guideline here. */
  acceptedPlanKinds: RecommendationKind[];
  /** Withholding antibiotics is a deviation (the guideline says "always treat"). */
  alwaysTreat: boolean;
  missing: string[];
  notes: string[];
  /** Child: doses are by weight and not checked. */
  child: boolean;
}

const PENICILLIN_ALLERGIES = new Set(['immediate', 'non-immediate', 'unspecified']);

function hasPenicillinAllergy(findings: AntibioticFindings): boolean {
  return (
    findings.penicillinAllergy !== undefined && PENICILLIN_ALLERGIES.has(findings.penicillinAllergy.value)
  );
}

function regimenText(regimen: Regimen, child = false): string {
  const dose = child ? 'dose etter vekt' : `${regimen.doseText} ${regimen.frequencyText}`;
  const days =
    regimen.durationDays.min === regimen.durationDays.max
      ? `${regimen.durationDays.preferred}`
      : `${regimen.durationDays.min}–${regimen.durationDays.max}`;
  const tag = regimen.evidence === 'V' ? '' : ` [${regimen.evidence} – ${CHECK_AGAINST_GUIDELINE}]`;
  return `${regimen.substance.toLowerCase()} ${dose} i ${days} dager${tag}`;
}

function asRecommended(regimen: Regimen, child: boolean): RecommendedRegimen {
  return {
    drug: regimen.substance,
    ...(child ? {} : { dose: regimen.doseText, frequency: regimen.frequencyText }),
    durationDays: regimen.durationDays.preferred,
    text: regimenText(regimen, child),
  };
}

function newDecision(ruleId: RuleId, kind: RecommendationKind, child: boolean): Decision {
  const rule = GUIDELINE_RULES[ruleId];
  return {
    ruleId,
    kind,
    choices: kind === 'no-antibiotic' ? [] : rule.firstLine,
    ...(kind === 'no-antibiotic' ? {} : rule.firstLine[0] ? { regimen: rule.firstLine[0] } : {}),
    reasons: [],
    acceptedPlanKinds: [kind],
    alwaysTreat: false,
    missing: [],
    notes: [],
    child,
  };
}

function isChild(findings: AntibioticFindings, input: DecisionInput): boolean {
  const age = input.age ?? findings.age?.value;
  if (age !== undefined) return age < 16;
  return findings.isChild?.value === true;
}

function decideOtitis(findings: AntibioticFindings, input: DecisionInput): Decision {
  const child = isChild(findings, input);
  const age = input.age ?? findings.age?.value;
  if (!child) {
    const decision = newDecision('acute-otitis-media', 'antibiotic', false);
    decision.reasons.push('Voksne med akutt otitt bør behandles.');
    decision.alwaysTreat = true;
    return decision;
  }
  const indications: string[] = [];
  const bilateral = findings.eardrum?.value.inflamedSides.includes('bilateral') === true;
  if (age !== undefined && age < 1) indications.push('alder under 1 år');
  if (bilateral && age !== undefined && age < 2) indications.push('dobbeltsidig otitt hos barn under 2 år');
  if (findings.earDischarge?.value) indications.push('øreflod (behandles ved varighet over 2 døgn)');
  if (findings.generalConditionAffected?.value || findings.pronouncedSymptoms?.value)
    indications.push('uttalte symptomer eller redusert allmenntilstand');
  if (findings.mastoiditisSigns?.value) indications.push('mistanke om komplikasjon (mastoiditt)');
  if (findings.earSymptomDays && findings.earSymptomDays.value > 3)
    indications.push('ingen bedring etter mer enn 3 døgn');
  if (findings.frequentOtitis?.value)
    indications.push('ørebarn (≥ 3 otitter på 6 måneder eller ≥ 4 på ett år)');
  const decision = newDecision(
    'acute-otitis-media',
    indications.length > 0 ? 'antibiotic' : 'no-antibiotic',
    true,
  );
  if (indications.length > 0) {
    decision.reasons.push(`Barn med akutt otitt: behandling anbefales ved ${indications.join(', ')}.`);
    decision.acceptedPlanKinds = ['antibiotic'];
  } else {
    const side = findings.eardrum?.value.inflamedSides.join(', ');
    decision.reasons.push(
      `Ukomplisert akutt otitt hos barn${side ? ` (${side} side)` : ''}: kan vente inntil 3 døgn (vent-og-se) med god smertelindring; ny vurdering ved manglende bedring.`,
    );
    decision.acceptedPlanKinds = ['no-antibiotic', 'delayed-prescription'];
  }
  if (age === undefined)
    decision.missing.push(
      'Barnets alder er ikke sagt (behandling anbefales under 1 år, og ved dobbeltsidig otitt under 2 år).',
    );
  if (findings.mastoiditisSigns?.value) decision.notes.push('Tegn på mastoiditt: vurder akutt innleggelse.');
  if (findings.ventilationTubes?.value) {
    decision.notes.push(
      'Ventilasjonsrør (2025-revisjonen [P]): vent 2 døgn, hydrokortison-oksytetrasyklin-polymyksin B-dråper, systemisk behandling ved påvirket allmenntilstand, feber eller smerter.',
    );
  }
  return decision;
}

function decideSoreThroat(findings: AntibioticFindings): Decision {
  const centor = computeCentorScore(findings);
  const ill = findings.generalConditionAffected?.value;
  const strep = findings.strepA?.value;
  let decision: Decision;
  if (findings.scarletFever?.value) {
    decision = newDecision('sore-throat', 'antibiotic', false);
    decision.reasons.push('Skarlagensfeber: antibiotika tilbys.');
  } else if (strep === 'positive') {
    if (ill === false) {
      decision = newDecision('sore-throat', 'no-antibiotic', false);
      decision.reasons.push(
        'Positiv strep A-test, men lite påvirket: ved lett–moderat streptokokkinfeksjon anbefales ikke antibiotika.',
      );
      decision.acceptedPlanKinds = ['no-antibiotic', 'delayed-prescription', 'antibiotic'];
    } else {
      decision = newDecision('sore-throat', 'antibiotic', false);
      decision.reasons.push(
        `Centor ${centor.score} og positiv strep A-test${ill ? ' hos moderat/alvorlig syk pasient' : ''}: antibiotika anbefales.`,
      );
      decision.acceptedPlanKinds = ['antibiotic', 'delayed-prescription'];
    }
  } else if (strep === 'negative') {
    decision = newDecision('sore-throat', 'no-antibiotic', false);
    decision.reasons.push(`Negativ strep A-test (Centor ${centor.score}): antibiotika anbefales ikke.`);
  } else if (centor.score <= 1) {
    decision = newDecision('sore-throat', 'no-antibiotic', false);
    decision.reasons.push(
      `Centor ${centor.score}: verken strep A-test eller antibiotika anbefales; symptomatisk behandling.`,
    );
    if (centor.unknown.length > 0 && centor.score + centor.unknown.length >= 2) {
      decision.missing.push(`Centor-kriterier ikke avklart: ${centor.unknown.join(', ')}.`);
    }
  } else if (centor.score <= 3) {
    decision = newDecision('sore-throat', 'no-antibiotic', false);
    decision.reasons.push(
      `Centor ${centor.score}: ta strep A-hurtigtest; antibiotika ved positiv test og moderat/alvorlig sykdom.`,
    );
    decision.missing.push('Strep A-hurtigtest anbefales ved Centor 2–3.');
    decision.acceptedPlanKinds = ['no-antibiotic', 'delayed-prescription', 'antibiotic'];
  } else {
    decision = newDecision('sore-throat', ill === false ? 'no-antibiotic' : 'antibiotic', false);
    decision.reasons.push(
      `Centor 4: kan behandles uten test hvis moderat/alvorlig syk${ill === false ? '; lite påvirket pasient – antibiotika ikke nødvendig' : ''}.`,
    );
    decision.acceptedPlanKinds = ['antibiotic', 'no-antibiotic', 'delayed-prescription'];
  }
  if (findings.peritonsillarAbscessSigns?.value)
    decision.notes.push(
      'Tegn på peritonsillær abscess (ensidig hevelse, gapesperre, grøtete stemme): vurder akutt henvisning.',
    );
  return decision;
}

function decideSinusitis(findings: AntibioticFindings): Decision {
  const days = findings.durationDays?.value;
  const pronounced =
    findings.pronouncedSymptoms?.value === true ||
    findings.generalConditionAffected?.value === true ||
    (findings.temperature?.value ?? 0) >= 38.5;
  const purulent = findings.purulentNasalDischarge?.value === true;
  let decision: Decision;
  if (days === undefined || days < 7) {
    decision = newDecision('sinusitis', 'no-antibiotic', false);
    decision.reasons.push(
      days === undefined
        ? 'Varighet ikke oppgitt: ved moderate symptomer i under 1 uke anbefales ikke antibiotika.'
        : `Symptomer i ${formatDays(days)} (under 1 uke): antibiotika anbefales ikke; symptomatisk behandling.`,
    );
    if (pronounced) decision.acceptedPlanKinds = ['no-antibiotic', 'delayed-prescription'];
    if (days === undefined)
      decision.missing.push('Symptomvarighet (antibiotika vurderes først etter over 1 uke).');
  } else if (pronounced && purulent && days > 7) {
    decision = newDecision('sinusitis', 'antibiotic', false);
    decision.reasons.push(
      `Uttalte symptomer, purulent sekret og varighet ${formatDays(days)} (over 1 uke): antibiotika anbefales.`,
    );
    decision.acceptedPlanKinds = ['antibiotic', 'delayed-prescription'];
  } else {
    decision = newDecision('sinusitis', 'delayed-prescription', false);
    decision.reasons.push(
      `Moderate symptomer i ${formatDays(days)}: vent-og-se (3–5 dager til), ev. vent-og-se-resept.`,
    );
    decision.acceptedPlanKinds = ['delayed-prescription', 'no-antibiotic'];
  }
  if (findings.sinusitisComplicationSigns?.value)
    decision.notes.push(
      'Tegn på komplikasjon (periorbital hevelse, synsforstyrrelser, nakkestivhet): vurder akutt innleggelse.',
    );
  decision.notes.push(
    `Når antibiotika er indisert, er førstevalget ${regimenText(GUIDELINE_RULES.sinusitis.firstLine[0] as Regimen)}.`,
  );
  return decision;
}

function decideBronchitis(findings: AntibioticFindings): Decision {
  if (findings.pertussisSuspected?.value) {
    const decision = newDecision('acute-bronchitis', 'antibiotic', false);
    const macrolide = GUIDELINE_RULES['acute-bronchitis'].alternatives[0];
    if (macrolide) {
      decision.regimen = macrolide;
      decision.choices = [macrolide];
    }
    decision.reasons.push('Mistanke om kikhoste: makrolid kan vurderes [GK].');
    decision.acceptedPlanKinds = ['antibiotic', 'no-antibiotic'];
    return decision;
  }
  const decision = newDecision('acute-bronchitis', 'no-antibiotic', false);
  decision.reasons.push(
    'Akutt bronkitt: antibiotika anbefales som hovedregel ikke; hosten varer vanligvis omtrent 3 uker.',
  );
  if (findings.crp && findings.crp.value >= 50)
    decision.notes.push(
      `CRP ${findings.crp.value}: vurder pneumoni (CRP < 20 taler mot; 20–50 første uke er typisk for virus).`,
    );
  if (findings.crackles?.value) decision.notes.push('Krepitasjoner: vurder pneumoni.');
  if (findings.generalConditionAffected?.value)
    decision.notes.push('Redusert allmenntilstand: vurder pneumoni eller annen årsak.');
  return decision;
}

function decidePneumonia(findings: AntibioticFindings, input: DecisionInput): Decision {
  const child = isChild(findings, input);
  const decision = newDecision('pneumonia', 'antibiotic', child);
  decision.alwaysTreat = true;
  const crb = computeCrb65Score(findings);
  decision.reasons.push(
    `Pneumoni behandles ved klinisk mistanke. CRB-65 ${crb.score}${crb.present.length > 0 ? ` (${crb.present.join(', ')})` : ''}.`,
  );
  if (crb.score >= 2) decision.notes.push(`CRB-65 ${crb.score}: vurder innleggelse [GK].`);
  else if (crb.score === 1) decision.notes.push('CRB-65 1: vurder innleggelse eller tett oppfølging [GK].');
  else decision.notes.push('CRB-65 0 av de kjente kriteriene: hjemmebehandling kan være aktuelt [GK].');
  if (crb.unknown.length > 0)
    decision.missing.push(`CRB-65-kriterier ikke avklart: ${crb.unknown.join(', ')}.`);
  if (findings.oxygenSaturation && findings.oxygenSaturation.value < 92)
    decision.notes.push(`SpO2 ${findings.oxygenSaturation.value} %: vurder innleggelse [GK].`);
  const age = input.age ?? findings.age?.value;
  if (age !== undefined && age < 0.5) decision.notes.push('Barn under 6 måneder: innleggelse.');
  return decision;
}

function decideCystitis(findings: AntibioticFindings, input: DecisionInput): Decision {
  const sex = input.sex ?? findings.sex?.value;
  const age = input.age ?? findings.age?.value;
  const pregnant = findings.pregnant?.value === true;
  let decision: Decision;
  if (pregnant) {
    decision = newDecision('cystitis-pregnant', 'antibiotic', false);
    decision.reasons.push(
      'Cystitt hos gravid: antibiotika skal alltid tilbys, og urin sendes til dyrkning før oppstart.',
    );
    decision.alwaysTreat = true;
  } else if (sex === 'male' || (age !== undefined && age > 65)) {
    decision = newDecision('cystitis-complicated', 'antibiotic', false);
    decision.reasons.push(
      `${sex === 'male' ? 'Cystitt hos mann' : 'Cystitt hos kvinne over 65 år'}: antibiotika skal alltid tilbys, og urin sendes til dyrkning før oppstart.`,
    );
    decision.alwaysTreat = true;
    if (sex === 'male' && ((findings.temperature?.value ?? 0) >= 38 || findings.fever?.value)) {
      decision.notes.push('Mann med feber: vurder prostatitt (ICPC-2 Y73) og behandle deretter.');
    }
  } else {
    decision = newDecision('cystitis-uncomplicated', 'antibiotic', false);
    decision.reasons.push(
      'Ukomplisert cystitt hos ikke-gravid kvinne: kort kur med førstevalgsmiddel; ved milde–moderate plager kan egenbehandling og vent-og-se avtales hvis pasienten ønsker det.',
    );
    decision.acceptedPlanKinds = ['antibiotic', 'no-antibiotic', 'delayed-prescription'];
    if (sex === undefined)
      decision.missing.push('Kjønn er ikke oppgitt (regelen for ikke-gravide kvinner 15–65 år er brukt).');
    if (age === undefined)
      decision.missing.push('Alder er ikke oppgitt (regelen for kvinner 15–65 år er brukt).');
    if (findings.pregnant === undefined) decision.missing.push('Graviditet er ikke avklart.');
    if (findings.previousTreatmentFailure?.value || findings.recurrentInfections?.value) {
      decision.missing.push(
        `Urindyrkning anbefales ved residiv eller opplevd behandlingssvikt [GK – ${CHECK_AGAINST_GUIDELINE}].`,
      );
    }
  }
  if (findings.flankPain?.value || (findings.temperature?.value ?? 0) >= 38) {
    decision.notes.push('Feber eller flankesmerter: vurder pyelonefritt.');
  }
  return decision;
}

function decidePyelonephritis(findings: AntibioticFindings): Decision {
  const decision = newDecision('pyelonephritis', 'antibiotic', false);
  decision.alwaysTreat = true;
  decision.reasons.push(
    'Pyelonefritt skal alltid behandles; urin sendes til dyrkning før oppstart. Noen trenger sykehus.',
  );
  if (findings.pregnant?.value) decision.notes.push('Gravid: innleggelse anbefales [GK].');
  if (findings.confusion?.value || (findings.bloodPressure && findings.bloodPressure.value.systolic < 90))
    decision.notes.push('Tegn på sepsis: akutt innleggelse.');
  return decision;
}

function decideImpetigo(findings: AntibioticFindings, input: DecisionInput): Decision {
  const reasonsForSystemic: string[] = [];
  if (findings.skinWidespread?.value) reasonsForSystemic.push('utbredt (flere regioner)');
  if (findings.bullous?.value) reasonsForSystemic.push('bulløs');
  if (findings.localTreatmentFailed?.value) reasonsForSystemic.push('lokalbehandling har sviktet');
  const child = isChild(findings, input);
  if (reasonsForSystemic.length > 0) {
    const decision = newDecision('impetigo', 'antibiotic', child);
    decision.reasons.push(`Impetigo ${reasonsForSystemic.join(', ')}: systemisk og lokal behandling.`);
    return decision;
  }
  const decision = newDecision('impetigo', 'no-antibiotic', child);
  decision.reasons.push(
    `Impetigo begrenset til én region: lokalbehandling, ikke systemisk antibiotika (${regimenText(IMPETIGO_LOCAL_TREATMENT)}).`,
  );
  if (findings.skinWidespread === undefined)
    decision.missing.push(
      'Utbredelse er ikke avklart (systemisk behandling ved flere regioner, bulløs form eller svikt av lokalbehandling).',
    );
  return decision;
}

function decideSkinInfection(
  condition: 'cellulitis' | 'erysipelas',
  findings: AntibioticFindings,
  input: DecisionInput,
): Decision {
  const decision = newDecision(condition, 'antibiotic', isChild(findings, input));
  decision.alwaysTreat = true;
  decision.reasons.push(
    condition === 'erysipelas'
      ? 'Erysipelas skal alltid behandles; uten allmennpåvirkning eller risikofaktorer kan det gis peroralt utenfor sykehus. Total behandlingstid 7 dager.'
      : 'Cellulitt skal behandles; anbefalingen gjelder ukomplisert infeksjon der peroral behandling er mulig.',
  );
  if (findings.necrotisingSigns?.value)
    decision.notes.push(
      'Tegn på nekrotiserende bløtdelsinfeksjon (sterke dype smerter, blemmer, mørke områder, rask spredning): akutt innleggelse.',
    );
  if (findings.facialLocation?.value) decision.notes.push('Ansiktserysipelas: vurder sykehus [P].');
  if (findings.generalConditionAffected?.value) decision.notes.push('Allmennpåvirket: vurder sykehus.');
  return decision;
}

function decideErythemaMigrans(findings: AntibioticFindings, input: DecisionInput): Decision {
  const child = isChild(findings, input);
  const decision = newDecision('erythema-migrans', 'antibiotic', child);
  decision.alwaysTreat = true;
  decision.reasons.push(
    'Solitært erythema migrans er en klinisk diagnose (ingen serologi nødvendig) og behandles.',
  );
  if (findings.multipleErythemaMigrans?.value) {
    const multiple: Regimen = {
      substance: 'Doksysyklin',
      atc: 'J01AA02',
      doseText: '100 mg',
      frequencyText: 'x 2',
      dosing: [{ doseMg: 100, dosesPerDay: 2 }],
      durationDays: { preferred: 14, min: 14, max: 14 },
      evidence: 'V',
    };
    decision.regimen = multiple;
    decision.choices = [multiple];
    decision.reasons.push('Multiple erythema migrans eller lymfocytom: doksysyklin 100 mg x 2 i 14 dager.');
  }
  if (findings.neurologicalSigns?.value)
    decision.notes.push(
      'Nevrologiske tegn (facialisparese, radikulitt) eller hjertesymptomer: henvis spesialist.',
    );
  return decision;
}

function decideCopd(findings: AntibioticFindings): Decision {
  const purulent = findings.purulentSputum?.value === true;
  const crpRaised = findings.crp !== undefined && findings.crp.value > 40;
  if (purulent || crpRaised) {
    const decision = newDecision('copd-exacerbation', 'antibiotic', false);
    decision.reasons.push(
      `KOLS-forverring med ${[purulent ? 'purulent ekspektorat' : '', crpRaised ? `CRP ${findings.crp?.value}` : ''].filter(Boolean).join(' og ')}: antibiotika anbefales.`,
    );
    decision.acceptedPlanKinds = ['antibiotic'];
    if (findings.oxygenSaturation && findings.oxygenSaturation.value < 90)
      decision.notes.push(`SpO2 ${findings.oxygenSaturation.value} %: vurder innleggelse [GK].`);
    if (findings.confusion?.value) decision.notes.push('Forvirring: vurder innleggelse [GK].');
    return decision;
  }
  const decision = newDecision('copd-exacerbation', 'no-antibiotic', false);
  decision.reasons.push(
    'KOLS-forverring uten purulent ekspektorat og uten CRP-stigning over 40: antibiotika anbefales ikke.',
  );
  if (findings.purulentSputum === undefined)
    decision.missing.push('Farge på ekspektoratet (purulent?) er ikke avklart.');
  return decision;
}

function decide(condition: InfectionCondition, findings: AntibioticFindings, input: DecisionInput): Decision {
  switch (condition) {
    case 'acute-otitis-media':
      return decideOtitis(findings, input);
    case 'sore-throat':
      return decideSoreThroat(findings);
    case 'sinusitis':
      return decideSinusitis(findings);
    case 'acute-bronchitis':
      return decideBronchitis(findings);
    case 'pneumonia':
      return decidePneumonia(findings, input);
    case 'cystitis':
      return decideCystitis(findings, input);
    case 'pyelonephritis':
      return decidePyelonephritis(findings);
    case 'impetigo':
      return decideImpetigo(findings, input);
    case 'cellulitis':
    case 'erysipelas':
      return decideSkinInfection(condition, findings, input);
    case 'erythema-migrans':
      return decideErythemaMigrans(findings, input);
    case 'copd-exacerbation':
      return decideCopd(findings);
  }
}

function formatDays(days: number): string {
  if (days < 1) return 'under 1 døgn';
  const rounded = Math.round(days * 10) / 10;
  return `${String(rounded).replace('.', ',')} ${rounded === 1 ? 'dag' : 'dager'}`;
}

const DRUG_CLASSES: Array<[RegExp, string]> = [
  [/^J01MA/u, 'fluorokinolon – bredspektret reservemiddel'],
  [/^J01CR/u, 'penicillin med betalaktamasehemmer – bredspektret'],
  [/^J01D/u, 'cefalosporin/karbapenem – bredspektret'],
  [/^J01CA0[14]/u, 'bredspektret penicillin'],
  [/^J01FA/u, 'makrolid'],
  [/^J01FF/u, 'linkosamid'],
  [/^J01AA/u, 'tetrasyklin'],
  [/^J01E/u, 'trimetoprim/sulfonamid'],
  [/^J01XE/u, 'nitrofuranderivat'],
  [/^J01CE/u, 'smalspektret penicillin'],
  [/^J01CF/u, 'penicillinasestabilt penicillin'],
  [/^J01CA08/u, 'mecillinam'],
];

function drugClassOf(atc: string | undefined): string | undefined {
  if (!atc) return undefined;
  return DRUG_CLASSES.find(([pattern]) => pattern.test(atc))?.[1];
}

function sameSubstance(regimen: Regimen, plan: DoctorPlan): boolean {
  return (
    (plan.atc !== undefined && regimen.atc === plan.atc) ||
    (plan.substance !== undefined && regimen.substance.toLowerCase() === plan.substance.toLowerCase())
  );
}

function matchesDosing(regimen: Regimen, plan: DoctorPlan): boolean {
  if (regimen.dosing.length === 0 || plan.doseMg === undefined) return true;
  const dose = plan.doseMg;
  return regimen.dosing.some(
    (dosing) =>
      Math.abs(dosing.doseMg - dose) <= dosing.doseMg * 0.05 &&
      (plan.dosesPerDay === undefined || plan.dosesPerDay === dosing.dosesPerDay),
  );
}

function planDoseText(plan: DoctorPlan): string {
  const dose =
    plan.doseMg === undefined
      ? ''
      : plan.doseMg >= 1000 && plan.doseMg % 1000 === 0
        ? `${plan.doseMg / 1000} g`
        : `${plan.doseMg} mg`;
  return `${dose}${plan.dosesPerDay !== undefined ? ` x ${plan.dosesPerDay}` : ''}`.trim();
}

interface Comparison {
  deviations: Deviation[];
  missing: string[];
  notes: string[];
}

function comparePlan(options: {
  decision: Decision;
  rule: GuidelineRule;
  plan: DoctorPlan;
  findings: AntibioticFindings;
  citation: string;
  ruleVersion: string;
}): Comparison {
  const { decision, rule, plan, findings, citation, ruleVersion } = options;
  const deviations: Deviation[] = [];
  const missing: string[] = [];
  const notes: string[] = [];
  const deviation = (code: Deviation['code'], text: string): void => {
    deviations.push({ code, text, rule: ruleVersion, source: citation });
  };
  const givesAntibiotic = plan.kind === 'antibiotic';
  if (plan.kind === 'not-stated') return { deviations, missing, notes };

  if (givesAntibiotic && !decision.acceptedPlanKinds.includes('antibiotic')) {
    const instead =
      decision.kind === 'delayed-prescription' ? 'vent-og-se (ev. vent-og-se-resept)' : 'ingen antibiotika';
    deviation(
      'unneeded-antibiotic',
      `Antibiotika er gitt der retningslinjen anbefaler ${instead}: ${decision.reasons.join(' ')}`,
    );
  }
  if (
    plan.kind === 'delayed-prescription' &&
    !decision.acceptedPlanKinds.includes('delayed-prescription') &&
    decision.kind === 'no-antibiotic'
  ) {
    deviation(
      'unneeded-antibiotic',
      `Vent-og-se-resept er gitt der retningslinjen ikke anbefaler antibiotika: ${decision.reasons.join(' ')}`,
    );
  }
  if (plan.kind === 'no-antibiotic' && decision.alwaysTreat) {
    deviation(
      'antibiotic-withheld',
      `Retningslinjen anbefaler antibiotika her: ${decision.reasons.join(' ')}`,
    );
  }

  const prescribing = plan.kind === 'antibiotic' || plan.kind === 'delayed-prescription';
  if (prescribing && plan.substance) {
    const allergy = hasPenicillinAllergy(findings);
    const first = rule.firstLine.find((regimen) => sameSubstance(regimen, plan));
    const alternative = rule.alternatives.find((regimen) => sameSubstance(regimen, plan));
    const allergyChoice = rule.penicillinAllergy.find((regimen) => sameSubstance(regimen, plan));
    const chosenByDecision = decision.choices.find((regimen) => sameSubstance(regimen, plan));
    const isPenicillin = plan.atc?.startsWith('J01C') === true;
    if (
      allergy &&
      isPenicillin &&
      (findings.penicillinAllergy?.value === 'immediate' ||
        findings.penicillinAllergy?.value === 'unspecified')
    ) {
      deviation(
        'wrong-drug',
        `${plan.substance} er et penicillin, og pasienten har oppgitt penicillinallergi${findings.penicillinAllergy?.value === 'immediate' ? ' av straks-type' : ''}.`,
      );
    }
    const matched = chosenByDecision ?? first ?? alternative ?? allergyChoice;
    if (!matched) {
      const drugClass = drugClassOf(plan.atc);
      const firstChoices = rule.firstLine
        .map((regimen) => regimenText(regimen, decision.child))
        .join(' eller ');
      const extra =
        rule.condition === 'cystitis' && findings.previousTreatmentFailure?.value
          ? ' Ved opplevd svikt på tidligere behandling anbefales urindyrkning, ikke et bredere middel.'
          : '';
      deviation(
        'wrong-drug',
        `${plan.substance}${drugClass ? ` (${drugClass})` : ''} er ikke anbefalt ved ${rule.label}; ${firstChoices ? `førstevalg er ${firstChoices}` : 'retningslinjen anbefaler ikke antibiotika'}.${extra}`,
      );
    } else {
      if (!first && !chosenByDecision && alternative?.note)
        notes.push(`${plan.substance}: ${alternative.note}.`);
      if (!first && !alternative && allergyChoice && !allergy) {
        notes.push(
          `${plan.substance} er alternativet ved penicillinallergi; førstevalget er ${rule.firstLine.map((regimen) => regimenText(regimen)).join(' eller ')}.`,
        );
      }
      if (!decision.child && !matchesDosing(matched, plan)) {
        deviation(
          'wrong-dose',
          `Dosen ${planDoseText(plan)} avviker fra retningslinjens ${matched.doseText} ${matched.frequencyText} for ${matched.substance.toLowerCase()} ved ${rule.label}.`,
        );
      }
      const range = matched.durationDays;
      if (
        plan.durationDays !== undefined &&
        (plan.durationDays < range.min || plan.durationDays > range.max)
      ) {
        const expected =
          range.min === range.max ? `${range.preferred} dager` : `${range.min}–${range.max} dager`;
        deviation(
          'wrong-duration',
          `Kurlengde ${plan.durationDays} dager avviker fra retningslinjens ${expected} for ${matched.substance.toLowerCase()} ved ${rule.label}.`,
        );
      }
      if (matched.evidence !== 'V')
        notes.push(`Regimet ${regimenText(matched)} er ikke verifisert – ${CHECK_AGAINST_GUIDELINE}.`);
    }
    if (plan.atc?.startsWith('J01AA') && findings.pregnant?.value) {
      notes.push(
        `Tetrasykliner (doksysyklin) skal ikke brukes i svangerskapet [GK – ${CHECK_AGAINST_GUIDELINE}].`,
      );
    }
    if (plan.doseMg === undefined) missing.push('Dose er ikke sagt i konsultasjonen.');
    if (plan.durationDays === undefined) missing.push('Kurlengde er ikke sagt i konsultasjonen.');
  } else if (prescribing) {
    missing.push('Legemiddel er ikke navngitt i konsultasjonen.');
  }

  if (rule.requiresUrineCulture && findings.urineCulture?.value !== 'sent') {
    if (prescribing)
      deviation(
        'missing-urine-culture',
        `Urin skal sendes til dyrkning før oppstart av antibiotika ved ${rule.label}.`,
      );
    else missing.push(`Urin til dyrkning før oppstart av antibiotika ved ${rule.label}.`);
  }
  return { deviations, missing, notes };
}

function summariseFindings(condition: InfectionCondition, findings: AntibioticFindings): FindingSummary[] {
  const summaries: FindingSummary[] = [];
  const yesNo = (value: boolean): string => (value ? 'ja' : 'nei');
  const push = (label: string, value: string | undefined, evidence: string[] = []): void => {
    if (value !== undefined) summaries.push({ label, value, evidence });
  };
  if (findings.temperature)
    push(
      'Temperatur',
      `${String(findings.temperature.value).replace('.', ',')} °C`,
      findings.temperature.evidence,
    );
  if (findings.durationDays)
    push('Varighet', formatDays(findings.durationDays.value), findings.durationDays.evidence);
  if (condition === 'sore-throat') {
    const centor = computeCentorScore(findings);
    push(
      'Centor',
      `${centor.score}${centor.present.length > 0 ? ` (${centor.present.join(', ')})` : ''}${centor.unknown.length > 0 ? `; ukjent: ${centor.unknown.join(', ')}` : ''}`,
      [
        ...(findings.fever?.evidence ?? []),
        ...(findings.cough?.evidence ?? []),
        ...(findings.tenderAnteriorCervicalNodes?.evidence ?? []),
        ...(findings.tonsillarExudate?.evidence ?? []),
      ],
    );
    if (findings.strepA)
      push(
        'Strep A',
        findings.strepA.value === 'positive'
          ? 'positiv'
          : findings.strepA.value === 'negative'
            ? 'negativ'
            : 'ikke tatt',
        findings.strepA.evidence,
      );
  }
  if (condition === 'pneumonia') {
    const crb = computeCrb65Score(findings);
    push('CRB-65', `${crb.score}${crb.unknown.length > 0 ? ` (ukjent: ${crb.unknown.join(', ')})` : ''}`, [
      ...(findings.confusion?.evidence ?? []),
      ...(findings.respiratoryRate?.evidence ?? []),
      ...(findings.bloodPressure?.evidence ?? []),
    ]);
  }
  if (findings.crp) push('CRP', String(findings.crp.value), findings.crp.evidence);
  if (condition === 'acute-otitis-media' && findings.earSymptomDays) {
    push('Øresymptomer', formatDays(findings.earSymptomDays.value), findings.earSymptomDays.evidence);
  }
  if (condition === 'acute-otitis-media' && findings.eardrum) {
    push(
      'Trommehinne',
      `rød/bulende: ${findings.eardrum.value.inflamedSides.join(', ') || 'ingen'}; normal: ${findings.eardrum.value.normalSides.join(', ') || '–'}`,
      findings.eardrum.evidence,
    );
  }
  if (condition === 'cystitis' || condition === 'pyelonephritis') {
    if (findings.dysuria) push('Dysuri', yesNo(findings.dysuria.value), findings.dysuria.evidence);
    if (findings.urinaryFrequency)
      push('Pollakisuri', yesNo(findings.urinaryFrequency.value), findings.urinaryFrequency.evidence);
    if (findings.flankPain)
      push('Flankesmerter', yesNo(findings.flankPain.value), findings.flankPain.evidence);
    if (findings.pregnant) push('Gravid', yesNo(findings.pregnant.value), findings.pregnant.evidence);
    if (findings.urineDipstick) {
      const stix = findings.urineDipstick.value;
      push(
        'Urinstiks',
        [
          stix.nitrite ? `nitritt ${stix.nitrite === 'positive' ? 'pos' : 'neg'}` : '',
          stix.leukocytes ? `leuk ${stix.leukocytes}` : '',
        ]
          .filter(Boolean)
          .join(', '),
        findings.urineDipstick.evidence,
      );
    }
    push(
      'Urindyrkning',
      findings.urineCulture
        ? { sent: 'sendt', conditional: 'ved manglende bedring', 'not-sent': 'ikke sendt' }[
            findings.urineCulture.value
          ]
        : 'ikke nevnt',
      findings.urineCulture?.evidence ?? [],
    );
  }
  if (condition === 'copd-exacerbation' && findings.purulentSputum)
    push('Purulent ekspektorat', yesNo(findings.purulentSputum.value), findings.purulentSputum.evidence);
  if (condition === 'sinusitis' && findings.purulentNasalDischarge)
    push(
      'Purulent sekret',
      yesNo(findings.purulentNasalDischarge.value),
      findings.purulentNasalDischarge.evidence,
    );
  if (condition === 'impetigo' && findings.skinWidespread)
    push('Utbredt (flere regioner)', yesNo(findings.skinWidespread.value), findings.skinWidespread.evidence);
  if (findings.penicillinAllergy) {
    const labels = {
      immediate: 'ja, straksreaksjon',
      'non-immediate': 'ja, ikke-straks (utslett)',
      unspecified: 'ja, type ikke avklart',
      intolerance: 'nei (bivirkning, ikke allergi)',
      tolerated: 'nei, har tålt penicillin',
      'none-known': 'ingen kjente',
    } as const;
    push('Penicillinallergi', labels[findings.penicillinAllergy.value], findings.penicillinAllergy.evidence);
  }
  return summaries;
}

const REMOTE_CUES: Array<[RegExp, ConsultationSetting]> = [
  [/videokonsultasjon|på video|ser du meg|kameraet|bildet er/u, 'video'],
  [/telefontime|på telefonen|det er doktor \p{L}+ som ringer|ringer deg|telefonkonsultasjon/u, 'telefon'],
];

function inferSetting(input: DecisionInput, clauses: readonly Clause[]): ConsultationSetting | undefined {
  if (input.setting) return input.setting;
  const text = clauses
    .filter((clause) => clause.speaker === 'lege')
    .map((clause) => clause.text)
    .join(' ');
  return REMOTE_CUES.find(([pattern]) => pattern.test(text))?.[1];
}

function buildRecommendation(
  decision: Decision,
  rule: GuidelineRule,
  findings: AntibioticFindings,
  plan: DoctorPlan,
): AntibioticRecommendation {
  const allergy = hasPenicillinAllergy(findings);
  const allergyRegimen = rule.penicillinAllergy[0];
  const prescribedChoice = decision.choices.find((regimen) => sameSubstance(regimen, plan));
  let regimen = decision.kind === 'no-antibiotic' ? undefined : (prescribedChoice ?? decision.regimen);
  const reasonText = decision.reasons.join(' ');
  let text = reasonText;
  if (regimen && allergy && regimen.atc.startsWith('J01C') && allergyRegimen) {
    const type =
      findings.penicillinAllergy?.value === 'immediate'
        ? 'straksallergi'
        : findings.penicillinAllergy?.value === 'non-immediate'
          ? 'ikke-straks-allergi (vurder senere avklaring/avmerking)'
          : 'penicillinallergi av uavklart type';
    text += ` Penicillinallergi (${type}): ${regimenText(allergyRegimen, decision.child)}.`;
    regimen = allergyRegimen;
  } else if (regimen) {
    const others = decision.choices
      .filter((choice) => choice !== regimen)
      .map((choice) => regimenText(choice, decision.child));
    text += ` Anbefalt: ${regimenText(regimen, decision.child)}${others.length > 0 ? ` (eller ${others.join(' eller ')})` : ''}.`;
  }
  const recommendation: AntibioticRecommendation = { kind: decision.kind, text };
  if (regimen) {
    recommendation.drug = regimen.substance;
    if (!decision.child) {
      recommendation.dose = regimen.doseText;
      recommendation.frequency = regimen.frequencyText;
    }
    recommendation.durationDays = regimen.durationDays.preferred;
  }
  if (decision.kind !== 'no-antibiotic' && allergyRegimen && !(allergy && regimen === allergyRegimen)) {
    recommendation.allergyAlternative = asRecommended(allergyRegimen, decision.child);
  }
  return recommendation;
}

/**
 * Antibiotic decision support for one consultation: the infection, the guideline's recommendation, the doctor's
 * plan as said and its deviations from the guideline, what is missing, advice for the patient and the source.
 * Returns null when the consultation is not about one of the covered infections.
 */
export function assessAntibiotics(
  input: DecisionInput,
  prepared?: readonly Clause[],
): AntibioticAssessment | null {
  const clauses = prepared ?? buildClauses(input.transcript);
  const findings = extractAntibioticFindings(input, clauses);
  const detected = detectInfectionCondition(clauses, findings);
  if (!detected) return null;
  const decision = decide(detected.condition, findings, input);
  const rule = GUIDELINE_RULES[decision.ruleId];
  const plan = extractDoctorPlan(clauses);
  const usedRegimens = [decision.regimen, ...decision.choices].filter(
    (regimen): regimen is Regimen => regimen !== undefined,
  );
  const source = describeSource(rule, usedRegimens);
  const comparison = comparePlan({
    decision,
    rule,
    plan,
    findings,
    citation: source.citation,
    ruleVersion: source.ruleVersion,
  });
  const setting = inferSetting(input, clauses);
  const remote = setting === 'telefon' || setting === 'video';
  const assessment: AntibioticAssessment = {
    condition: {
      id: detected.condition,
      label: rule.label,
      ruleId: rule.id,
      evidence: detected.evidence.slice(0, 5),
    },
    recommendation: buildRecommendation(decision, rule, findings, plan),
    plan,
    planAssessment:
      plan.kind === 'not-stated'
        ? 'not-applicable'
        : comparison.deviations.length > 0
          ? 'deviation'
          : 'concordant',
    deviations: comparison.deviations,
    missing: [...new Set([...decision.missing, ...comparison.missing])],
    notes: [...new Set([...decision.notes, ...comparison.notes])],
    findings: summariseFindings(detected.condition, findings),
    patientAdvice: {
      expectedDuration: rule.expectedDuration,
      seekHelpIf: [...rule.seekHelpIf, ...GENERAL_SEEK_HELP_IF],
    },
    source,
  };
  if (remote) assessment.caution = REMOTE_PRESCRIBING_CAUTION;
  return assessment;
}
