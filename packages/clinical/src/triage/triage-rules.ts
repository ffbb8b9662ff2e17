import type { TriageUrgency } from '@kollega/domain';

/**
 * The red-flag rule set for patient messages, as data. Every rule names its source: the section of
 * norwegian-domain.md it comes from, what that section is based on (NIMN chapter, helsenorge.no,
 * Helsedirektoratet guideline or general knowledge), the version/date of that basis and its evidence tag:
 * [V] verified in the primary source, [P] partly verified, [GK] general knowledge (verify before release).
 *
 * Rules are a floor: the triage result is at least the most urgent rule that fires, and nothing in the
 * message or from a model can lower it.
 */
export const TRIAGE_RULES_VERSION = 'triage-rules 1.0.0 (2026-12-04)';

/** Where a rule comes from. */
export interface TriageRuleSource {
  /** Section of the project's domain knowledge, e.g. "norwegian-domain.md §3.1". */
  knowledge: string;
  /** What it is based on, e.g. "NIMN kap. 11 Brystsmerter (Helsedirektoratet/NAKOS)". */
  basis: string;
  /** Version or date of the basis. */
  version: string;
  /** Evidence tag of norwegian-domain.md: V verified, P partly verified, GK general knowledge. */
  evidence: 'V' | 'P' | 'GK';
}

/** Extra wording the suggested reply needs for some rules. */
export type TriageReplyTopic = 'mental_health' | 'poisoning' | 'medication' | 'lab_result' | 'sick_leave';

/**
 * One triage rule.
 * - `all`: every entry must be found (not negated); an entry lists alternative concept ids with "|".
 * - `window`: the hits must lie within this many words of each other; absent = anywhere in the message.
 * - `unless`: the first entry's finding does not count when one of these concepts is found (not negated)
 *   within `unlessWindow` words of it (default 8), so an unrelated sentence elsewhere cannot suppress a rule.
 * - `clinical`: a clinical problem; at `samme_dag` or `akutt` it makes the message's category `klinisk`
 *   even inside a prescription or administrative request.
 */
export interface TriageRule {
  id: string;
  urgency: TriageUrgency;
  description: { nb: string; en: string };
  all: readonly string[];
  window?: number;
  unless?: readonly string[];
  unlessWindow?: number;
  clinical: boolean;
  topic?: TriageReplyTopic;
  source: TriageRuleSource;
}

const NIMN_VERSION = 'NIMN 4. utg. 2018 (legevaktindeks.no/nimn, lest 2026)';
const GK_VERSION = 'norwegian-domain.md 2026, ikke verifisert mot primærkilde';

function nimn(section: string, chapter: string, evidence: 'V' | 'P' = 'V'): TriageRuleSource {
  return {
    knowledge: `norwegian-domain.md ${section}`,
    basis: `Norsk indeks for medisinsk nødhjelp, kap. ${chapter} (Helsedirektoratet/NAKOS)`,
    version: NIMN_VERSION,
    evidence,
  };
}

function generalKnowledge(section: string, basis: string): TriageRuleSource {
  return { knowledge: `norwegian-domain.md ${section}`, basis, version: GK_VERSION, evidence: 'GK' };
}

const HELSENORGE_113: TriageRuleSource = {
  knowledge: 'norwegian-domain.md §3 (innledning) og §3.1',
  basis: 'helsenorge.no «Når skal du ringe 113» og NIMN kap. 11 Brystsmerter',
  version: 'helsenorge.no lest 2026; NIMN 4. utg. 2018',
  evidence: 'V',
};

const STRONG_SIGNS_WITH_CHEST_PAIN = 'radiation|clammy_pale|nausea_vomit|syncope|near_syncope_now|dyspnea';
const OTHER_SIGNS_WITH_CHEST_PAIN = 'dizzy|unwell|pressure_quality|severe|onset_very_recent';

