import type { ConsultationSetting, Fact, Laterality, Transcript } from '@kollega/domain';

/** The patient's sex as recorded, when the caller knows it. */
export type PatientSex = 'female' | 'male';

/**
 * Input to the decision-support functions.
 * - `facts` come from the fact extractor when it has run (may be empty); the transcript is always read too.
 * - `setting` changes the advice (telephone/video: caution about prescribing without examination).
 * - `age` (years) and `sex` come from the patient record when the caller has them; otherwise they are
 *   read from the transcript where said, and reported as missing where they matter.
 */
export interface DecisionInput {
  transcript: Transcript;
  facts: Fact[];
  setting?: ConsultationSetting;
  age?: number;
  sex?: PatientSex;
}

/** Evidence tags of the domain knowledge file: verified, partly verified, general knowledge (unverified). */
export type EvidenceTag = 'V' | 'P' | 'GK';

/** Infections the antibiotic rules cover. */
export const INFECTION_CONDITIONS = [
  'acute-otitis-media',
  'sore-throat',
  'sinusitis',
  'acute-bronchitis',
  'pneumonia',
  'cystitis',
  'pyelonephritis',
  'impetigo',
  'cellulitis',
  'erysipelas',
  'erythema-migrans',
  'copd-exacerbation',
] as const;
/** An infection the antibiotic rules cover; see `INFECTION_CONDITIONS`. */
export type InfectionCondition = (typeof INFECTION_CONDITIONS)[number];

/** What the guideline (or the doctor) says about antibiotics for this consultation. */
export type RecommendationKind = 'no-antibiotic' | 'delayed-prescription' | 'antibiotic';

/** The kinds of guideline deviation the assessment reports. */
export type DeviationCode =
  | 'unneeded-antibiotic'
  | 'wrong-drug'
  | 'wrong-dose'
  | 'wrong-duration'
  | 'missing-urine-culture'
  | 'antibiotic-withheld';

/** Where a rule comes from: publisher, guideline, section, versions and the evidence tag. */
export interface GuidelineSource {
  publisher: 'Helsedirektoratet';
  guideline: string;
  /** The guideline chapter, e.g. "Luftveier – Akutt sinusitt". */
  section: string;
  /** Where the section text was read (metodebok/antibiotikaiallmennpraksis id, Helsedirektoratet page). */
  reference: string;
  /** The guideline version as published (digital guideline with its updates). */
  guidelineVersion: string;
  /** The date on the section that was read (dd.mm.yyyy), when known. */
  sectionDate?: string;
  /** Version of Kollega's rule data for this section. */
  ruleVersion: string;
  /** Evidence tag of the treatment decision in the knowledge file. */
  evidence: EvidenceTag;
  /** True only when every part used is tagged [V]. */
  verified: boolean;
  /** Parts of the rule that are [P] or [GK] ("kontroller mot retningslinjen"). */
  unverifiedParts: string[];
  /** One line to show: "Helsedirektoratet, Nasjonal faglig retningslinje …, <section> (<date>), regel <version>". */
  citation: string;
}

/** One accepted way of dosing a regimen: single dose in milligrams and doses a day. */
export interface Dosing {
  doseMg: number;
  dosesPerDay: number;
}

/** A drug regimen as the guideline writes it (adults and children over 40 kg unless said otherwise). */
export interface Regimen {
  /** FEST substance name in Norwegian ("Fenoksymetylpenicillin"). */
  substance: string;
  /** ATC code of the substance. */
  atc: string;
  /** Dose as written in a note: "660 mg", "200 mg dag 1, deretter 100 mg". */
  doseText: string;
  /** Doses a day as written in a note: "x 4". */
  frequencyText: string;
  /** Accepted dosings, the preferred first; empty when the dose is not checked (creams, combination tablets). */
  dosing: Dosing[];
  /** Course length in days: the preferred length and the accepted range. */
  durationDays: { preferred: number; min: number; max: number };
  /** Evidence tag of the regimen (drug, dose, duration). */
  evidence: EvidenceTag;
  /** A short qualifier: "lokalbehandling", "2025-revisjonen foreslår 5 dager". */
  note?: string;
}

/** A guideline finding taken from the transcript, with the segments it came from. */
export interface Finding<T> {
  value: T;
  evidence: string[];
}

/** Penicillin allergy as told: tolerated, none known, immediate (anaphylactic type), non-immediate, intolerance. */
export type PenicillinAllergy =
  'tolerated' | 'none-known' | 'immediate' | 'non-immediate' | 'intolerance' | 'unspecified';

