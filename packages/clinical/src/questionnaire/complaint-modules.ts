import type { ComplaintModule, QuestionnaireSource } from './types';

/**
 * Follow-up questions for common complaints in the pre-visit questionnaire. Sources as in Kollega's domain
 * knowledge (norwegian-domain.md §2.1 and §3): Centor criteria for sore throat, the cystitis questions of the
 * antibiotic guideline, and the NIMN red flags for back pain. [GK] rules must be checked before release.
 */

const NIMN: QuestionnaireSource = {
  citation: 'Norsk indeks for medisinsk nødhjelp (NIMN), Helsedirektoratet/NAKOS',
  version: '4. utgave 2018',
  evidence: 'V',
};

const CENTOR: QuestionnaireSource = {
  citation:
    'Centor-kriterier for voksne (medisin.no), gjengitt i Helsedirektoratets antibiotikaretningslinje-kapittel om sår hals',
  version: 'norwegian-domain.md §2.1, 2026',
  evidence: 'P',
};

const ANTIBIOTIC_GUIDELINE: QuestionnaireSource = {
  citation:
    'Helsedirektoratet: Nasjonal faglig retningslinje for antibiotikabruk i primærhelsetjenesten, cystitt',
  version: 'digital utgave fra 16.11.2021; 2025-revisjonen ikke bekreftet',
  evidence: 'V',
};

const GENERAL_KNOWLEDGE: QuestionnaireSource = {
  citation: 'Allmennmedisinsk praksis (ikke bekreftet i en skriftlig kilde – kontroller)',
  version: 'norwegian-domain.md [GK], 2026',
  evidence: 'GK',
};

/** Sore throat: the four Centor questions, and the red flags of a throat that closes. */
const SORE_THROAT: ComplaintModule = {
  id: 'sore-throat',
  title: { nb: 'Vondt i halsen', en: 'Sore throat' },
  keywords:
    /(?:sår|vond\p{L}*) (?:i )?hals\p{L}*|halsvond\p{L}*|vondt i halsen|halsbetennelse|svelgsmert\p{L}*|vondt å svelge|mandl\p{L}*|tonsill\p{L}*|sore throat|throat (?:pain|hurts)|hurts to swallow|tonsil\p{L}*|strep/iu,
  questions: [
    {
      id: 'throat-fever',
      text: { nb: 'Har du hatt feber over 38,5 °C?', en: 'Have you had a fever over 38.5 °C?' },
      hint: {
        nb: 'Svar «Vet ikke» hvis du ikke har målt.',
        en: 'Answer “Don’t know” if you have not measured it.',
      },
      label: { nb: 'Feber over 38,5 °C', en: 'Fever over 38.5 °C' },
      centorPointWhen: 'ja',
    },
    {
      id: 'throat-cough',
      text: { nb: 'Har du hoste?', en: 'Do you have a cough?' },
      label: { nb: 'Hoste', en: 'Cough' },
      centorPointWhen: 'nei',
    },
    {
      id: 'throat-glands',
      text: {
        nb: 'Har du hovne og ømme kjertler foran på halsen?',
        en: 'Do you have swollen, tender glands at the front of your neck?',
      },
      label: {
        nb: 'Hovne, ømme lymfeknuter foran på halsen',
        en: 'Swollen, tender glands at the front of the neck',
      },
      centorPointWhen: 'ja',
    },
    {
      id: 'throat-coating',
      text: { nb: 'Har du hvitt belegg på mandlene?', en: 'Do you have a white coating on your tonsils?' },
      hint: { nb: 'Se i et speil med lommelykt.', en: 'Look in a mirror with a torch.' },
      label: { nb: 'Hvitt belegg på mandlene', en: 'White coating on the tonsils' },
      centorPointWhen: 'ja',
    },
    {
      id: 'throat-one-side',
      text: {
        nb: 'Er det mye vondere på én side, eller vanskelig å åpne munnen?',
        en: 'Is it much worse on one side, or hard to open your mouth?',
      },
      label: {
        nb: 'Ensidige smerter eller vansker med å åpne munnen',
        en: 'One-sided pain or trouble opening the mouth',
      },
    },
    {
      id: 'throat-breathing',
      text: {
        nb: 'Har du vansker med å puste, eller klarer du ikke å svelge spyttet?',
        en: 'Do you find it hard to breathe, or are you unable to swallow your saliva?',
      },
      label: {
        nb: 'Pustevansker eller klarer ikke å svelge spytt',
        en: 'Trouble breathing or unable to swallow saliva',
      },
    },
  ],
  redFlagRules: [
    {
      id: 'throat-airway',
      allYes: ['throat-breathing'],
      urgency: 'akutt',
      description: {
        nb: 'Pustevansker eller klarer ikke å svelge spytt ved sår hals (NIMN 30/16: RØD)',
        en: 'Trouble breathing or unable to swallow saliva with a sore throat (NIMN 30/16: RED)',
      },
      source: NIMN,
    },
    {
      id: 'throat-abscess',
      allYes: ['throat-one-side'],
      urgency: 'samme_dag',
      description: {
        nb: 'Ensidige smerter eller vansker med å åpne munnen: obs. peritonsillær abscess [GK]',
        en: 'One-sided pain or trouble opening the mouth: possible peritonsillar abscess [GK]',
      },
      source: GENERAL_KNOWLEDGE,
    },
  ],
  doctorNotes: [],
  source: CENTOR,
};

