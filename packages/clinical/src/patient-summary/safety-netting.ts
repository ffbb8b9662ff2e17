import type { Language } from '@kollega/domain';
import { GUIDELINE_NAME, GUIDELINE_VERSION } from '../antibiotics/guideline-rules';
import type { SourceEvidenceTag } from './types';

/**
 * Safety-netting ("when to seek help again") for the patient summary, keyed to the condition the approved note
 * names. Every list is taken from the guideline lists in Kollega's domain knowledge (norwegian-domain.md §2 and
 * §3) and names its source, version and evidence tag; [GK] lists must be checked against the source before
 * release (the doctor sees the tag). The wording is plain patient language, written for LIX ≤ 40.
 */

/** A source of safety-netting advice. */
export interface SafetyNetSource {
  id: string;
  citation: Record<Language, string>;
  version: string;
  evidence: SourceEvidenceTag;
}

/** The sources the rules below cite. */
export const SAFETY_NET_SOURCES = {
  antibiotics: {
    id: 'helsedir-antibiotika',
    citation: {
      nb: `Helsedirektoratet: ${GUIDELINE_NAME}`,
      en: `Norwegian Directorate of Health: ${GUIDELINE_NAME}`,
    },
    version: GUIDELINE_VERSION,
    evidence: 'P',
  },
  leaflet: {
    id: 'asp-pasientbrosjyre',
    citation: {
      nb: 'Antibiotikasenteret for primærmedisin (ASP): pasientbrosjyre om vanlige infeksjoner',
      en: 'Antibiotic Centre for Primary Care (ASP): patient leaflet on common infections',
    },
    version: 'brosjyre gjengitt i norwegian-domain.md §2.0 (dato ikke oppgitt)',
    evidence: 'V',
  },
  klokeValg: {
    id: 'kloke-valg',
    citation: {
      nb: 'Legeforeningen, Kloke valg: antibiotika ved akutt bronkitt',
      en: 'Norwegian Medical Association, Choosing Wisely: antibiotics for acute bronchitis',
    },
    version: 'gjengitt i norwegian-domain.md §2.1 (dato ikke oppgitt)',
    evidence: 'V',
  },
  nimn: {
    id: 'nimn',
    citation: {
      nb: 'Norsk indeks for medisinsk nødhjelp (NIMN), Helsedirektoratet/NAKOS',
      en: 'Norwegian Index for Medical Emergency Assistance (NIMN), Norwegian Directorate of Health/NAKOS',
    },
    version: '4. utgave 2018',
    evidence: 'V',
  },
  helsenorge113: {
    id: 'helsenorge-113',
    citation: {
      nb: 'helsenorge.no: Når skal du ringe 113',
      en: 'helsenorge.no: When to call 113',
    },
    version: 'lest 2026 (dato ikke oppgitt)',
    evidence: 'V',
  },
  generalKnowledge: {
    id: 'allmennkunnskap',
    citation: {
      nb: 'Allmennmedisinsk praksis (ikke bekreftet i en skriftlig kilde – kontroller)',
      en: 'General practice knowledge (not confirmed in a written source – check)',
    },
    version: 'norwegian-domain.md [GK], 2026',
    evidence: 'GK',
  },
} as const satisfies Record<string, SafetyNetSource>;

type SourceKey = keyof typeof SAFETY_NET_SOURCES;

/** How soon to act: call 113 now, or contact a doctor or the out-of-hours service (116117) at once. */
export type SafetyNetUrgency = 'call-113' | 'contact-now';

/** One list of warning signs with its urgency and source. */
export interface SafetyNetList {
  urgency: SafetyNetUrgency;
  source: SourceKey;
  items: Record<Language, readonly string[]>;
}

/** A condition's safety-netting. */
export interface SafetyNetRule {
  id: string;
  label: Record<Language, string>;
  /** Diagnosis words in any patient-visible statement (a negated mention does not count). */
  diagnosis: RegExp;
  /** Symptom words, looked for only in the assessment and the presenting complaint. */
  symptom?: RegExp;
  /** Medicines that select the rule (blood thinners). */
  medicine?: RegExp;
  /** Also give the general infection list (ASP leaflet). */
  infection?: boolean;
  lists: readonly SafetyNetList[];
  /** The usual course without treatment, from the ASP leaflet. */
  course?: { source: SourceKey; text: Record<Language, string> };
}

