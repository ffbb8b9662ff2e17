import type { EvidenceTag, GuidelineSource, InfectionCondition, Regimen } from './types';

/**
 * The antibiotic rules as data. Source: Helsedirektoratet, Nasjonal faglig retningslinje for antibiotikabruk
 * i primærhelsetjenesten (digital since 16.11.2021, with later updates), as summarised with evidence tags in
 * /work/shared/knowledge/norwegian-domain.md §2 (snapshot mid-2026). [V] = read in the cited source,
 * [P] = partly verified, [GK] = general knowledge, not verified: every [P]/[GK] part is listed in
 * `unverifiedParts` and shown to the doctor as "kontroller mot retningslinjen".
 * The 2025 revision (shorter courses for pneumonia, COPD exacerbation and cystitis in pregnancy) was a
 * proposal when these rules were written; both lengths are accepted where it applies.
 */

/** The guideline's name as Helsedirektoratet publishes it. */
export const GUIDELINE_NAME = 'Nasjonal faglig retningslinje for antibiotikabruk i primærhelsetjenesten';
/** The guideline version the rules were coded against. */
export const GUIDELINE_VERSION =
  'digital utgave fra 16.11.2021 med senere oppdateringer; 2025-revisjonen ikke bekreftet';
/** Version of Kollega's rule data; bump it whenever a rule changes. */
export const RULE_SET_VERSION = '2026.1';
/** What every unverified part says to the doctor. */
export const CHECK_AGAINST_GUIDELINE = 'kontroller mot retningslinjen';

/** Rule ids: one per guideline section, cystitis split by patient group. */
export type RuleId =
  | 'acute-otitis-media'
  | 'sore-throat'
  | 'sinusitis'
  | 'acute-bronchitis'
  | 'pneumonia'
  | 'cystitis-uncomplicated'
  | 'cystitis-complicated'
  | 'cystitis-pregnant'
  | 'pyelonephritis'
  | 'impetigo'
  | 'cellulitis'
  | 'erysipelas'
  | 'erythema-migrans'
  | 'copd-exacerbation';

/** One guideline section as data. */
export interface GuidelineRule {
  id: RuleId;
  condition: InfectionCondition;
  /** Bokmål label of the condition ("akutt otitt"). */
  label: string;
  /** ICPC-2 codes of the section, the usual first. */
  icpc2: string[];
  section: string;
  reference: string;
  sectionDate?: string;
  /** Evidence tag of the treatment decision (when to treat). */
  decisionEvidence: EvidenceTag;
  /** First-choice regimens. */
  firstLine: Regimen[];
  /** Other regimens the guideline names that are not deviations. */
  alternatives: Regimen[];
  /** Regimens for penicillin allergy. */
  penicillinAllergy: Regimen[];
  /** Parts that are [P] or [GK] in the knowledge file. */
  unverifiedParts: string[];
  /** Usual course without antibiotics, for the patient. */
  expectedDuration: string;
  /** Condition-specific reasons to seek care, added to the general list. */
  seekHelpIf: string[];
  /** Whether a urine culture must be sent before treatment. */
  requiresUrineCulture?: boolean;
}

const PCV = { substance: 'Fenoksymetylpenicillin', atc: 'J01CE02' } as const;
const ERYTHROMYCIN = { substance: 'Erytromycin', atc: 'J01FA01' } as const;
const DOXYCYCLINE = { substance: 'Doksysyklin', atc: 'J01AA02' } as const;
const CLINDAMYCIN = { substance: 'Klindamycin', atc: 'J01FF01' } as const;
const PIVMECILLINAM = { substance: 'Pivmecillinam', atc: 'J01CA08' } as const;
const NITROFURANTOIN = { substance: 'Nitrofurantoin', atc: 'J01XE01' } as const;
const TRIMETHOPRIM = { substance: 'Trimetoprim', atc: 'J01EA01' } as const;
const TRIMETHOPRIM_SULFAMETHOXAZOLE = {
  substance: 'Sulfametoksazol og trimetoprim',
  atc: 'J01EE01',
} as const;
const CIPROFLOXACIN = { substance: 'Ciprofloksacin', atc: 'J01MA02' } as const;
const DICLOXACILLIN = { substance: 'Dikloksacillin', atc: 'J01CF01' } as const;
const AMOXICILLIN = { substance: 'Amoksicillin', atc: 'J01CA04' } as const;
const CLARITHROMYCIN = { substance: 'Klaritromycin', atc: 'J01FA09' } as const;
const HYDROGEN_PEROXIDE = { substance: 'Hydrogenperoksid', atc: 'D08AX01' } as const;