/** The guideline-relevant findings of a consultation, read from the transcript. */
export interface AntibioticFindings {
  /** Highest body temperature told or measured, °C. */
  temperature?: Finding<number>;
  /** Fever as told (true) or denied (false), besides measured values. */
  fever?: Finding<boolean>;
  cough?: Finding<boolean>;
  tenderAnteriorCervicalNodes?: Finding<boolean>;
  tonsillarExudate?: Finding<boolean>;
  strepA?: Finding<'positive' | 'negative' | 'not-taken'>;
  scarletFever?: Finding<boolean>;
  peritonsillarAbscessSigns?: Finding<boolean>;
  crp?: Finding<number>;
  /** Illness duration in days, as told for the presenting complaint. */
  durationDays?: Finding<number>;
  /** Duration of ear symptoms in days (acute otitis media). */
  earSymptomDays?: Finding<number>;
  dysuria?: Finding<boolean>;
  urinaryFrequency?: Finding<boolean>;
  flankPain?: Finding<boolean>;
  chills?: Finding<boolean>;
  vaginalSymptoms?: Finding<boolean>;
  urineDipstick?: Finding<{ nitrite?: 'positive' | 'negative'; leukocytes?: string }>;
  urineCulture?: Finding<'sent' | 'conditional' | 'not-sent'>;
  previousTreatmentFailure?: Finding<boolean>;
  recurrentInfections?: Finding<boolean>;
  pregnant?: Finding<boolean>;
  penicillinAllergy?: Finding<PenicillinAllergy>;
  purulentSputum?: Finding<boolean>;
  increasedSputum?: Finding<boolean>;
  increasedDyspnoea?: Finding<boolean>;
  knownCopd?: Finding<boolean>;
  confusion?: Finding<boolean>;
  respiratoryRate?: Finding<number>;
  bloodPressure?: Finding<{ systolic: number; diastolic: number }>;
  oxygenSaturation?: Finding<number>;
  crackles?: Finding<boolean>;
  age?: Finding<number>;
  /** Age at least this many years when only a bound was said ("over 65"). */
  ageAtLeast?: Finding<number>;
  isChild?: Finding<boolean>;
  sex?: Finding<PatientSex>;
  /** Eardrum findings: red/bulging eardrum per side. */
  eardrum?: Finding<{ inflamedSides: Laterality[]; normalSides: Laterality[] }>;
  earDischarge?: Finding<boolean>;
  ventilationTubes?: Finding<boolean>;
  frequentOtitis?: Finding<boolean>;
  mastoiditisSigns?: Finding<boolean>;
  /** General condition: affected (moderately/severely ill) or good. */
  generalConditionAffected?: Finding<boolean>;
  pronouncedSymptoms?: Finding<boolean>;
  purulentNasalDischarge?: Finding<boolean>;
  doubleSickening?: Finding<boolean>;
  sinusitisComplicationSigns?: Finding<boolean>;
  skinWidespread?: Finding<boolean>;
  bullous?: Finding<boolean>;
  localTreatmentFailed?: Finding<boolean>;
  necrotisingSigns?: Finding<boolean>;
  facialLocation?: Finding<boolean>;
  multipleErythemaMigrans?: Finding<boolean>;
  neurologicalSigns?: Finding<boolean>;
  tickBite?: Finding<boolean>;
  pertussisSuspected?: Finding<boolean>;
}

/** A regimen as recommended: the drug and how to take it. */
export interface RecommendedRegimen {
  drug: string;
  dose?: string;
  /** Doses a day as written in a note ("x 4"). */
  frequency?: string;
  durationDays?: number;
  text: string;
}

/** The guideline's recommendation for this consultation. */
export interface AntibioticRecommendation {
  kind: RecommendationKind;
  drug?: string;
  dose?: string;
  frequency?: string;
  durationDays?: number;
  /** The alternative for penicillin allergy; the main recommendation when an immediate allergy is known. */
  allergyAlternative?: RecommendedRegimen;
  /** The recommendation in Bokmål, with its reasons. */
  text: string;
}

/** The doctor's antibiotic plan as said in the consultation. */
export interface DoctorPlan {
  kind: RecommendationKind | 'not-stated';
  /** FEST substance of the prescribed systemic antibiotic. */
  substance?: string;
  atc?: string;
  doseMg?: number;
  dosesPerDay?: number;
  durationDays?: number;
  /** Local treatment named instead of, or besides, a systemic antibiotic ("hydrogenperoksid"). */
  localTreatment?: string;
  /** The plan in Bokmål shorthand ("Pivmecillinam 200 mg x 3 i 3 d"). */
  text: string;
  evidence: string[];
}

/** One guideline deviation of the doctor's plan. */
export interface Deviation {
  code: DeviationCode;
  /** Why, in Bokmål. */
  text: string;
  /** The rule id and version that found it ("cystitis-uncomplicated@2026.1"). */
  rule: string;
  /** Citation of the guideline section. */
  source: string;
}

/** What to tell the patient: the usual course and when to seek help. */
export interface PatientAdvice {
  expectedDuration: string;
  seekHelpIf: string[];
}

/** The detected infection and the words it rests on. */
export interface DetectedCondition {
  id: InfectionCondition;
  /** Bokmål label ("sår hals", "cystitt"). */
  label: string;
  /** The rule variant used ("cystitis-uncomplicated", "sore-throat"). */
  ruleId: string;
  evidence: string[];
}

/** A guideline-relevant finding for display: "Centor 4 (feber, ingen hoste, …)". */
export interface FindingSummary {
  label: string;
  value: string;
  evidence: string[];
}

/** The antibiotic assessment of one infection consultation. */
export interface AntibioticAssessment {
  condition: DetectedCondition;
  recommendation: AntibioticRecommendation;
  plan: DoctorPlan;
  planAssessment: 'concordant' | 'deviation' | 'not-applicable';
  deviations: Deviation[];
  /** Findings the rule needs that the consultation did not give, and tests the guideline asks for. */
  missing: string[];
  /** Remarks that are not deviations (second-line choices, unverified parts, red flags to check). */
  notes: string[];
  findings: FindingSummary[];
  patientAdvice: PatientAdvice;
  source: GuidelineSource;
  /** Telephone/video: the guideline's caution about prescribing without a clinical examination. */
  caution?: string;
}