/** Signs of serious infection from the ASP leaflet's "seek care quickly" list [V]. */
export const INFECTION_WARNING_LIST: SafetyNetList = {
  urgency: 'contact-now',
  source: 'leaflet',
  items: {
    nb: [
      'Du får sterk hodepine og føler deg svært syk.',
      'Huden blir kald og klam, eller du får et uvanlig utslett.',
      'Du blir forvirret eller sløv, eller får vansker med å snakke.',
      'Du får vansker med å puste, eller blå lepper.',
      'Du får vondt i brystet, eller hoster opp blod.',
      'Du får vansker med å svelge, eller sikler.',
      'Du blir mye verre.',
    ],
    en: [
      'You get a bad headache and feel very ill.',
      'Your skin is cold and clammy, or you get an unusual rash.',
      'You become confused or drowsy, or find it hard to speak.',
      'You find it hard to breathe, or your lips turn blue.',
      'You get chest pain, or cough up blood.',
      'You find it hard to swallow, or you drool.',
      'You get much worse.',
    ],
  },
};

/** Advice for every summary: 113 in an emergency, the out-of-hours service when the office is closed [V]. */
export const GENERAL_CONTACT_ADVICE: { source: SourceKey; text: Record<Language, readonly string[]> } = {
  source: 'helsenorge113',
  text: {
    nb: ['Ring 113 hvis det haster og gjelder liv.', 'Er legekontoret stengt, ring legevakten på 116117.'],
    en: [
      'Call 113 in an emergency when a life may be at risk.',
      'When the surgery is closed, call the out-of-hours service on 116117.',
    ],
  },
};