/** Urinary symptoms: the cystitis questions of the antibiotic guideline. */
const URINARY: ComplaintModule = {
  id: 'urinary',
  title: { nb: 'Plager når du tisser', en: 'Problems passing urine' },
  keywords:
    /tiss\p{L}*|urin\p{L}*|vannlat\p{L}*|svi\p{L}* (?:når|ved)|blærekatarr|blærebetennelse|cystitt|pee\p{L}*|burning when|bladder|cystitis|(?<!\p{L})uti(?!\p{L})/iu,
  questions: [
    {
      id: 'urinary-burning',
      text: { nb: 'Svir eller brenner det når du tisser?', en: 'Does it sting or burn when you pass urine?' },
      label: { nb: 'Svie ved vannlating', en: 'Burning on passing urine' },
    },
    {
      id: 'urinary-frequency',
      text: { nb: 'Må du tisse oftere enn vanlig?', en: 'Do you need to pass urine more often than usual?' },
      label: { nb: 'Hyppig vannlating', en: 'Passing urine more often' },
    },
    {
      id: 'urinary-fever',
      text: { nb: 'Har du feber eller frysninger?', en: 'Do you have a fever or chills?' },
      label: { nb: 'Feber eller frysninger', en: 'Fever or chills' },
    },
    {
      id: 'urinary-flank',
      text: {
        nb: 'Har du vondt i ryggen eller i siden, der nyrene er?',
        en: 'Do you have pain in your back or side, where the kidneys are?',
      },
      label: { nb: 'Smerter i rygg eller flanke', en: 'Back or flank pain' },
    },
    {
      id: 'urinary-pregnant',
      text: {
        nb: 'Er du gravid, eller kan du være gravid?',
        en: 'Are you pregnant, or could you be pregnant?',
      },
      label: { nb: 'Gravid eller mulig gravid', en: 'Pregnant or possibly pregnant' },
    },
    {
      id: 'urinary-blood',
      text: { nb: 'Har du sett blod i urinen?', en: 'Have you seen blood in your urine?' },
      label: { nb: 'Synlig blod i urinen', en: 'Visible blood in the urine' },
    },
  ],
  redFlagRules: [
    {
      id: 'urinary-pyelonephritis',
      allYes: ['urinary-fever', 'urinary-flank'],
      urgency: 'samme_dag',
      description: {
        nb: 'Feber og flankesmerter: mistenkt pyelonefritt (haster samme dag) [GK]',
        en: 'Fever and flank pain: suspected pyelonephritis (same day) [GK]',
      },
      source: GENERAL_KNOWLEDGE,
    },
  ],
  doctorNotes: [
    {
      questionId: 'urinary-pregnant',
      text: {
        nb: 'Mulig gravid: cystitt hos gravide behandles alltid, med urindyrkning først (egen regel i retningslinjen).',
        en: 'Possibly pregnant: cystitis in pregnancy is always treated, urine culture first (a separate guideline rule).',
      },
      source: ANTIBIOTIC_GUIDELINE,
    },
  ],
  source: ANTIBIOTIC_GUIDELINE,
};