/** The red-flag and handling rules, most urgent first. */
export const TRIAGE_RULES: readonly TriageRule[] = [
  // ===================== AKUTT (§3.1, RØD: ring 113) =====================
  {
    id: 'akutt.generelt.bevisstloshet',
    urgency: 'akutt',
    description: {
      nb: 'Bevisstløs, reagerer ikke eller lar seg ikke vekke',
      en: 'Unconscious, unresponsive or cannot be woken',
    },
    all: ['unconscious'],
    unless: ['treatment_response'],
    clinical: true,
    source: nimn('§3.1', '07 Generelt/uavklart'),
  },
  {
    id: 'akutt.generelt.puster-ikke',
    urgency: 'akutt',
    description: { nb: 'Puster ikke normalt', en: 'Not breathing normally' },
    all: ['not_breathing'],
    clinical: true,
    source: nimn('§3.1', '07 Generelt/uavklart'),
  },
  {
    id: 'akutt.generelt.holder-pa-a-besvime',
    urgency: 'akutt',
    description: { nb: 'Holder på å besvime', en: 'About to faint' },
    all: ['near_syncope_now'],
    clinical: true,
    source: nimn('§3.1', '07 Generelt/uavklart'),
  },
  {
    id: 'akutt.generelt.plutselig-blek-klam',
    urgency: 'akutt',
    description: { nb: 'Plutselig blek og klam', en: 'Suddenly pale and clammy' },
    all: ['sudden', 'pale_clammy'],
    window: 8,
    clinical: true,
    source: nimn('§3.1', '07 Generelt/uavklart'),
  },
  {
    id: 'akutt.generelt.plutselig-kraftlos',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig helt kraftløs, uvel eller påfallende medtatt',
      en: 'Suddenly weak, unwell or markedly ill',
    },
    all: ['sudden', 'unwell'],
    window: 6,
    clinical: true,
    source: nimn('§3.1', '07 Generelt/uavklart'),
  },
  {
    id: 'akutt.bryst.smerte-med-tilleggstegn',
    urgency: 'akutt',
    description: {
      nb: 'Brystsmerter med tilleggstegn (utstråling, klam/blek, kvalme, tung pust, besvimelse)',
      en: 'Chest pain with added signs (radiation, clammy or pale, nausea, breathlessness, fainting)',
    },
    all: ['chest_pain', STRONG_SIGNS_WITH_CHEST_PAIN],
    window: 40,
    clinical: true,
    source: HELSENORGE_113,
  },
  {
    id: 'akutt.bryst.trykk-sterk-eller-pagaende',
    urgency: 'akutt',
    description: {
      nb: 'Trykk/sterke smerter i brystet, pågående siden i dag, eller med svimmelhet/uvelhet',
      en: 'Chest pressure or severe chest pain, ongoing since today, or with dizziness or feeling unwell',
    },
    all: ['chest_pain', OTHER_SIGNS_WITH_CHEST_PAIN],
    window: 40,
    unless: ['breast_context'],
    unlessWindow: 3,
    clinical: true,
    source: HELSENORGE_113,
  },
  {
    id: 'akutt.generelt.mistenkt-infarkt-eller-slag',
    urgency: 'akutt',
    description: {
      nb: 'Pasient eller pårørende tror det er hjerteinfarkt eller hjerneslag',
      en: 'Patient or relative thinks it is a heart attack or stroke',
    },
    all: ['suspected_emergency'],
    clinical: true,
    source: { ...HELSENORGE_113, evidence: 'P' },
  },
  {
    id: 'akutt.generelt.kramper-uten-oppvakning',
    urgency: 'akutt',
    description: {
      nb: 'Kramper som pågår, første gang, eller uten at pasienten våkner',
      en: 'Seizure that is ongoing, first-time, or without waking',
    },
    all: ['seizure', 'unconscious|seizure_ongoing|child'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Kramper – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.generelt.funnet-pa-gulvet-med-utfall',
    urgency: 'akutt',
    description: {
      nb: 'Funnet på gulvet og klarer ikke å reise seg, forvirret eller taleforstyrret',
      en: 'Found on the floor, cannot get up, confused or speech disturbed',
    },
    all: ['found_on_floor', 'cannot_bear_weight|confusion|speech_disturbance|unconscious'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Eldre funnet på gulvet – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.skade.nakke-rygg-med-nevrologi',
    urgency: 'akutt',
    description: {
      nb: 'Skade med nakke-/ryggsmerter og nummenhet, prikking eller svakhet i armer/bein',
      en: 'Injury with neck or back pain and numbness, tingling or weakness in the limbs',
    },
    all: ['fall_or_injury|major_trauma', 'neck_back_pain', 'limb_neurology'],
    window: 30,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Mulig ryggmargsskade – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.pust.fremmedlegeme-i-luftveiene',
    urgency: 'akutt',
    description: {
      nb: 'Noe satt i halsen/luftveiene med hoste, piping eller pustevansker',
      en: 'Something stuck in the throat or airway with cough, wheeze or breathing difficulty',
    },
    all: ['airway_foreign_body'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Fremmedlegeme i luftveiene – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.bryst.nitroglyserin-virker-ikke',
    urgency: 'akutt',
    description: {
      nb: 'Nitroglyserin hjelper ikke eller bare forbigående',
      en: 'Nitroglycerin does not help or only briefly',
    },
    all: ['nitroglycerin_failure'],
    clinical: true,
    source: nimn('§3.1', '11 Brystsmerter'),
  },
  {
    id: 'akutt.bryst.hjertebank-med-uvelhet',
    urgency: 'akutt',
    description: {
      nb: 'Hjertebank eller uregelmessig puls og uvel',
      en: 'Palpitations or irregular pulse and unwell',
    },
    all: ['palpitations', 'unwell|syncope|near_syncope_now|dizzy|chest_pain|dyspnea|clammy_pale'],
    window: 30,
    clinical: true,
    source: nimn('§3.1', '11 Brystsmerter'),
  },
  {
    id: 'akutt.bryst.icd-stot',
    urgency: 'akutt',
    description: { nb: 'Støt fra ICD (implantert hjertestarter)', en: 'Shock from an ICD' },
    all: ['icd_shock'],
    clinical: true,
    source: nimn('§3.1', '11 Brystsmerter'),
  },
  {
    id: 'akutt.pust.alvorlig-tungpust',
    urgency: 'akutt',
    description: {
      nb: 'Alvorlig tungpust: klarer nesten ikke å puste/snakke sammenhengende, blå lepper',
      en: 'Severe breathlessness: can hardly breathe or speak in sentences, blue lips',
    },
    all: ['severe_dyspnea'],
    clinical: true,
    source: nimn('§3.1', '30 Pustevansker'),
  },
  {
    id: 'akutt.pust.far-ikke-puste',
    urgency: 'akutt',
    description: { nb: 'Får ikke puste', en: 'Cannot breathe' },
    all: ['breathe_unable'],
    clinical: true,
    source: nimn('§3.1', '30 Pustevansker'),
  },
  {
    id: 'akutt.pust.tungpust-med-tilleggstegn',
    urgency: 'akutt',
    description: {
      nb: 'Tungpust med brystsmerter, besvimelse, blek/klam, surkling, rask forverring eller hoven legg',
      en: 'Breathlessness with chest pain, fainting, pallor, gurgling, rapid worsening or a swollen calf',
    },
    all: [
      'dyspnea',
      'chest_pain|syncope|near_syncope_now|clammy_pale|gurgling|rapid_worsening|leg_swelling_painful',
    ],
    window: 40,
    clinical: true,
    source: nimn('§3.1', '30 Pustevansker'),
  },
  {
    id: 'akutt.pust.plutselig-tungpust-risiko',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig tungpust hos gravid, nylig fødende, nyoperert eller sengeliggende',
      en: 'Sudden breathlessness in pregnancy, after birth, after surgery or when bedridden',
    },
    all: ['dyspnea', 'sudden', 'pregnancy|postpartum|recent_surgery|bedridden|long_travel'],
    clinical: true,
    source: nimn('§3.1', '30 Pustevansker'),
  },
  {
    id: 'akutt.pust.astma-kols-forverring',
    urgency: 'akutt',
    description: {
      nb: 'Astma/lungesykdom som blir raskt verre eller ikke bedres av medisin',
      en: 'Asthma or lung disease rapidly worse or not helped by medicine',
    },
    all: ['dyspnea', 'medicine_not_helping|rapid_worsening', 'airway_disease'],
    window: 50,
    clinical: true,
    source: nimn('§3.1', '30 Pustevansker'),
  },
  {
    id: 'akutt.pust.feber-svelgvansker',
    urgency: 'akutt',
    description: {
      nb: 'Feber og klarer ikke å svelge, med tungpust, sikling eller hos barn',
      en: 'Fever and cannot swallow, with breathlessness, drooling or in a child',
    },
    all: ['fever', 'cannot_swallow', 'dyspnea|drooling|child'],
    clinical: true,
    source: nimn('§3.1', '16 Feber og 30 Pustevansker'),
  },
  {
    id: 'akutt.slag.tale',
    urgency: 'akutt',
    description: {
      nb: 'Talevansker/utydelig tale (mulig hjerneslag)',
      en: 'Speech difficulty (possible stroke)',
    },
    all: ['speech_disturbance'],
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.slag.ansikt',
    urgency: 'akutt',
    description: {
      nb: 'Skjevt ansikt/hengende munnvik (mulig hjerneslag)',
      en: 'Facial droop (possible stroke)',
    },
    all: ['face_droop'],
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.slag.arm-bein',
    urgency: 'akutt',
    description: {
      nb: 'Klarer ikke å løfte/bruke arm eller bein, lammelse (mulig hjerneslag)',
      en: 'Cannot lift or use an arm or leg, paralysis (possible stroke)',
    },
    all: ['limb_weakness'],
    unless: ['musculoskeletal_context'],
    unlessWindow: 20,
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.slag.plutselig-svakhet',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig svakhet/lammelse i arm, bein eller én side',
      en: 'Sudden weakness or paralysis of an arm, leg or one side',
    },
    all: ['limb_weakness', 'sudden|onset_very_recent'],
    window: 15,
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.slag.halvsidig-nummenhet',
    urgency: 'akutt',
    description: { nb: 'Nummenhet i den ene siden av kroppen', en: 'Numbness on one side of the body' },
    all: ['one_sided_numbness'],
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag', 'P'),
  },
  {
    id: 'akutt.slag.synstap',
    urgency: 'akutt',
    description: { nb: 'Plutselig synstap', en: 'Sudden loss of vision' },
    all: ['vision_loss'],
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.slag.plutselig-forvirret-ustø',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig forvirret, ustø eller dobbeltsyn, debut siste timer',
      en: 'Sudden confusion, unsteadiness or double vision, onset within hours',
    },
    all: ['sudden|onset_very_recent', 'confusion|unsteady|double_vision'],
    window: 15,
    clinical: true,
    source: nimn('§3.1', '28 Hjerneslag'),
  },
  {
    id: 'akutt.hodepine.tordenskrall',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig verste hodepine noensinne («som et smell»)',
      en: 'Sudden worst-ever headache (thunderclap)',
    },
    all: ['headache', 'thunderclap'],
    window: 15,
    clinical: true,
    source: nimn('§3.1', '20 Hodepine', 'P'),
  },
  {
    id: 'akutt.hodepine.plutselig-sterk-med-tegn',
    urgency: 'akutt',
    description: {
      nb: 'Plutselig sterk hodepine med kvalme, blekhet, lysskyhet, nakkestivhet, lammelse eller talevansker',
      en: 'Sudden severe headache with nausea, pallor, photophobia, neck stiffness, weakness or speech difficulty',
    },
    all: [
      'headache',
      'sudden',
      'nausea_vomit|clammy_pale|photophobia|neck_stiffness|speech_disturbance|limb_weakness|syncope|confusion|unconscious',
    ],
    window: 40,
    clinical: true,
    source: nimn('§3.1', '20 Hodepine'),
  },
  {
    id: 'akutt.hodepine.forvirring',
    urgency: 'akutt',
    description: { nb: 'Hodepine og akutt forvirring', en: 'Headache and acute confusion' },
    all: ['headache', 'confusion'],
    window: 30,
    clinical: true,
    source: nimn('§3.1', '20 Hodepine'),
  },
  {
    id: 'akutt.feber.nakkestivhet',
    urgency: 'akutt',
    description: {
      nb: 'Feber og nakkestivhet (mulig hjernehinnebetennelse)',
      en: 'Fever and neck stiffness (possible meningitis)',
    },
    all: ['fever', 'neck_stiffness'],
    clinical: true,
    source: nimn('§3.1', '16 Feber og 20 Hodepine'),
  },
  {
    id: 'akutt.feber.petekkier',
    urgency: 'akutt',
    description: {
      nb: 'Feber og prikker/utslett som ikke blekner ved trykk (glasstest)',
      en: 'Fever and a rash that does not fade under pressure (glass test)',
    },
    all: ['fever', 'petechiae'],
    clinical: true,
    source: nimn('§3.1', '16 Feber og 32 Sykt barn'),
  },
  {
    id: 'akutt.barn.petekkier',
    urgency: 'akutt',
    description: {
      nb: 'Barn med prikker/utslett som ikke blekner ved trykk',
      en: 'Child with a non-blanching rash',
    },
    all: ['child', 'petechiae'],
    clinical: true,
    source: nimn('§3.1', '32 Sykt barn', 'P'),
  },
  {
    id: 'akutt.feber.lyssky-hodepine',
    urgency: 'akutt',
    description: { nb: 'Feber, hodepine og lysskyhet', en: 'Fever, headache and photophobia' },
    all: ['fever', 'photophobia', 'headache'],
    clinical: true,
    source: nimn('§3.1', '16 Feber'),
  },
  {
    id: 'akutt.feber.rask-forverring',
    urgency: 'akutt',
    description: { nb: 'Feber med rask forverring', en: 'Fever with rapid worsening' },
    all: ['fever', 'rapid_worsening'],
    clinical: true,
    source: nimn('§3.1', '16 Feber'),
  },
  {
    id: 'akutt.feber.puster-raskt',
    urgency: 'akutt',
    description: { nb: 'Feber og puster raskt', en: 'Fever and fast breathing' },
    all: ['fever', 'breathes_fast'],
    clinical: true,
    source: nimn('§3.1', '16 Feber'),
  },
  {
    id: 'akutt.feber.forvirring',
    urgency: 'akutt',
    description: { nb: 'Feber og akutt forvirring', en: 'Fever and acute confusion' },
    all: ['fever', 'confusion'],
    clinical: true,
    source: nimn('§3.1', '16 Feber'),
  },
  {
    id: 'akutt.feber.svaert-medtatt',
    urgency: 'akutt',
    description: {
      nb: 'Feber og svært slapp/blek, kald og medtatt',
      en: 'Fever and very limp or pale, cold and very ill',
    },
    all: ['fever', 'very_ill_child|cold_and_ill'],
    clinical: true,
    source: nimn('§3.1', '16 Feber og 32 Sykt barn'),
  },
  {
    id: 'akutt.feber.nekrotiserende-infeksjon',
    urgency: 'akutt',
    description: {
      nb: 'Tegn på nekrotiserende bløtdelsinfeksjon (ekstreme smerter i rød/hoven hud, feber)',
      en: 'Signs of necrotising soft-tissue infection',
    },
    all: ['necrotising_signs', 'fever|rigors|unwell'],
    clinical: true,
    source: nimn('§3.1', '16 Feber', 'P'),
  },
  {
    id: 'akutt.barn.slapp-darlig-kontakt',
    urgency: 'akutt',
    description: {
      nb: 'Barn som er svært slapp, blek, har dårlig kontakt eller blir raskt sløvere',
      en: 'Child very limp, pale, poorly responsive or quickly drowsier',
    },
    all: ['child', 'very_ill_child'],
    clinical: true,
    source: nimn('§3.1', '32 Sykt barn'),
  },
  {
    id: 'akutt.barn.feber-pustevansker',
    urgency: 'akutt',
    description: { nb: 'Barn med feber og pustevansker', en: 'Child with fever and breathing difficulty' },
    all: ['child', 'fever', 'dyspnea'],
    clinical: true,
    source: nimn('§3.1', '32 Sykt barn'),
  },
  {
    id: 'akutt.mage.plutselig-sterk-med-sirkulasjonspavirkning',
    urgency: 'akutt',
    description: {
      nb: 'Plutselige sterke mage-/ryggsmerter med besvimelse eller blek/klam',
      en: 'Sudden severe abdominal or back pain with fainting or pallor',
    },
    all: ['abdominal_pain|back_pain', 'sudden|severe', 'syncope|near_syncope_now|clammy_pale'],
    window: 40,
    clinical: true,
    source: nimn('§3.1', '26 Mage/rygg'),
  },
  {
    id: 'akutt.mage.blodig-oppkast',
    urgency: 'akutt',
    description: { nb: 'Kaster opp blod eller kaffegrut', en: 'Vomiting blood or coffee grounds' },
    all: ['hematemesis'],
    clinical: true,
    source: nimn('§3.1', '26 Mage/rygg', 'P'),
  },
  {
    id: 'akutt.mage.svart-avforing-med-pavirkning',
    urgency: 'akutt',
    description: {
      nb: 'Svart avføring med svimmelhet/besvimelse eller hos pasient på blodfortynnende',
      en: 'Black stool with dizziness or fainting, or on anticoagulants',
    },
    all: ['melena', 'syncope|near_syncope_now|dizzy|clammy_pale|unwell|anticoagulant'],
    clinical: true,
    source: nimn('§3.1', '26 Mage/rygg', 'P'),
  },
  {
    id: 'akutt.blodning.stor',
    urgency: 'akutt',
    description: { nb: 'Stor blødning som ikke stopper', en: 'Major bleeding that does not stop' },
    all: ['heavy_bleeding'],
    unless: ['menstrual_bleeding', 'nosebleed'],
    unlessWindow: 0,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Store blødninger – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.graviditet.stor-blodning',
    urgency: 'akutt',
    description: { nb: 'Gravid med kraftig blødning', en: 'Pregnant with heavy bleeding' },
    all: ['pregnancy', 'heavy_bleeding'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg) og §3.2', 'Store blødninger; graviditet med blødning'),
  },
  {
    id: 'akutt.graviditet.plutselige-smerter-og-blodning',
    urgency: 'akutt',
    description: {
      nb: 'Gravid med plutselige sterke magesmerter og blødning',
      en: 'Pregnant with sudden severe abdominal pain and bleeding',
    },
    all: ['pregnancy', 'abdominal_pain', 'sudden|severe', 'vaginal_bleeding'],
    window: 40,
    clinical: true,
    source: generalKnowledge(
      '§3.1 (GK-tillegg) og §3.2',
      'Graviditet med sterke smerter og blødning (mulig morkakeløsning)',
    ),
  },
  {
    id: 'akutt.psykisk.selvmordsplan',
    urgency: 'akutt',
    description: {
      nb: 'Selvmordstanker med plan, middel, tidspunkt eller avskjed',
      en: 'Suicidal thoughts with a plan, means, time or farewell',
    },
    all: ['suicidal_ideation|weak_ideation', 'suicide_plan'],
    clinical: true,
    topic: 'mental_health',
    source: nimn('§3.1 og §3.4 (GUL 4: eskaler ved plan eller middel)', '29 Psykisk'),
  },
  {
    id: 'akutt.forgiftning.overdose',
    urgency: 'akutt',
    description: { nb: 'Har tatt en overdose / mange tabletter', en: 'Has taken an overdose' },
    all: ['overdose'],
    clinical: true,
    topic: 'poisoning',
    source: generalKnowledge(
      '§3.1 (GK-tillegg) og §3.4 RØD 5',
      'Forgiftning/overdose – allmennmedisinsk kunnskap',
    ),
  },
  {
    id: 'akutt.forgiftning.kjemikalie',
    urgency: 'akutt',
    description: {
      nb: 'Har fått i seg etsende/giftig stoff eller batteri/magnet',
      en: 'Swallowed a corrosive or toxic substance, battery or magnet',
    },
    all: ['poison_chemical'],
    clinical: true,
    topic: 'poisoning',
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Forgiftning – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.forgiftning.barn-legemidler',
    urgency: 'akutt',
    description: { nb: 'Barn som har fått i seg legemidler', en: 'Child who has swallowed medicines' },
    all: ['child', 'medication_ingestion'],
    window: 25,
    clinical: true,
    topic: 'poisoning',
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Forgiftning – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.allergi.anafylaksi',
    urgency: 'akutt',
    description: {
      nb: 'Mulig anafylaksi: hevelse i lepper/tunge/svelg, trangt i halsen eller pustevansker etter stikk, mat eller medisin',
      en: 'Possible anaphylaxis: swelling of lips/tongue/throat, tight throat or breathing difficulty after a sting, food or drug',
    },
    all: ['allergen_trigger', 'angioedema|throat_tightness|dyspnea|breathe_unable'],
    window: 60,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Anafylaksi – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.allergi.legemiddel-med-hevelse',
    urgency: 'akutt',
    description: {
      nb: 'Hevelse i lepper/tunge/ansikt, trangt i halsen eller får ikke puste etter nytt legemiddel',
      en: 'Swelling of lips, tongue or face, tight throat or cannot breathe after a new drug',
    },
    all: ['drug_trigger', 'angioedema|throat_tightness|breathe_unable|severe_dyspnea'],
    window: 60,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Anafylaksi/angioødem – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.allergi.hevelse-i-luftveiene',
    urgency: 'akutt',
    description: {
      nb: 'Hevelse i lepper/tunge med trangt i halsen eller pustevansker',
      en: 'Swelling of lips or tongue with tight throat or breathing difficulty',
    },
    all: ['angioedema', 'throat_tightness|dyspnea|breathe_unable'],
    window: 40,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Anafylaksi/angioødem – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.allergi.elveblest-med-pavirkning',
    urgency: 'akutt',
    description: {
      nb: 'Elveblest over hele kroppen med svimmelhet eller pustevansker',
      en: 'Generalised hives with dizziness or breathing difficulty',
    },
    all: ['hives_generalized', 'syncope|dizzy|near_syncope_now|dyspnea|throat_tightness'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Anafylaksi – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.skade.alvorlig',
    urgency: 'akutt',
    description: {
      nb: 'Alvorlig skade (ulykke, fall fra høyde, åpent brudd, stikk/skudd)',
      en: 'Serious injury',
    },
    all: ['major_trauma'],
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Alvorlig skade – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.skade.hode-med-tegn',
    urgency: 'akutt',
    description: {
      nb: 'Hodeskade med bevissthetstap, oppkast eller forvirring',
      en: 'Head injury with loss of consciousness, vomiting or confusion',
    },
    all: ['head_injury', 'unconscious|nausea_vomit|confusion|syncope|speech_disturbance'],
    window: 40,
    clinical: true,
    source: generalKnowledge('§3.1 (GK-tillegg)', 'Hodeskade – allmennmedisinsk kunnskap'),
  },
  {
    id: 'akutt.blodtrykk.over-220-125-og-uvel',
    urgency: 'akutt',
    description: { nb: 'Blodtrykk over 220/125 og uvel', en: 'Blood pressure above 220/125 and unwell' },
    all: [
      'bp_crisis_feature',
      'unwell|headache|chest_pain|confusion|dyspnea|nausea_vomit|blurred_vision|dizzy',
    ],
    clinical: true,
    source: nimn('§3.1', '20 Hodepine'),
  },

  // ===================== SAMME DAG (§3.2, GUL) =====================
  {
    id: 'samme_dag.pust.pustevansker',
    urgency: 'samme_dag',
    description: { nb: 'Pustevansker', en: 'Breathing difficulty' },
    all: ['dyspnea'],
    clinical: true,
    source: nimn('§3.2', '30 Pustevansker'),
  },
  {
    id: 'samme_dag.bryst.brystsmerter',
    urgency: 'samme_dag',
    description: { nb: 'Brystsmerter uten sikre tilleggstegn', en: 'Chest pain without clear added signs' },
    all: ['chest_pain'],
    unless: ['breast_context'],
    unlessWindow: 3,
    clinical: true,
    source: nimn('§3.2', '11 Brystsmerter', 'P'),
  },
  {
    id: 'samme_dag.generelt.kramper',
    urgency: 'samme_dag',
    description: { nb: 'Krampeanfall', en: 'Seizure' },
    all: ['seizure'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Kramper – allmennmedisinsk kunnskap'),
  },
  {
    id: 'samme_dag.generelt.funnet-pa-gulvet',
    urgency: 'samme_dag',
    description: { nb: 'Funnet på gulvet', en: 'Found on the floor' },
    all: ['found_on_floor'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Eldre funnet på gulvet'),
  },
  {
    id: 'samme_dag.skade.kan-ikke-belaste',
    urgency: 'samme_dag',
    description: {
      nb: 'Skade/fall og klarer ikke å stå eller gå (mulig brudd)',
      en: 'Injury or fall and cannot stand or walk (possible fracture)',
    },
    all: ['fall_or_injury', 'cannot_bear_weight'],
    window: 30,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Mulig brudd, f.eks. hoftebrudd'),
  },
  {
    id: 'samme_dag.generelt.dehydrering',
    urgency: 'samme_dag',
    description: {
      nb: 'Klarer ikke å holde på drikke (dehydrering)',
      en: 'Cannot keep fluids down (dehydration)',
    },
    all: ['dehydration_adult'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Dehydrering'),
  },
  {
    id: 'samme_dag.infeksjon.varmt-ledd-med-feber',
    urgency: 'samme_dag',
    description: {
      nb: 'Rødt, varmt eller hovent ledd med feber (mulig septisk artritt)',
      en: 'Red, hot or swollen joint with fever',
    },
    all: ['hot_joint', 'fever|rigors'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Septisk artritt'),
  },
  {
    id: 'samme_dag.infeksjon.sar-eller-bitt',
    urgency: 'samme_dag',
    description: {
      nb: 'Infisert sår, bitt eller operasjonssår (rødt, hovent, puss)',
      en: 'Infected wound, bite or surgical wound',
    },
    all: ['wound_infection'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Sårinfeksjon og dyrebitt'),
  },
  {
    id: 'samme_dag.infeksjon.hevelse-i-ansiktet-med-feber',
    urgency: 'samme_dag',
    description: {
      nb: 'Hevelse i kinn/ansikt med feber (tannabscess, cellulitt)',
      en: 'Facial swelling with fever',
    },
    all: ['facial_swelling', 'fever|rigors'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Tannabscess/ansiktscellulitt'),
  },
  {
    id: 'samme_dag.infeksjon.hevelse-bak-oret',
    urgency: 'samme_dag',
    description: {
      nb: 'Rødt/hovent bak øret (mulig mastoiditt)',
      en: 'Red or swollen behind the ear (possible mastoiditis)',
    },
    all: ['behind_ear_swelling'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Mastoiditt'),
  },
  {
    id: 'samme_dag.oye.fremmedlegeme',
    urgency: 'samme_dag',
    description: { nb: 'Fremmedlegeme i øyet (særlig fra sliping/metall)', en: 'Foreign body in the eye' },
    all: ['foreign_body_eye'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Fremmedlegeme i øyet'),
  },
  {
    id: 'samme_dag.skade.feilstilling',
    urgency: 'samme_dag',
    description: {
      nb: 'Skade med feilstilling eller mulig brudd',
      en: 'Injury with deformity or possible fracture',
    },
    all: ['fall_or_injury|deformity', 'deformity|cannot_bear_weight'],
    window: 30,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Mulige brudd og luksasjoner'),
  },
  {
    id: 'samme_dag.generelt.gulsott',
    urgency: 'samme_dag',
    description: { nb: 'Gulsott (gul hud/gule øyne)', en: 'Jaundice' },
    all: ['jaundice'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Nyoppstått gulsott; hos nyfødte: vurderes samme dag'),
  },
  {
    id: 'samme_dag.skade.brannskade',
    urgency: 'samme_dag',
    description: {
      nb: 'Brannskade med store blemmer, stor utbredelse eller i ansiktet',
      en: 'Burn with large blisters, large area or on the face',
    },
    all: ['burn', 'burn_extent'],
    window: 20,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Brannskader'),
  },
  {
    id: 'samme_dag.infeksjon.helvetesild-i-ansiktet',
    urgency: 'samme_dag',
    description: { nb: 'Helvetesild i ansiktet/nær øyet', en: 'Shingles on the face or near the eye' },
    all: ['zoster_face'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Herpes zoster ophthalmicus'),
  },
  {
    id: 'samme_dag.blodning.neseblod-som-ikke-stopper',
    urgency: 'samme_dag',
    description: { nb: 'Kraftig neseblod som ikke stopper', en: 'Heavy nosebleed that does not stop' },
    all: ['nosebleed', 'heavy_bleeding|severe|not_improving'],
    window: 20,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Epistaxis'),
  },
  {
    id: 'samme_dag.smerte.sterke-mage-eller-flankesmerter',
    urgency: 'samme_dag',
    description: {
      nb: 'Sterke eller bølgevise mage-/flankesmerter',
      en: 'Severe or colicky abdominal or flank pain',
    },
    all: ['abdominal_pain|flank_pain', 'severe|colicky_pain'],
    window: 15,
    unless: ['menstrual_context'],
    clinical: true,
    source: nimn('§3.2', '26 Mage/rygg', 'P'),
  },
  {
    id: 'samme_dag.bryst.plutselig-hjertebank',
    urgency: 'samme_dag',
    description: { nb: 'Plutselig hjertebank/uregelmessig puls', en: 'Sudden palpitations' },
    all: ['palpitations', 'sudden|onset_very_recent'],
    window: 20,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Hjertebank – allmennmedisinsk kunnskap'),
  },
  {
    id: 'samme_dag.generelt.besvimelse',
    urgency: 'samme_dag',
    description: { nb: 'Har besvimt', en: 'Has fainted' },
    all: ['syncope'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Synkope – allmennmedisinsk kunnskap'),
  },
  {
    id: 'samme_dag.barn.feber-under-3-maneder',
    urgency: 'samme_dag',
    description: { nb: 'Feber hos barn under 3 måneder', en: 'Fever in an infant under 3 months' },
    all: ['infant', 'fever'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn'),
  },
  {
    id: 'samme_dag.feber.immunsvikt',
    urgency: 'samme_dag',
    description: {
      nb: 'Feber hos pasient med immunsvikt eller cellegiftbehandling',
      en: 'Fever with immunosuppression or chemotherapy',
    },
    all: ['fever', 'immunosuppressed'],
    clinical: true,
    source: nimn('§3.2', '16 Feber'),
  },
  {
    id: 'samme_dag.feber.frostanfall',
    urgency: 'samme_dag',
    description: { nb: 'Frostanfall/frysninger', en: 'Rigors' },
    all: ['rigors'],
    clinical: true,
    source: nimn('§3.2', '16 Feber'),
  },
  {
    id: 'samme_dag.feber.magesmerter',
    urgency: 'samme_dag',
    description: {
      nb: 'Feber og økende/sterke magesmerter',
      en: 'Fever and increasing or severe abdominal pain',
    },
    all: ['fever', 'abdominal_pain', 'worsening|severe|colicky_pain'],
    window: 40,
    clinical: true,
    source: nimn('§3.2', '26 Mage/rygg'),
  },
  {
    id: 'samme_dag.mage.mulig-graviditet-magesmerter',
    urgency: 'samme_dag',
    description: {
      nb: 'Smerter nedre del av magen og mulig graviditet',
      en: 'Lower abdominal pain and possible pregnancy',
    },
    all: ['abdominal_pain', 'possible_pregnancy'],
    clinical: true,
    source: nimn('§3.2', '26 Mage/rygg (sterke smerter; her også moderate)', 'P'),
  },
  {
    id: 'samme_dag.rygg.nevrologiske-utfall',
    urgency: 'samme_dag',
    description: {
      nb: 'Ryggsmerter med nedsatt kraft i bein eller vannlatingsproblemer',
      en: 'Back pain with leg weakness or urinary problems',
    },
    all: ['back_pain', 'leg_weakness|urination_problem'],
    clinical: true,
    source: nimn('§3.2', '26 Mage/rygg'),
  },
  {
    id: 'samme_dag.hode.slag-mot-hodet-blodfortynnende',
    urgency: 'samme_dag',
    description: { nb: 'Slag mot hodet hos pasient på blodfortynnende', en: 'Head injury on anticoagulants' },
    all: ['head_injury', 'anticoagulant'],
    clinical: true,
    source: nimn('§3.2', '20 Hodepine / skader'),
  },
  {
    id: 'samme_dag.graviditet.hodepine',
    urgency: 'samme_dag',
    description: { nb: 'Gravid med (økende) hodepine', en: 'Pregnant with (increasing) headache' },
    all: ['pregnancy', 'headache'],
    clinical: true,
    source: nimn('§3.2', '20 Hodepine'),
  },
  {
    id: 'samme_dag.graviditet.blodning-eller-smerter',
    urgency: 'samme_dag',
    description: {
      nb: 'Gravid med blødning eller magesmerter',
      en: 'Pregnant with bleeding or abdominal pain',
    },
    all: ['pregnancy', 'vaginal_bleeding|abdominal_pain'],
    window: 40,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Graviditet med blødning eller smerter'),
  },
  {
    id: 'samme_dag.psykisk.selvmordstanker',
    urgency: 'samme_dag',
    description: { nb: 'Selvmordstanker uten oppgitt plan', en: 'Suicidal thoughts without a stated plan' },
    all: ['suicidal_ideation'],
    clinical: true,
    topic: 'mental_health',
    source: nimn('§3.2 og §3.4 GUL 4', '29 Psykisk'),
  },
  {
    id: 'samme_dag.urin.mulig-pyelonefritt',
    urgency: 'samme_dag',
    description: {
      nb: 'Urinveissymptomer eller flankesmerter med feber/frysninger (mulig pyelonefritt)',
      en: 'Urinary symptoms or flank pain with fever or chills (possible pyelonephritis)',
    },
    all: ['fever|rigors', 'flank_pain|uti_symptoms'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Mistenkt pyelonefritt (feber + flankesmerter)'),
  },
  {
    id: 'samme_dag.urin.uvi-hos-gravid',
    urgency: 'samme_dag',
    description: { nb: 'Urinveissymptomer hos gravid', en: 'Urinary symptoms in pregnancy' },
    all: ['uti_symptoms', 'pregnancy'],
    clinical: true,
    source: {
      knowledge: 'norwegian-domain.md §2.1 (cystitt hos gravide) og §3.2',
      basis:
        'Nasjonal faglig retningslinje for antibiotikabruk i primærhelsetjenesten (Helsedirektoratet); samme dag er GK',
      version: '2021-revisjon med senere oppdateringer',
      evidence: 'P',
    },
  },
  {
    id: 'samme_dag.urin.urinretensjon',
    urgency: 'samme_dag',
    description: { nb: 'Får ikke tisset (mulig urinretensjon)', en: 'Cannot pass urine' },
    all: ['urinary_retention'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Akutt urinretensjon'),
  },
  {
    id: 'samme_dag.hud.spredende-rodme-med-feber',
    urgency: 'samme_dag',
    description: {
      nb: 'Rødme/hevelse som sprer seg, med feber (erysipelas/cellulitt)',
      en: 'Spreading redness with fever (erysipelas/cellulitis)',
    },
    all: ['spreading_redness', 'fever|rigors'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Erysipelas/cellulitt med feber'),
  },
  {
    id: 'samme_dag.kar.mulig-dyp-venetrombose',
    urgency: 'samme_dag',
    description: {
      nb: 'Ensidig hoven, øm/varm legg eller bein (mulig DVT)',
      en: 'One-sided swollen, painful leg (possible DVT)',
    },
    all: ['leg_swelling_painful'],
    unless: ['both_sides'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Mistenkt dyp venetrombose'),
  },
  {
    id: 'samme_dag.sanser.plutselig-horselstap',
    urgency: 'samme_dag',
    description: { nb: 'Plutselig hørselstap', en: 'Sudden hearing loss' },
    all: ['sudden_hearing_loss'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Plutselig hørselstap'),
  },
  {
    id: 'samme_dag.oye.rodt-vondt-med-synsforstyrrelse',
    urgency: 'samme_dag',
    description: {
      nb: 'Rødt/vondt øye med tåkesyn eller lysskyhet',
      en: 'Red or painful eye with blurred vision or photophobia',
    },
    all: ['eye_problem', 'blurred_vision|photophobia'],
    window: 40,
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Rødt øye med synsreduksjon (iritt, keratitt, glaukom)'),
  },
  {
    id: 'samme_dag.oye.kjemikalier',
    urgency: 'samme_dag',
    description: {
      nb: 'Kjemikalier i øyet (skyll straks, legevakt nå)',
      en: 'Chemical in the eye (rinse now, emergency clinic now)',
    },
    all: ['chemical_in_eye'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Etseskade i øyet'),
  },
  {
    id: 'samme_dag.legemiddel.feil-eller-reaksjon',
    urgency: 'samme_dag',
    description: {
      nb: 'Feil legemiddel/dose eller reaksjon på legemiddel',
      en: 'Medication error or adverse reaction',
    },
    all: ['medication_error'],
    clinical: true,
    topic: 'poisoning',
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Medisineringsfeil eller bivirkning med symptomer'),
  },
  {
    id: 'samme_dag.legemiddel.reaksjon',
    urgency: 'samme_dag',
    description: {
      nb: 'Utslett, hevelse eller tung pust etter legemiddel',
      en: 'Rash, swelling or breathlessness after a drug',
    },
    all: ['drug_trigger', 'rash_or_swelling|hives_generalized|dyspnea|dizzy|syncope'],
    window: 30,
    clinical: true,
    source: generalKnowledge('§3.2 (GK-tillegg)', 'Bivirkning med symptomer'),
  },
  {
    id: 'samme_dag.barn.spedbarn-slapp-eller-spiser-ikke',
    urgency: 'samme_dag',
    description: {
      nb: 'Spedbarn under 3 måneder som er slapp eller ikke spiser/drikker',
      en: 'Infant under 3 months who is limp or not feeding',
    },
    all: ['infant', 'limp_plain|dehydration_child'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn', 'P'),
  },
  {
    id: 'samme_dag.hals.mulig-peritonsillitt',
    urgency: 'samme_dag',
    description: {
      nb: 'Halssmerter med svelgvansker, gapesperre eller grøtete stemme (mulig peritonsillær abscess); ring 113 ved pustevansker',
      en: 'Sore throat with difficulty swallowing, trismus or muffled voice (possible peritonsillar abscess)',
    },
    all: ['throat_pain', 'cannot_swallow|trismus|muffled_voice'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Peritonsillær abscess'),
  },
  {
    id: 'samme_dag.mage.mulig-appendisitt',
    urgency: 'samme_dag',
    description: {
      nb: 'Magesmerter nede til høyre/vandret fra navlen med feber, kvalme eller smerter ved gange',
      en: 'Right lower abdominal pain with fever, nausea or pain on walking',
    },
    all: ['abdominal_pain', 'right_lower_quadrant|migrating_pain', 'fever|nausea_vomit|pain_on_movement'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Mistenkt appendisitt'),
  },
  {
    id: 'samme_dag.mage.svart-avforing',
    urgency: 'samme_dag',
    description: { nb: 'Svart avføring (mulig blødning)', en: 'Black stool (possible bleeding)' },
    all: ['melena'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Melena'),
  },
  {
    id: 'samme_dag.generelt.akutt-forvirring',
    urgency: 'samme_dag',
    description: {
      nb: 'Akutt forvirring (mulig delirium); ring 113 ved slagtegn, debut siste timer eller nedsatt bevissthet',
      en: 'Acute confusion (possible delirium)',
    },
    all: ['confusion'],
    clinical: true,
    source: nimn('§3.1/§3.2', '28 Hjerneslag (RØD ved debut < 12 t)', 'P'),
  },
  {
    id: 'samme_dag.prove.kritisk-verdi',
    urgency: 'samme_dag',
    description: {
      nb: 'Kritisk laboratorieverdi (kalium, natrium, Hb, INR, glukose, CRP eller kalsium)',
      en: 'Critical laboratory value',
    },
    all: [
      'potassium_critical_feature|sodium_critical_feature|hemoglobin_critical_feature|inr_critical_feature|glucose_critical_feature|crp_critical_feature|calcium_critical_feature',
    ],
    clinical: false,
    topic: 'lab_result',
    source: generalKnowledge('§3.2 (GK)', 'Kritiske laboratorieverdier – allmennmedisinsk kunnskap'),
  },
  {
    id: 'samme_dag.resept.kritisk-legemiddel-tomt',
    urgency: 'samme_dag',
    description: {
      nb: 'Går tom for legemiddel som ikke kan avbrytes (insulin, antiepileptika, Parkinson, kortison)',
      en: 'Running out of a medicine that must not be interrupted',
    },
    all: ['critical_medication', 'running_out_soon'],
    window: 30,
    clinical: false,
    topic: 'medication',
    source: generalKnowledge('§3.2 (GK)', 'Legemidler som ikke kan avbrytes'),
  },
  {
    id: 'samme_dag.feber.langvarig-uten-bedring',
    urgency: 'samme_dag',
    description: {
      nb: 'Feber i 3 dager eller mer, eller uten bedring',
      en: 'Fever for 3 days or more, or not improving',
    },
    all: ['fever', 'duration_days_3plus_feature|not_improving'],
    window: 12,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Langvarig feber'),
  },
  {
    id: 'samme_dag.barn.feber-og-slapp',
    urgency: 'samme_dag',
    description: {
      nb: 'Barn med feber som er slapp/sløv eller «ikke seg selv»',
      en: 'Child with fever who is limp or not themselves',
    },
    all: ['child', 'fever', 'limp_plain'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn (foreldre vurderer barnet som sykt)', 'P'),
  },
  {
    id: 'samme_dag.barn.blod-i-avforingen',
    urgency: 'samme_dag',
    description: { nb: 'Barn med blod i avføringen', en: 'Child with blood in the stool' },
    all: ['child', 'blood_in_stool'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn'),
  },
  {
    id: 'samme_dag.barn.takvise-magesmerter',
    urgency: 'samme_dag',
    description: { nb: 'Barn med takvise magesmerter', en: 'Child with colicky abdominal pain' },
    all: ['child', 'abdominal_pain', 'colicky_pain'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn'),
  },
  {
    id: 'samme_dag.barn.dehydrering',
    urgency: 'samme_dag',
    description: {
      nb: 'Barn som ikke drikker eller ikke tisser',
      en: 'Child not drinking or not passing urine',
    },
    all: ['child', 'dehydration_child'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn', 'P'),
  },
  {
    id: 'samme_dag.barn.mulig-mishandling',
    urgency: 'samme_dag',
    description: { nb: 'Mulig mishandling av barn', en: 'Possible child abuse' },
    all: ['child', 'abuse_suspicion'],
    clinical: true,
    source: nimn('§3.2', '32 Sykt barn'),
  },
  {
    id: 'samme_dag.hud.prikker-som-ikke-blekner',
    urgency: 'samme_dag',
    description: {
      nb: 'Prikker/utslett som ikke blekner ved trykk, uten feber',
      en: 'Non-blanching rash without fever',
    },
    all: ['petechiae'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Petekkier uten feber'),
  },
  {
    id: 'samme_dag.smerte.uutholdelig',
    urgency: 'samme_dag',
    description: { nb: 'Uutholdelige smerter', en: 'Unbearable pain' },
    all: ['severe_pain'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Sterke smerter'),
  },
  {
    id: 'samme_dag.testikkel.plutselig-smerte',
    urgency: 'samme_dag',
    description: {
      nb: 'Plutselig/sterk smerte i testikkel (mulig torsjon – vurderes straks)',
      en: 'Sudden testicular pain (possible torsion)',
    },
    all: ['testicular_pain', 'sudden|severe|onset_very_recent'],
    window: 20,
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Testikkeltorsjon'),
  },
  {
    id: 'samme_dag.pust.blodig-ophost',
    urgency: 'samme_dag',
    description: { nb: 'Hoster opp blod', en: 'Coughing up blood' },
    all: ['hemoptysis'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Hemoptyse'),
  },
  {
    id: 'samme_dag.blodtrykk.svaert-hoyt-med-symptomer',
    urgency: 'samme_dag',
    description: {
      nb: 'Blodtrykk 180/110 eller høyere med symptomer',
      en: 'Blood pressure 180/110 or higher with symptoms',
    },
    all: ['bp_very_high_feature', 'headache|chest_pain|blurred_vision|confusion|dizzy|unwell'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Alvorlig hypertensjon'),
  },
  {
    id: 'samme_dag.allergi.elveblest-etter-eksponering',
    urgency: 'samme_dag',
    description: {
      nb: 'Utbredt elveblest/kløe etter stikk, mat eller medisin',
      en: 'Generalised hives after a sting, food or drug',
    },
    all: ['hives_generalized', 'allergen_trigger|drug_trigger'],
    clinical: true,
    source: generalKnowledge('§3.2 (GK)', 'Allergisk reaksjon uten luftveissymptomer'),
  },

  // ===================== INNEN UKE (GK: clinical assessment within days) =====================
  {
    id: 'innen_uke.kreft.ny-kul',
    urgency: 'innen_uke',
    description: {
      nb: 'Ny kul i bryst, testikkel, hals, armhule eller lyske',
      en: 'New lump in breast, testicle, neck, armpit or groin',
    },
    all: ['lump'],
    clinical: true,
    source: generalKnowledge(
      '§3.3 (GK: pakkeforløp kreft)',
      'Pakkeforløp for kreft (Helsedirektoratet) – ikke verifisert her',
    ),
  },
  {
    id: 'innen_uke.kreft.foflekk-endring',
    urgency: 'innen_uke',
    description: {
      nb: 'Føflekk som vokser, blir mørkere, klør eller blør',
      en: 'Mole that grows, darkens, itches or bleeds',
    },
    all: ['changing_mole'],
    clinical: true,
    source: generalKnowledge(
      '§3.3 (GK: pakkeforløp føflekkreft)',
      'Pakkeforløp for kreft (Helsedirektoratet) – ikke verifisert her',
    ),
  },
  {
    id: 'innen_uke.kreft.vekttap',
    urgency: 'innen_uke',
    description: { nb: 'Uforklart vekttap', en: 'Unexplained weight loss' },
    all: ['weight_loss'],
    clinical: true,
    source: generalKnowledge('§3.3 (GK)', 'Uforklart vekttap'),
  },
  {
    id: 'innen_uke.urin.blod-i-urinen',
    urgency: 'innen_uke',
    description: { nb: 'Blod i urinen', en: 'Blood in the urine' },
    all: ['blood_in_urine'],
    clinical: true,
    source: generalKnowledge('§3.3 (GK)', 'Makroskopisk hematuri'),
  },
  {
    id: 'innen_uke.mage.blod-i-avforingen',
    urgency: 'innen_uke',
    description: { nb: 'Blod i avføringen', en: 'Blood in the stool' },
    all: ['blood_in_stool'],
    clinical: true,
    source: generalKnowledge('§3.3 (GK)', 'Rektal blødning'),
  },
  {
    id: 'innen_uke.blodtrykk.forhoyet',
    urgency: 'innen_uke',
    description: {
      nb: 'Forhøyet blodtrykk (140/90 eller høyere)',
      en: 'Raised blood pressure (140/90 or higher)',
    },
    all: ['bp_elevated_feature'],
    clinical: true,
    source: generalKnowledge('§3.3 (GK)', 'Hypertensjon – oppfølging'),
  },
  {
    id: 'innen_uke.prove.forhoyet-psa',
    urgency: 'innen_uke',
    description: { nb: 'Forhøyet PSA', en: 'Raised PSA' },
    all: ['psa_elevated_feature'],
    clinical: false,
    topic: 'lab_result',
    source: generalKnowledge(
      '§3.3 (GK: pakkeforløp prostatakreft)',
      'Pakkeforløp for prostatakreft – ikke verifisert her',
    ),
  },
  {
    id: 'innen_uke.infeksjon.flattbitt-med-rodme',
    urgency: 'innen_uke',
    description: {
      nb: 'Flåttbitt med rødme (mulig erythema migrans)',
      en: 'Tick bite with redness (possible erythema migrans)',
    },
    all: ['tick_bite', 'redness'],
    clinical: true,
    source: {
      knowledge: 'norwegian-domain.md §2.1 (Lyme borreliose, erythema migrans)',
      basis:
        'Nasjonal faglig retningslinje for antibiotikabruk i primærhelsetjenesten (Helsedirektoratet); tidsramme GK',
      version: '2021-revisjon med senere oppdateringer',
      evidence: 'P',
    },
  },
  {
    id: 'innen_uke.sykmelding.utloper-snart',
    urgency: 'innen_uke',
    description: {
      nb: 'Sykmelding som går ut snart og må vurderes før den utløper',
      en: 'Sick leave about to expire, needs assessment first',
    },
    all: ['sick_leave', 'sick_leave_expiry'],
    window: 12,
    clinical: false,
    topic: 'sick_leave',
    source: generalKnowledge('§3.3 (GK)', 'Forlengelse av sykmelding krever legens vurdering før utløp'),
  },
];

/** The rule that lists instructions aimed at the triage inside a message; it never changes the urgency. */
export const INJECTION_RULE = {
  id: 'styring.forsok-pa-a-styre-triagen',
  description: {
    nb: 'Forsøk på å styre triagen (instruksjon i meldingen er ignorert)',
    en: 'Attempt to steer the triage (instruction ignored)',
  },
  concept: 'injection_override',
  source: {
    knowledge: 'norwegian-domain.md §0 regel 5 og §3.4 (designnotater)',
    basis: 'Regelgulv: modellen eller meldingen kan aldri senke hastegraden',
    version: GK_VERSION,
    evidence: 'P',
  } satisfies TriageRuleSource,
} as const;

/**
 * Figures of speech and non-clinical uses of alarm words that must not fire a rule ("holdt på å dø av latter",
 * "forvirret over dosen"); their words are ignored.
 */
export const FIGURATIVE_PHRASES: readonly string[] = [
  'holdt på å dø av latter|holder på å dø av latter|dø av latter|døde av latter|dør av latter|dø av skam|dør av skam|dø av kjedsomhet',
  'le meg i hjel|ler meg i hjel|lo meg i hjel|kjeder meg i hjel|kjedet meg i hjel|gruer meg i hjel|sulten som en ulv',
  'died laughing|dying of laughter|dying with laughter|die of embarrassment|die of boredom|killing me|dying to',
  'nesten hjerteinfarkt|nesten fikk hjerteinfarkt|holdt på å få hjerteinfarkt|fikk nesten hjerteinfarkt|nesten slag|fikk nesten slag|hjertet i halsen|almost had a heart attack|nearly had a heart attack',
  'gjøre slutt på forholdet|gjorde slutt på forholdet|slo opp',
  'forvirret over|forvirret om|forvirret angående|forvirra over|confused about|confused by',
  'lammet av skrekk|lammet av frykt|lamslått|paralysed with fear|paralyzed with fear',
];