/** "Kommer du ikke til legen, søk hjelp raskt ved …" — the ASP patient leaflet's list [V]. */
export const GENERAL_SEEK_HELP_IF: readonly string[] = [
  'kraftig hodepine og sykdomsfølelse',
  'kald/klam hud eller uvanlig utslett',
  'forvirring, sløvhet eller talevansker',
  'pustevansker',
  'blå lepper',
  'brystsmerter',
  'svelgvansker eller sikling',
  'hoste med blod',
  'kraftig forverring',
];

/** The guideline's caution about prescribing from telephone or video without a clinical examination [V]. */
export const REMOTE_PRESCRIBING_CAUTION =
  'Retningslinjen: antibiotika bør som hovedregel ikke forskrives uten klinisk undersøkelse (og prøver der det er relevant) ved telefon- eller videokonsultasjon. ' +
  'Unntak kan være typisk sykehistorie, gode bilder, kjent pasient og mulighet for oppfølging.';

/** The guideline sections, one rule each. */
export const GUIDELINE_RULES: Readonly<Record<RuleId, GuidelineRule>> = {
  'acute-otitis-media': {
    id: 'acute-otitis-media',
    condition: 'acute-otitis-media',
    label: 'akutt otitt',
    icpc2: ['H71'],
    section: 'Øre – Akutt otitis media',
    reference: 'metodebok f7cd9ba0470788969408',
    sectionDate: '07.09.2022',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PCV,
        doseText: '1 g',
        frequencyText: 'x 4 (x 3 kan brukes)',
        dosing: [
          { doseMg: 1000, dosesPerDay: 4 },
          { doseMg: 1000, dosesPerDay: 3 },
        ],
        durationDays: { preferred: 5, min: 5, max: 5 },
        evidence: 'V',
        note: 'voksne og barn over 40 kg; barn: dose etter vekt (mg/kg ikke verifisert)',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...ERYTHROMYCIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [
          { doseMg: 500, dosesPerDay: 2 },
          { doseMg: 250, dosesPerDay: 4 },
        ],
        durationDays: { preferred: 5, min: 5, max: 7 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: [
      'alternativ ved penicillinallergi (makrolid)',
      'barnedoser i mg/kg',
      'råd ved ventilasjonsrør (2025-revisjonen)',
    ],
    expectedDuration: 'Ørebetennelse går vanligvis over av seg selv på omtrent 4 dager.',
    seekHelpIf: [
      'hevelse eller rødme bak øret, eller øret står ut',
      'renning fra øret i mer enn 2 dager',
      'ikke bedre etter 2–3 dager',
      'slapp, vil ikke drikke, høy feber som ikke går ned',
    ],
  },
  'sore-throat': {
    id: 'sore-throat',
    condition: 'sore-throat',
    label: 'sår hals',
    icpc2: ['R72', 'R76', 'R21', 'R74'],
    section: 'Luftveier – Sår hals / streptokokktonsillitt',
    reference: 'metodebok f2419e670b33a180a5f5; Helsedirektoratet',
    sectionDate: '16.11.2021',
    decisionEvidence: 'P',
    firstLine: [
      {
        ...PCV,
        doseText: '660 mg',
        frequencyText: 'x 4',
        dosing: [{ doseMg: 660, dosesPerDay: 4 }],
        durationDays: { preferred: 5, min: 5, max: 10 },
        evidence: 'V',
        note: 'inntil 10 dager ved første residiv eller når utryddelse av bakterien er viktig',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...ERYTHROMYCIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [
          { doseMg: 500, dosesPerDay: 2 },
          { doseMg: 250, dosesPerDay: 4 },
        ],
        durationDays: { preferred: 5, min: 5, max: 10 },
        evidence: 'GK',
      },
      {
        ...CLINDAMYCIN,
        doseText: '300 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 300, dosesPerDay: 3 }],
        durationDays: { preferred: 5, min: 5, max: 10 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: [
      'Centor-kriteriene og kobling skår → tiltak',
      'alternativ ved penicillinallergi (erytromycin/klindamycin)',
      'røde flagg for peritonsillær abscess',
    ],
    expectedDuration: 'Halsbetennelse går vanligvis over av seg selv på omtrent 7 dager.',
    seekHelpIf: [
      'sterke smerter på én side, vansker med å åpne munnen eller svelge spyttet',
      'høy feber over 38,5 som ikke går ned',
      'tung pust',
    ],
  },
  sinusitis: {
    id: 'sinusitis',
    condition: 'sinusitis',
    label: 'sinusitt',
    icpc2: ['R75'],
    section: 'Luftveier – Akutt sinusitt',
    reference: 'antibiotikaiallmennpraksis f408950dc424a2ab6f21; legehandboka',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PCV,
        doseText: '1 g',
        frequencyText: 'x 4 (x 3 kan brukes)',
        dosing: [
          { doseMg: 1000, dosesPerDay: 4 },
          { doseMg: 1000, dosesPerDay: 3 },
        ],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'V',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...DOXYCYCLINE,
        doseText: '200 mg dag 1, deretter 100 mg',
        frequencyText: 'x 1',
        dosing: [
          { doseMg: 100, dosesPerDay: 1 },
          { doseMg: 200, dosesPerDay: 1 },
        ],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: ['alternativ ved penicillinallergi (doksysyklin)', 'røde flagg hos voksne'],
    expectedDuration: 'Bihulebetennelse går vanligvis over av seg selv på omtrent 18 dager.',
    seekHelpIf: [
      'hevelse rundt øyet eller synsforstyrrelser',
      'sterk hodepine, nakkestivhet eller forvirring',
      'høy feber',
    ],
  },
  'acute-bronchitis': {
    id: 'acute-bronchitis',
    condition: 'acute-bronchitis',
    label: 'akutt bronkitt',
    icpc2: ['R78'],
    section: 'Luftveier – Akutt bronkitt',
    reference: 'antibiotikaiallmennpraksis f60002a99cf032ef234c; Helsedirektoratet',
    decisionEvidence: 'V',
    firstLine: [],
    alternatives: [
      {
        ...ERYTHROMYCIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [
          { doseMg: 500, dosesPerDay: 2 },
          { doseMg: 250, dosesPerDay: 4 },
        ],
        durationDays: { preferred: 7, min: 5, max: 14 },
        evidence: 'GK',
        note: 'bare ved kikhoste',
      },
    ],
    penicillinAllergy: [],
    unverifiedParts: ['makrolid ved kikhoste'],
    expectedDuration: 'Hoste etter bronkitt varer vanligvis omtrent 21 dager (3 uker), noen ganger lenger.',
    seekHelpIf: ['tung pust', 'blod i oppspyttet', 'ny eller langvarig feber', 'redusert allmenntilstand'],
  },
  pneumonia: {
    id: 'pneumonia',
    condition: 'pneumonia',
    label: 'pneumoni',
    icpc2: ['R81'],
    section: 'Luftveier – Pneumoni hos voksne',
    reference: 'metodebok fc02ac058022fcae70c0; Helsedirektoratet',
    sectionDate: '27.06.2024',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PCV,
        doseText: '1 g',
        frequencyText: 'x 4',
        dosing: [{ doseMg: 1000, dosesPerDay: 4 }],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
        note: '2025-revisjonen foreslår 5 dager [P]',
      },
    ],
    alternatives: [
      {
        ...ERYTHROMYCIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [
          { doseMg: 500, dosesPerDay: 2 },
          { doseMg: 250, dosesPerDay: 4 },
        ],
        durationDays: { preferred: 7, min: 5, max: 10 },
        evidence: 'P',
        note: 'ved mistanke om atypisk pneumoni (mykoplasma/klamydofila)',
      },
    ],
    penicillinAllergy: [
      {
        ...DOXYCYCLINE,
        doseText: '200 mg dag 1, deretter 100 mg',
        frequencyText: 'x 1',
        dosing: [
          { doseMg: 100, dosesPerDay: 1 },
          { doseMg: 200, dosesPerDay: 1 },
        ],
        durationDays: { preferred: 7, min: 5, max: 10 },
        evidence: 'P',
      },
    ],
    unverifiedParts: [
      'CRB-65 som innleggelsesgrunnlag',
      'SpO2-grense 92 %',
      'alternativ ved penicillinallergi og atypisk pneumoni (eldre metodebok-versjon)',
      '5 dagers kur (2025-revisjonen)',
    ],
    expectedDuration:
      'Med behandling merker de fleste bedring i løpet av 2–3 døgn; hoste og slapphet kan vare i flere uker.',
    seekHelpIf: ['tyngre pust', 'forvirring', 'høyere feber eller ingen bedring etter 2–3 døgn'],
  },
  'cystitis-uncomplicated': {
    id: 'cystitis-uncomplicated',
    condition: 'cystitis',
    label: 'cystitt',
    icpc2: ['U71'],
    section: 'Urinveier – Akutt cystitt hos ikke-gravide kvinner 15–65 år',
    reference: 'metodebok f652b4a03e5ba0f653aa; Helsedirektoratet',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PIVMECILLINAM,
        doseText: '200 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 200, dosesPerDay: 3 }],
        durationDays: { preferred: 3, min: 3, max: 3 },
        evidence: 'V',
      },
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 3, min: 3, max: 3 },
        evidence: 'V',
      },
    ],
    alternatives: [
      {
        ...TRIMETHOPRIM,
        doseText: '160 mg',
        frequencyText: 'x 2',
        dosing: [{ doseMg: 160, dosesPerDay: 2 }],
        durationDays: { preferred: 3, min: 3, max: 3 },
        evidence: 'GK',
      },
    ],
    penicillinAllergy: [
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 3, min: 3, max: 3 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: [
      'trimetoprim som alternativ',
      'valg ved penicillinallergi',
      'urindyrkning ved residiv eller behandlingssvikt',
    ],
    expectedDuration:
      'Mange blir bra av seg selv i løpet av noen dager; med antibiotika går plagene vanligvis over i løpet av 1–3 døgn.',
    seekHelpIf: ['feber, frysninger eller smerter i ryggen/siden', 'oppkast', 'ikke bedre etter 2–3 døgn'],
  },
  'cystitis-complicated': {
    id: 'cystitis-complicated',
    condition: 'cystitis',
    label: 'cystitt (menn, kvinner over 65 år, kompliserende faktorer)',
    icpc2: ['U71'],
    section: 'Urinveier – Akutt cystitt hos menn og kvinner med kompliserende faktorer',
    reference: 'Helsedirektoratet 2022 og 2024',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 5, min: 5, max: 7 },
        evidence: 'P',
      },
      {
        ...PIVMECILLINAM,
        doseText: '200 mg',
        frequencyText: 'x 3',
        dosing: [
          { doseMg: 200, dosesPerDay: 3 },
          { doseMg: 400, dosesPerDay: 3 },
        ],
        durationDays: { preferred: 5, min: 5, max: 7 },
        evidence: 'GK',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 5, min: 5, max: 7 },
        evidence: 'GK',
      },
    ],
    requiresUrineCulture: true,
    unverifiedParts: ['pivmecillinam-dose', 'kurlengde (5–7 dager)', 'valg ved penicillinallergi'],
    expectedDuration: 'Med behandling går plagene vanligvis over i løpet av noen døgn.',
    seekHelpIf: [
      'feber, frysninger eller smerter i ryggen/siden',
      'smerter i endetarm/underliv (menn: prostatitt)',
      'ikke bedre etter 2–3 døgn',
    ],
  },
  'cystitis-pregnant': {
    id: 'cystitis-pregnant',
    condition: 'cystitis',
    label: 'cystitt hos gravid',
    icpc2: ['U71'],
    section: 'Urinveier – Akutt cystitt hos gravide',
    reference: 'Helsedirektoratet 2022 og 2024',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PIVMECILLINAM,
        doseText: '200 mg',
        frequencyText: 'x 3',
        dosing: [
          { doseMg: 200, dosesPerDay: 3 },
          { doseMg: 400, dosesPerDay: 3 },
        ],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'P',
        note: '2025-revisjonen foreslår 5 dager [P]',
      },
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'P',
        note: 'unngås nær termin',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...NITROFURANTOIN,
        doseText: '50 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 50, dosesPerDay: 3 }],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'GK',
        note: 'unngås nær termin',
      },
    ],
    requiresUrineCulture: true,
    unverifiedParts: [
      'pivmecillinam-dose',
      'kurlengde 5 eller 7 dager (2025-revisjonen)',
      'valg ved penicillinallergi',
    ],
    expectedDuration: 'Med behandling går plagene vanligvis over i løpet av noen døgn.',
    seekHelpIf: ['feber, frysninger eller smerter i ryggen/siden', 'oppkast', 'ikke bedre etter 2–3 døgn'],
  },
  pyelonephritis: {
    id: 'pyelonephritis',
    condition: 'pyelonephritis',
    label: 'pyelonefritt',
    icpc2: ['U70'],
    section: 'Urinveier – Akutt pyelonefritt',
    reference: 'antibiotikaiallmennpraksis f74b9ea6e88bec98369a',
    sectionDate: '28.09.2023',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...TRIMETHOPRIM_SULFAMETHOXAZOLE,
        doseText: '160/800 mg',
        frequencyText: 'x 2',
        dosing: [],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'V',
      },
    ],
    alternatives: [
      {
        ...PIVMECILLINAM,
        doseText: '400 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 400, dosesPerDay: 3 }],
        durationDays: { preferred: 7, min: 7, max: 10 },
        evidence: 'GK',
      },
      {
        ...CIPROFLOXACIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [{ doseMg: 500, dosesPerDay: 2 }],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'GK',
      },
    ],
    penicillinAllergy: [
      {
        ...CIPROFLOXACIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [{ doseMg: 500, dosesPerDay: 2 }],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'GK',
      },
    ],
    requiresUrineCulture: true,
    unverifiedParts: [
      'alternativer (pivmecillinam 400 mg x 3, ciprofloksacin 500 mg x 2)',
      'innleggelseskriterier',
    ],
    expectedDuration: 'Med behandling bør feberen gå ned i løpet av 2–3 døgn.',
    seekHelpIf: [
      'oppkast eller klarer ikke å ta tablettene',
      'ikke bedre etter 48 timer',
      'kald/klam hud, forvirring eller rask pust',
    ],
  },
  impetigo: {
    id: 'impetigo',
    condition: 'impetigo',
    label: 'impetigo',
    icpc2: ['S84'],
    section: 'Hud og bløtdeler – Impetigo',
    reference: 'Helsedirektoratet hud-og-blotdelsinfeksjoner/impetigo; metodebok f9e2b53c7bfc615b33df',
    sectionDate: '22.08.2023',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...DICLOXACILLIN,
        doseText: '500 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 500, dosesPerDay: 3 }],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'V',
        note: 'systemisk behandling ved utbredt, bulløs impetigo eller svikt av lokalbehandling',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...CLINDAMYCIN,
        doseText: '150 mg',
        frequencyText: 'x 3',
        dosing: [
          { doseMg: 150, dosesPerDay: 3 },
          { doseMg: 300, dosesPerDay: 3 },
        ],
        durationDays: { preferred: 7, min: 7, max: 7 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: [
      'lokalbehandling: hydrogenperoksidkrem 1 % først, fusidinsyre restriktivt',
      'alternativ ved penicillinallergi',
    ],
    expectedDuration: 'Med lokalbehandling tørker sårene vanligvis inn i løpet av noen dager til en uke.',
    seekHelpIf: [
      'sårene sprer seg til flere steder',
      'feber eller redusert allmenntilstand',
      'ikke bedre etter en uke',
    ],
  },
  cellulitis: {
    id: 'cellulitis',
    condition: 'cellulitis',
    label: 'cellulitt',
    icpc2: ['S76'],
    section: 'Hud og bløtdeler – Cellulitt',
    reference: 'Helsedirektoratet, primærhelsetjenesten',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...DICLOXACILLIN,
        doseText: '500 mg',
        frequencyText: 'x 4',
        dosing: [{ doseMg: 500, dosesPerDay: 4 }],
        durationDays: { preferred: 5, min: 5, max: 14 },
        evidence: 'V',
        note: 'inntil 14 dager ved alvorlig infeksjon, langsom respons eller immunsvikt',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...CLINDAMYCIN,
        doseText: '300 mg',
        frequencyText: 'x 3–4',
        dosing: [
          { doseMg: 300, dosesPerDay: 3 },
          { doseMg: 300, dosesPerDay: 4 },
        ],
        durationDays: { preferred: 5, min: 5, max: 14 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: ['alternativ ved penicillinallergi (klindamycin)'],
    expectedDuration: 'Med behandling skal rødmen begynne å gå tilbake i løpet av 2–3 døgn.',
    seekHelpIf: [
      'rødmen sprer seg raskt',
      'sterke smerter dypt i huden, blemmer eller mørke områder',
      'høy feber eller kraftig sykdomsfølelse',
    ],
  },
  erysipelas: {
    id: 'erysipelas',
    condition: 'erysipelas',
    label: 'erysipelas',
    icpc2: ['S76'],
    section: 'Hud og bløtdeler – Erysipelas',
    reference:
      'Helsedirektoratet, antibiotika i sykehus – erysipelas; metodebok fb799dfb827f4412572d (primærhelsetjenestens kapittel ikke lest)',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PCV,
        doseText: '1 g',
        frequencyText: 'x 4',
        dosing: [],
        durationDays: { preferred: 7, min: 7, max: 10 },
        evidence: 'GK',
        note: 'peroral dose ikke verifisert (høyere ved stor kroppsvekt); total behandlingstid 7 dager',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...CLINDAMYCIN,
        doseText: '300 mg',
        frequencyText: 'x 3–4',
        dosing: [],
        durationDays: { preferred: 7, min: 7, max: 10 },
        evidence: 'GK',
      },
    ],
    unverifiedParts: [
      'peroral dose av fenoksymetylpenicillin',
      'primærhelsetjenestens kapittel er ikke lest (sykehuskapitlet er kilden)',
      'alternativ ved penicillinallergi',
    ],
    expectedDuration:
      'Med behandling skal rødmen begynne å gå tilbake i løpet av 2–3 døgn; hevelsen kan vare lenger.',
    seekHelpIf: [
      'rødmen sprer seg forbi markeringen',
      'høy feber eller kraftig sykdomsfølelse',
      'sterkere smerter, blemmer eller mørke områder',
    ],
  },
  'erythema-migrans': {
    id: 'erythema-migrans',
    condition: 'erythema-migrans',
    label: 'erythema migrans',
    icpc2: ['A78'],
    section: 'Hud og bløtdeler – Borreliose, erythema migrans',
    reference: 'Helsedirektoratet borreliose--erytema-migrans; metodebok f1f38ed091db40b83705',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...PCV,
        doseText: '1 g',
        frequencyText: 'x 4',
        dosing: [{ doseMg: 1000, dosesPerDay: 4 }],
        durationDays: { preferred: 10, min: 10, max: 10 },
        evidence: 'V',
        note: 'barn: 20 mg/kg x 4 i 10 dager',
      },
    ],
    alternatives: [],
    penicillinAllergy: [
      {
        ...DOXYCYCLINE,
        doseText: '100 mg',
        frequencyText: 'x 2',
        dosing: [{ doseMg: 100, dosesPerDay: 2 }],
        durationDays: { preferred: 10, min: 10, max: 10 },
        evidence: 'V',
        note: 'barn: azitromycin',
      },
    ],
    unverifiedParts: ['ICPC-2-kode A78 for erythema migrans'],
    expectedDuration: 'Utslettet kan vare en stund etter at behandlingen er startet.',
    seekHelpIf: [
      'feber, hodepine eller nakkestivhet',
      'lammelse i ansiktet eller nummenhet',
      'leddsmerter eller hevelse i ledd de neste ukene',
      'nye utslett',
    ],
  },
  'copd-exacerbation': {
    id: 'copd-exacerbation',
    condition: 'copd-exacerbation',
    label: 'KOLS-forverring',
    icpc2: ['R95'],
    section: 'Luftveier – Akutt forverring av kronisk obstruktiv lungesykdom (KOLS)',
    reference: 'Helsedirektoratet forverring-…-icpc-koder-r95r79; metodebok fc86a8bac256c048cda4',
    sectionDate: '27.06.2024',
    decisionEvidence: 'V',
    firstLine: [
      {
        ...AMOXICILLIN,
        doseText: '500 mg',
        frequencyText: 'x 3',
        dosing: [{ doseMg: 500, dosesPerDay: 3 }],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
        note: '2025-revisjonen foreslår 5 dager [P]',
      },
    ],
    alternatives: [
      {
        ...DOXYCYCLINE,
        doseText: '200 mg dag 1, deretter 100 mg',
        frequencyText: 'x 1',
        dosing: [
          { doseMg: 100, dosesPerDay: 1 },
          { doseMg: 200, dosesPerDay: 1 },
        ],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
      },
      {
        ...TRIMETHOPRIM_SULFAMETHOXAZOLE,
        doseText: '160/800 mg',
        frequencyText: 'x 2',
        dosing: [],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
      },
      {
        ...CLARITHROMYCIN,
        doseText: '500 mg',
        frequencyText: 'x 2',
        dosing: [],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
        note: 'ved hyppige forverringer',
      },
    ],
    penicillinAllergy: [
      {
        ...DOXYCYCLINE,
        doseText: '200 mg dag 1, deretter 100 mg',
        frequencyText: 'x 1',
        dosing: [
          { doseMg: 100, dosesPerDay: 1 },
          { doseMg: 200, dosesPerDay: 1 },
        ],
        durationDays: { preferred: 7, min: 5, max: 7 },
        evidence: 'V',
      },
    ],
    unverifiedParts: ['innleggelseskriterier (SpO2, forvirring, cyanose)', '5 dagers kur (2025-revisjonen)'],
    expectedDuration:
      'Med behandling bedres pusten vanligvis i løpet av noen dager; kontroll etter 2–3 dager.',
    seekHelpIf: [
      'tyngre pust eller klarer ikke å snakke i hele setninger',
      'forvirring eller uvanlig trøtthet',
      'blå lepper',
    ],
  },
};