/** Back pain: the red-flag questions (cauda equina, nerve damage, infection, cancer). */
const BACK_PAIN: ComplaintModule = {
  id: 'back-pain',
  title: { nb: 'Vondt i ryggen', en: 'Back pain' },
  keywords: /rygg\p{L}*|korsrygg\p{L}*|isjias|lumbago|hekseskudd|back pain|backache|sciatica|lower back/iu,
  questions: [
    {
      id: 'back-saddle',
      text: {
        nb: 'Er du nummen i skrittet eller rundt endetarmen?',
        en: 'Are you numb between your legs or around your bottom?',
      },
      hint: {
        nb: 'Det området du sitter på på et sykkelsete.',
        en: 'The area you would sit on on a bicycle seat.',
      },
      label: { nb: 'Nummenhet i skrittet (ridebukseanestesi)', en: 'Saddle numbness' },
    },
    {
      id: 'back-bladder-bowel',
      text: {
        nb: 'Har du nylig fått vansker med å tisse, eller med å holde på urin eller avføring?',
        en: 'Have you recently had trouble passing urine, or controlling your bladder or bowel?',
      },
      label: {
        nb: 'Nye vannlatingsvansker eller inkontinens',
        en: 'New trouble passing urine or incontinence',
      },
    },
    {
      id: 'back-weakness',
      text: {
        nb: 'Har du fått mindre kraft i ett eller begge bein?',
        en: 'Has one leg or both legs become weaker?',
      },
      label: { nb: 'Nedsatt kraft i bein', en: 'Weakness in the legs' },
    },
    {
      id: 'back-fever',
      text: { nb: 'Har du feber?', en: 'Do you have a fever?' },
      label: { nb: 'Feber', en: 'Fever' },
    },
    {
      id: 'back-cancer',
      text: { nb: 'Har du hatt kreft?', en: 'Have you ever had cancer?' },
      label: { nb: 'Tidligere kreft', en: 'History of cancer' },
    },
  ],
  redFlagRules: [
    {
      id: 'back-cauda-equina',
      allYes: ['back-saddle'],
      urgency: 'samme_dag',
      description: {
        nb: 'Nummenhet i skrittet ved ryggsmerter: obs. cauda equina [GK]; NIMN 26 GUL for vannlatingsproblemer',
        en: 'Saddle numbness with back pain: possible cauda equina [GK]; NIMN 26 YELLOW for urinary problems',
      },
      source: GENERAL_KNOWLEDGE,
    },
    {
      id: 'back-sphincter',
      allYes: ['back-bladder-bowel'],
      urgency: 'samme_dag',
      description: {
        nb: 'Ryggsmerter med vannlatingsproblemer (NIMN 26: GUL)',
        en: 'Back pain with urinary problems (NIMN 26: YELLOW)',
      },
      source: NIMN,
    },
    {
      id: 'back-weakness',
      allYes: ['back-weakness'],
      urgency: 'samme_dag',
      description: {
        nb: 'Ryggsmerter med nedsatt førlighet i bein (NIMN 26: GUL)',
        en: 'Back pain with weakness in the legs (NIMN 26: YELLOW)',
      },
      source: NIMN,
    },
    {
      id: 'back-fever',
      allYes: ['back-fever'],
      urgency: 'samme_dag',
      description: {
        nb: 'Ryggsmerter med feber: obs. infeksjon [GK]',
        en: 'Back pain with fever: possible infection [GK]',
      },
      source: GENERAL_KNOWLEDGE,
    },
  ],
  doctorNotes: [
    {
      questionId: 'back-cancer',
      text: {
        nb: 'Tidligere kreft: rødt flagg ved ryggsmerter, vurder utredning [GK].',
        en: 'History of cancer: a red flag with back pain, consider investigation [GK].',
      },
      source: GENERAL_KNOWLEDGE,
    },
  ],
  source: NIMN,
};

/** All complaint modules, in the order the questionnaire shows them. */
export const COMPLAINT_MODULES: readonly ComplaintModule[] = [SORE_THROAT, URINARY, BACK_PAIN];

/** Source of the free-text check (the triage rule set of @kollega/clinical). */
export const FREE_TEXT_SOURCE_NOTE = 'Kollegas triageregler (NIMN-baserte røde flagg)';