/** Safety-netting rules, most specific first. */
export const SAFETY_NET_RULES: readonly SafetyNetRule[] = [
  {
    id: 'otitis',
    label: { nb: 'ørebetennelse', en: 'ear infection' },
    diagnosis: /ørebetennelse|otitt|otitis|mellomørebetennelse|ear infection/iu,
    infection: true,
    lists: [
      {
        urgency: 'contact-now',
        source: 'antibiotics',
        items: {
          nb: [
            'Det blir hovent eller rødt bak øret, eller øret står ut.',
            'Det renner fra øret i mer enn to dager.',
          ],
          en: [
            'It gets swollen or red behind the ear, or the ear sticks out.',
            'Fluid runs from the ear for more than two days.',
          ],
        },
      },
    ],
    course: {
      source: 'leaflet',
      text: {
        nb: 'Ørebetennelse går ofte over av seg selv på omtrent fire dager.',
        en: 'An ear infection often gets better by itself in about four days.',
      },
    },
  },
  {
    id: 'sore-throat',
    label: { nb: 'halsbetennelse', en: 'sore throat' },
    diagnosis:
      /halsbetennelse|tonsillitt|streptokokk\p{L}*|faryngitt|angina tonsillaris|tonsillitis|pharyngitis|strep throat/iu,
    symptom: /sår hals|vondt i halsen|halsvondt|sore throat/iu,
    infection: true,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: {
          nb: ['Du får store vansker med å puste.', 'Du klarer ikke å svelge spyttet, og har høy feber.'],
          en: ['You find it very hard to breathe.', 'You cannot swallow your saliva, and have a high fever.'],
        },
      },
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: ['Du får sterke smerter på én side av halsen.', 'Det blir vanskelig å åpne munnen.'],
          en: ['You get strong pain on one side of the throat.', 'It gets hard to open your mouth.'],
        },
      },
    ],
    course: {
      source: 'leaflet',
      text: {
        nb: 'Vondt i halsen går ofte over av seg selv på omtrent sju dager.',
        en: 'A sore throat often gets better by itself in about seven days.',
      },
    },
  },
  {
    id: 'sinusitis',
    label: { nb: 'bihulebetennelse', en: 'sinusitis' },
    diagnosis: /bihulebetennelse|sinusitt|sinusitis/iu,
    infection: true,
    lists: [
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: [
            'Det blir hovent rundt øyet.',
            'Du ser dårligere, eller ser dobbelt.',
            'Du får sterk hodepine eller stiv nakke.',
          ],
          en: [
            'The area around the eye gets swollen.',
            'Your sight gets worse, or you see double.',
            'You get a bad headache or a stiff neck.',
          ],
        },
      },
    ],
    course: {
      source: 'leaflet',
      text: {
        nb: 'Bihulebetennelse går ofte over av seg selv på omtrent 18 dager.',
        en: 'Sinusitis often gets better by itself in about 18 days.',
      },
    },
  },
  {
    id: 'pneumonia',
    label: { nb: 'lungebetennelse', en: 'pneumonia' },
    diagnosis: /lungebetennelse|pneumoni\p{L}*/iu,
    infection: true,
    lists: [
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: [
            'Du blir tyngre i pusten, eller puster fort.',
            'Du er ikke bedre etter to til tre døgn med medisinen.',
          ],
          en: [
            'Your breathing gets harder, or you breathe fast.',
            'You are not better after two to three days on the medicine.',
          ],
        },
      },
    ],
  },
  {
    id: 'bronchitis',
    label: { nb: 'bronkitt', en: 'bronchitis' },
    diagnosis: /bronkitt|bronchitis/iu,
    infection: true,
    lists: [
      {
        urgency: 'contact-now',
        source: 'klokeValg',
        items: {
          nb: ['Du blir tung i pusten.', 'Du hoster opp blod.', 'Du har feber i mange dager.'],
          en: ['You get short of breath.', 'You cough up blood.', 'You have a fever for many days.'],
        },
      },
    ],
    course: {
      source: 'leaflet',
      text: {
        nb: 'Hoste etter bronkitt varer ofte i omtrent tre uker.',
        en: 'A cough after bronchitis often lasts about three weeks.',
      },
    },
  },
  {
    id: 'common-cold',
    label: { nb: 'forkjølelse', en: 'common cold' },
    diagnosis:
      /forkjølelse|øvre luftveisinfeksjon|virusinfeksjon|common cold|upper respiratory (?:tract )?infection|viral infection/iu,
    infection: true,
    lists: [],
    course: {
      source: 'leaflet',
      text: {
        nb: 'Forkjølelse går ofte over av seg selv på omtrent ti dager.',
        en: 'A cold often gets better by itself in about ten days.',
      },
    },
  },
  {
    id: 'pyelonephritis',
    label: { nb: 'nyrebekkenbetennelse', en: 'kidney infection' },
    diagnosis: /nyrebekkenbetennelse|pyelonefritt|pyelonephritis|kidney infection/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: {
          nb: ['Du blir svært slapp, kald og klam, eller forvirret.'],
          en: ['You become very weak, cold and clammy, or confused.'],
        },
      },
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: ['Du kaster opp, eller klarer ikke å ta medisinen.', 'Du er ikke bedre etter to døgn.'],
          en: ['You are sick (vomiting), or cannot take the medicine.', 'You are not better after two days.'],
        },
      },
    ],
  },
  {
    id: 'cystitis',
    label: { nb: 'urinveisinfeksjon', en: 'urinary tract infection' },
    diagnosis:
      /urinveisinfeksjon|blærebetennelse|blærekatarr|cystitt|cystitis|urinary tract infection|uvi(?!\p{L})|uti(?!\p{L})/iu,
    lists: [
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: [
            'Du får feber eller frysninger.',
            'Du får vondt i ryggen eller i siden.',
            'Du kaster opp.',
            'Du er ikke bedre etter to til tre døgn.',
          ],
          en: [
            'You get a fever or chills.',
            'You get pain in your back or side.',
            'You are sick (vomiting).',
            'You are not better after two to three days.',
          ],
        },
      },
    ],
  },
  {
    id: 'skin-infection',
    label: { nb: 'rosen eller hudinfeksjon', en: 'skin infection' },
    diagnosis: /rosen(?!\p{L})|erysipelas|cellulitt|cellulitis|bløtdelsinfeksjon/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: {
          nb: ['Du får sterke smerter dypt under huden.', 'Hevelsen sprer seg svært raskt.'],
          en: ['You get strong pain deep under the skin.', 'The swelling spreads very fast.'],
        },
      },
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: ['Rødmen sprer seg.', 'Du får høy feber, eller føler deg mye sykere.'],
          en: ['The redness spreads.', 'You get a high fever, or feel much more ill.'],
        },
      },
    ],
  },
  {
    id: 'impetigo',
    label: { nb: 'brennkopper', en: 'impetigo' },
    diagnosis: /brennkopper|impetigo/iu,
    lists: [
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: ['Du får feber, eller føler deg syk.', 'Sårene sprer seg til flere steder på kroppen.'],
          en: ['You get a fever, or feel ill.', 'The sores spread to more places on the body.'],
        },
      },
    ],
  },
  {
    id: 'erythema-migrans',
    label: { nb: 'borreliose', en: 'Lyme disease' },
    diagnosis: /borreli\p{L}*|erythema migrans|erytema migrans|lyme(?!\p{L})/iu,
    lists: [
      {
        urgency: 'contact-now',
        source: 'antibiotics',
        items: {
          nb: [
            'Ansiktet blir skjevt, eller du får lammelser.',
            'Du får sterke nervesmerter.',
            'Du får flere røde ringer på huden.',
          ],
          en: [
            'Your face droops, or you get weakness (paralysis).',
            'You get strong nerve pain.',
            'You get more red rings on the skin.',
          ],
        },
      },
    ],
  },
  {
    id: 'copd',
    label: { nb: 'kols', en: 'COPD' },
    diagnosis: /kols(?!\p{L})|copd|kronisk obstruktiv lungesykdom/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: {
          nb: [
            'Pusten blir raskt verre, selv om du tar medisinen.',
            'Du klarer nesten ikke å puste eller å snakke.',
          ],
          en: [
            'Your breathing gets worse fast, even with your medicine.',
            'You can hardly breathe or speak.',
          ],
        },
      },
    ],
  },
  {
    id: 'back-pain',
    label: { nb: 'ryggsmerter', en: 'back pain' },
    diagnosis:
      /prolaps|isjias|lumbago|ryggsmert\p{L}*|korsryggsmert\p{L}*|nerverot\p{L}*|sciatica|lumbar strain|back pain/iu,
    symptom: /vondt i ryggen|rygg\p{L}*/iu,
    lists: [
      {
        urgency: 'contact-now',
        source: 'nimn',
        items: {
          nb: ['Du får mindre kraft i ett eller begge bein.', 'Du får vansker med å tisse.'],
          en: ['One or both legs get weaker.', 'You find it hard to pass urine.'],
        },
      },
      {
        urgency: 'contact-now',
        source: 'generalKnowledge',
        items: {
          nb: [
            'Du blir nummen i skrittet eller rundt endetarmen.',
            'Du klarer ikke å holde på urin eller avføring.',
          ],
          en: [
            'You get numb between your legs or around your bottom.',
            'You cannot control your bladder or bowel.',
          ],
        },
      },
    ],
  },
  {
    id: 'headache',
    label: { nb: 'hodepine', en: 'headache' },
    diagnosis: /migrene|migraine|hodepine\p{L}*|headache/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: {
          nb: [
            'Du får plutselig svært sterk hodepine.',
            'Du får lammelser, eller vansker med å snakke eller se.',
            'Du får feber og stiv nakke.',
          ],
          en: [
            'You suddenly get a very bad headache.',
            'You get weakness, or trouble speaking or seeing.',
            'You get a fever and a stiff neck.',
          ],
        },
      },
    ],
  },
  {
    id: 'heart',
    label: { nb: 'hjerte', en: 'heart' },
    diagnosis:
      /atrieflimmer|hjertesvikt|angina pectoris|hjerteinfarkt|hjerterytme|brystsmert\p{L}*|atrial fibrillation|heart failure|chest pain/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'helsenorge113',
        items: {
          nb: [
            'Du får vondt midt i brystet i mer enn fem minutter.',
            'Du besvimer, eller holder på å besvime.',
            'Du blir plutselig tung i pusten.',
          ],
          en: [
            'You get pain in the middle of your chest for more than five minutes.',
            'You faint, or nearly faint.',
            'You suddenly get short of breath.',
          ],
        },
      },
    ],
  },
  {
    id: 'stroke',
    label: { nb: 'hjerneslag', en: 'stroke' },
    diagnosis: /hjerneslag|drypp(?!\p{L})|tia(?!\p{L})|stroke/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'helsenorge113',
        items: {
          nb: [
            'Du får plutselig vansker med å prate, smile eller løfte armer eller bein, også om det går over.',
          ],
          en: ['You suddenly find it hard to speak, smile or lift an arm or leg, even if it passes.'],
        },
      },
    ],
  },
  {
    id: 'mental-health',
    label: { nb: 'psykisk helse', en: 'mental health' },
    diagnosis:
      /depresjon|depressiv\p{L}*|angstlidelse|selvmordstank\p{L}*|suicid\p{L}*|depression|anxiety disorder/iu,
    lists: [
      {
        urgency: 'call-113',
        source: 'nimn',
        items: { nb: ['Du har planer om å ta livet ditt.'], en: ['You have plans to end your life.'] },
      },
      {
        urgency: 'contact-now',
        source: 'nimn',
        items: { nb: ['Du får tanker om å ta livet ditt.'], en: ['You have thoughts of ending your life.'] },
      },
    ],
  },
  {
    id: 'blood-thinner',
    label: { nb: 'blodfortynnende medisin', en: 'blood thinner' },
    diagnosis: /blodfortynnende|antikoagul\p{L}*|anticoagula\p{L}*|blood thinner/iu,
    medicine:
      /apiksaban|apixaban|rivaroksaban|rivaroxaban|dabigatran|edoksaban|edoxaban|warfarin|marevan|eliquis|xarelto|pradaxa|lixiana/iu,
    lists: [
      {
        urgency: 'contact-now',
        source: 'nimn',
        items: {
          nb: ['Du slår hodet mens du bruker blodfortynnende medisin.'],
          en: ['You hit your head while taking a blood thinner.'],
        },
      },
    ],
  },
];