/** Local treatment for limited impetigo [GK]: hydrogen peroxide cream 1 % first, fusidic acid restrictively. */
export const IMPETIGO_LOCAL_TREATMENT: Regimen = {
  ...HYDROGEN_PEROXIDE,
  doseText: 'krem 1 %',
  frequencyText: 'x 2–3',
  dosing: [],
  durationDays: { preferred: 7, min: 5, max: 14 },
  evidence: 'GK',
  note: 'lokalbehandling; fusidinsyre brukes restriktivt',
};

/** The source of a rule as shown with every assessment; [GK]/[P] parts say "kontroller mot retningslinjen". */
export function describeSource(rule: GuidelineRule, usedRegimens: readonly Regimen[] = []): GuidelineSource {
  const evidenceTags = [rule.decisionEvidence, ...usedRegimens.map((regimen) => regimen.evidence)];
  const worst: EvidenceTag = evidenceTags.includes('GK') ? 'GK' : evidenceTags.includes('P') ? 'P' : 'V';
  const unverifiedParts = [...rule.unverifiedParts];
  for (const regimen of usedRegimens) {
    if (regimen.evidence !== 'V')
      unverifiedParts.unshift(
        `${regimen.substance.toLowerCase()} ${regimen.doseText} ${regimen.frequencyText} [${regimen.evidence}]`,
      );
  }
  if (rule.decisionEvidence !== 'V')
    unverifiedParts.unshift(`behandlingsbeslutningen [${rule.decisionEvidence}]`);
  const date = rule.sectionDate ? ` (${rule.sectionDate})` : '';
  const verified = worst === 'V';
  const check = verified
    ? unverifiedParts.length > 0
      ? '; enkelte deler av regelen er ikke verifisert (se listen)'
      : ''
    : `; ikke verifisert – ${CHECK_AGAINST_GUIDELINE}`;
  return {
    publisher: 'Helsedirektoratet',
    guideline: GUIDELINE_NAME,
    section: rule.section,
    reference: rule.reference,
    guidelineVersion: GUIDELINE_VERSION,
    ...(rule.sectionDate ? { sectionDate: rule.sectionDate } : {}),
    ruleVersion: `${rule.id}@${RULE_SET_VERSION}`,
    evidence: worst,
    verified,
    unverifiedParts: unverifiedParts.map((part) => `${part} – ${CHECK_AGAINST_GUIDELINE}`),
    citation: `Helsedirektoratet, ${GUIDELINE_NAME}, ${rule.section}${date}; regel ${rule.id}@${RULE_SET_VERSION} [${worst}]${check}`,
  };
}
