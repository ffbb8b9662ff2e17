import { createSeededRandom } from '../deidentification/person-number-generator';
import { formatNorwegianDate } from './norwegian-dates';

/**
 * A synthetic patient record for tests and benchmarks: many years of GP visits, lab reports with dated values
 * that drift over time, medicine starts, dose changes and stops, referrals, imaging and an allergy — as
 * printed journal pages, a discharge summary (epikrise) and a FHIR R4 Bundle. The generator keeps the truth,
 * so questions about the record have known answers. All content is invented; nothing is real.
 */

/** One question with its known answer: the value and/or date the answer must report, or words it must hold. */
export interface SyntheticQuestion {
  question: string;
  /** The value as written in the record ("53", "1000 mg"). */
  value?: string;
  /** The ISO date (YYYY-MM-DD) the answer is about. */
  date?: string;
  /** Words (lower case) the cited passage must contain. */
  words?: string[];
}

/** A generated record: journal pages, an epikrise text, a FHIR Bundle, and questions with known answers. */
export interface SyntheticRecord {
  /** Journal printout, one string per page. */
  pages: string[];
  /** A discharge summary as plain text. */
  epicrisis: string;
  /** A FHIR R4 Bundle (collection) with conditions, medications, the allergy and recent lab results. */
  fhirBundle: Record<string, unknown>;
  questions: SyntheticQuestion[];
}

/** Options of `generateSyntheticRecord`. */
export interface SyntheticRecordOptions {
  /** Number of journal pages (default 500). */
  pageCount?: number;
  /** Seed of the random source (default 1). */
  seed?: number;
  /** First year of the record (default 2009); the record runs to the end of 2024. */
  firstYear?: number;
}

interface Analyte {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  minimum: number;
  maximum: number;
  step: number;
  /** Measured on this share of lab pages. */
  frequency: number;
  /** From this year on. */
  sinceYear: number;
}

const ANALYTES: readonly Analyte[] = [
  {
    key: 'hba1c',
    label: 'HbA1c',
    unit: 'mmol/mol',
    decimals: 0,
    minimum: 44,
    maximum: 78,
    step: 4,
    frequency: 0.9,
    sinceYear: 2011,
  },
  {
    key: 'kreatinin',
    label: 'Kreatinin',
    unit: 'µmol/L',
    decimals: 0,
    minimum: 58,
    maximum: 112,
    step: 6,
    frequency: 0.8,
    sinceYear: 0,
  },
  {
    key: 'egfr',
    label: 'eGFR',
    unit: 'mL/min/1,73m²',
    decimals: 0,
    minimum: 55,
    maximum: 96,
    step: 5,
    frequency: 0.8,
    sinceYear: 0,
  },
  {
    key: 'ldl',
    label: 'LDL-kolesterol',
    unit: 'mmol/L',
    decimals: 1,
    minimum: 1.6,
    maximum: 4.4,
    step: 0.4,
    frequency: 0.45,
    sinceYear: 0,
  },
  {
    key: 'tsh',
    label: 'TSH',
    unit: 'mU/L',
    decimals: 1,
    minimum: 0.8,
    maximum: 6.5,
    step: 0.8,
    frequency: 0.5,
    sinceYear: 2018,
  },
  {
    key: 'ferritin',
    label: 'Ferritin',
    unit: 'µg/L',
    decimals: 0,
    minimum: 18,
    maximum: 210,
    step: 25,
    frequency: 0.3,
    sinceYear: 0,
  },
  {
    key: 'hb',
    label: 'Hb',
    unit: 'g/dL',
    decimals: 1,
    minimum: 11.6,
    maximum: 15.2,
    step: 0.5,
    frequency: 0.5,
    sinceYear: 0,
  },
];

const VISIT_REASONS = [
  'Kontroll diabetes type 2',
  'Kontroll blodtrykk',
  'Vondt i ryggen',
  'Hoste og feber',
  'Sliten og trøtt',
  'Smerter i høyre kne',
  'Fornyelse av resepter',
  'Svimmelhet',
  'Vondt i halsen',
  'Årskontroll',
  'Søvnvansker',
  'Utslett på armene',
] as const;

const HISTORY_SENTENCES = [
  'Pasienten forteller at hun har hatt det travelt på jobb den siste tiden.',
  'Går tur med hunden nesten hver dag, omtrent en halv time.',
  'Sover dårlig, våkner ofte ved firetiden.',
  'Ingen brystsmerter eller tung pust ved anstrengelse.',
  'Har redusert sukker i kosten etter forrige kontroll.',
  'Bekymret for arvelighet, moren hadde hjerteinfarkt i sekstiårene.',
  'Merker stivhet i fingrene om morgenen som går over etter en time.',
  'Har vært på ferie og glemt medisinene noen dager.',
  'Tar medisinene som avtalt, ingen bivirkninger.',
  'Røyker ikke. Drikker alkohol sjelden.',
  'Har fått mer ansvar på jobben i barnehagen.',
  'Har hatt lett forkjølelse de siste dagene, nå bedre.',
  'Føler seg i bedre form enn ved forrige time.',
  'Litt nedstemt i perioder, men fungerer i hverdagen.',
] as const;

const FINDING_SENTENCES = [
  'Cor: Regelmessig rytme, ingen bilyder.',
  'Pulm: Vesikulær respirasjon bilateralt, ingen knatrelyder.',
  'Føttene: Intakt sensibilitet for monofilament, gode perifere pulser.',
  'Abdomen: Bløtt og uømt, ingen oppfylninger.',
  'Halsen: Lett rødme, ingen belegg.',
  'Kneet: Lett hevelse medialt, ingen rubor.',
  'Huden: Tørr hud på leggene, ingen sår.',
  'Rygg: Palpasjonsøm paravertebralt lumbalt, negativ Lasègue.',
] as const;

const ASSESSMENT_SENTENCES = [
  'Stabil situasjon.',
  'Akseptabel regulering, men rom for forbedring.',
  'Trolig viral infeksjon, ikke behov for antibiotika.',
  'Muskulære plager, god prognose.',
  'Symptomene passer med belastningsrelaterte smerter.',
] as const;

const PLAN_SENTENCES = [
  'Ny kontroll om tre måneder med blodprøver i forkant.',
  'Ny HbA1c og lipider før neste time.',
  'Råd om fysisk aktivitet og kosthold gitt.',
  'Tar kontakt ved forverring.',
  'Fornyet faste resepter.',
  'Ny time om seks uker.',
] as const;

interface MedicineEvent {
  date: string;
  text: string;
}

interface Measurement {
  date: string;
  value: string;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

/** Generates a synthetic record with known answers (deterministic for a seed). */
export function generateSyntheticRecord(options: SyntheticRecordOptions = {}): SyntheticRecord {
  const random = createSeededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.min(list.length - 1, Math.floor(random() * list.length))]!;
  const pageCount = options.pageCount ?? 500;
  const firstYear = options.firstYear ?? 2009;
  const lastYear = 2024;

  // Page dates spread evenly over the years, in order, a few days apart at random.
  const startTime = Date.UTC(firstYear, 0, 10);
  const endTime = Date.UTC(lastYear, 11, 15);
  const dates: string[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    const time = startTime + ((endTime - startTime) * (index + random() * 0.6)) / pageCount;
    const date = new Date(time);
    dates.push(isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  const dateAt = (fraction: number): string =>
    dates[Math.min(dates.length - 1, Math.floor(fraction * dates.length))]!;

  // Medicine events at fixed fractions of the record (so any page count has them in order).
  const metforminStart = dateAt(0.18);
  const metforminIncrease = dateAt(0.32);
  const atorvastatinStart = dateAt(0.4);
  const ramiprilStart = dateAt(0.46);
  const ramiprilStop = dateAt(0.7);
  const levothyroxineStart = dateAt(0.62);
  const levothyroxineIncrease = dateAt(0.82);
  const eyeReferral = dateAt(0.55);
  const chestXray = dateAt(0.52);
  const lastFluVaccine = dateAt(0.97);
  const medicineEvents = new Map<string, MedicineEvent[]>();
  const addEvent = (date: string, text: string): void => {
    const list = medicineEvents.get(date) ?? [];
    list.push({ date, text });
    medicineEvents.set(date, list);
  };
  addEvent(metforminStart, 'Diagnosen diabetes type 2 stilles. Starter metformin 500 mg x 2.');
  addEvent(metforminIncrease, 'Øker metformin til 1000 mg x 2 på grunn av stigende HbA1c.');
  addEvent(atorvastatinStart, 'Starter atorvastatin 20 mg x 1 kveld som primærforebygging.');
  addEvent(ramiprilStart, 'Hypertensjon bekreftet ved hjemmeblodtrykk. Starter ramipril 5 mg x 1.');
  addEvent(
    ramiprilStop,
    'Ramipril seponeres på grunn av plagsom tørrhoste. Starter losartan 50 mg x 1 i stedet.',
  );
  addEvent(levothyroxineStart, 'Hypotyreose påvist. Starter levotyroksin 50 µg x 1 om morgenen.');
  addEvent(levothyroxineIncrease, 'Øker levotyroksin til 75 µg x 1 etter ny TSH.');
  addEvent(eyeReferral, 'Henvist til øyelege for netthinneundersøkelse (diabetes).');
  addEvent(lastFluVaccine, 'Influensavaksine satt i venstre overarm.');

  const analyteValues = new Map<string, number>(
    ANALYTES.map((analyte) => [
      analyte.key,
      analyte.minimum + (analyte.maximum - analyte.minimum) * random(),
    ]),
  );
  const measurements = new Map<string, Measurement[]>(ANALYTES.map((analyte) => [analyte.key, []]));
  const bloodPressures: Measurement[] = [];
  const weights: Measurement[] = [];
  const crpValues: Measurement[] = [];
  const fluVaccines: string[] = [];
  let lastLab: { date: string; lines: string[] } | undefined;
  const labOf = (key: string): Measurement[] => measurements.get(key) ?? [];

  const pages: string[] = [];
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    const shown = formatNorwegianDate(date);
    const events = medicineEvents.get(date) ?? [];
    const roll = random();
    const lines: string[] = [];
    if (events.length === 0 && roll < 0.27) {
      // A lab report.
      lines.push(
        `Laboratoriesvar – prøve tatt ${shown}`,
        'Rekvirent: fastlegen. Analysert ved Fürst medisinsk laboratorium.',
      );
      const reportLines: string[] = [];
      for (const analyte of ANALYTES) {
        if (year < analyte.sinceYear || random() > analyte.frequency) continue;
        const previous = analyteValues.get(analyte.key) ?? analyte.minimum;
        const next = Math.min(
          analyte.maximum,
          Math.max(analyte.minimum, previous + (random() * 2 - 1) * analyte.step),
        );
        analyteValues.set(analyte.key, next);
        const value = formatNumber(next, analyte.decimals);
        measurements.get(analyte.key)?.push({ date, value });
        reportLines.push(`${analyte.label} ${value} ${analyte.unit}`);
      }
      if (reportLines.length === 0) {
        const analyte = ANALYTES[1]!;
        const value = formatNumber(analyteValues.get(analyte.key) ?? 80, analyte.decimals);
        measurements.get(analyte.key)?.push({ date, value });
        reportLines.push(`${analyte.label} ${value} ${analyte.unit}`);
      }
      lines.push(...reportLines, 'Kommentar: Prøvene er vurdert av lege. Se journalnotat for oppfølging.');
      lastLab = { date, lines: reportLines };
    } else if (events.length === 0 && roll < 0.36) {
      // A letter or an answer from another service.
      if (date >= chestXray && !pages.some((page) => page.includes('Røntgen thorax'))) {
        lines.push(
          `Røntgen thorax ${shown}`,
          'Beskrivelse: Ingen infiltrater eller pleuravæske. Normal hjertestørrelse. Ingen tegn til stuvning.',
          'Konklusjon: Normale forhold i thorax.',
        );
      } else {
        lines.push(
          `Brev mottatt ${shown} fra ${pick(['fysioterapeut', 'hjemmetjenesten', 'NAV', 'apoteket'])}`,
          pick([
            'Pasienten har fullført ti behandlinger hos fysioterapeut med god effekt på ryggsmertene.',
            'Hjemmetjenesten melder at pasienten klarer seg godt hjemme og ikke har behov for tjenester nå.',
            'NAV ber om oppdaterte opplysninger om arbeidsevne. Besvart i eget brev.',
            'Apoteket melder om mulig dobbeltforskrivning av paracetamol. Avklart med pasienten.',
          ]),
        );
      }
    } else {
      // A visit.
      const reason = events.length > 0 ? 'Kontroll og oppfølging' : pick(VISIT_REASONS);
      const header =
        random() < 0.5 ? `Konsultasjon ${shown} – ${reason}` : `${shown} Konsultasjon, fastlege. ${reason}`;
      lines.push(header);
      lines.push(`Aktuelt: ${pick(HISTORY_SENTENCES)} ${pick(HISTORY_SENTENCES)}`);
      const systolic = 122 + Math.floor(random() * 40);
      const diastolic = 72 + Math.floor(random() * 22);
      bloodPressures.push({ date, value: `${systolic}/${diastolic}` });
      const weight = formatNumber(78 + random() * 14, 1);
      weights.push({ date, value: weight });
      let findings = `Us.: BT ${systolic}/${diastolic}. Vekt ${weight} kg. ${pick(FINDING_SENTENCES)}`;
      if (reason === 'Hoste og feber' || reason === 'Vondt i halsen') {
        const crp = String(5 + Math.floor(random() * 90));
        crpValues.push({ date, value: crp });
        findings += ` CRP ${crp}.`;
      }
      lines.push(findings);
      if (lastLab !== undefined && random() < 0.6) {
        lines.push(
          `Blodprøver fra ${formatNorwegianDate(lastLab.date)} viser ${lastLab.lines.slice(0, 3).join(', ')}.`,
        );
      }
      const earlier = labOf('hba1c');
      if (earlier.length > 3 && random() < 0.15) {
        // An earlier value named by its year only: it must not be taken for today's value.
        const old = earlier[Math.floor(random() * (earlier.length - 2))]!;
        lines.push(`Til sammenligning var HbA1c ${old.value} mmol/mol i ${old.date.slice(0, 4)}.`);
      }
      lines.push(`Vurdering: ${pick(ASSESSMENT_SENTENCES)}`);
      const plan = [pick(PLAN_SENTENCES), ...events.map((event) => event.text)];
      if (events.some((event) => event.text.startsWith('Influensavaksine'))) fluVaccines.push(date);
      if (events.length === 0 && Number(date.slice(5, 7)) === 10 && random() < 0.7) {
        plan.push('Influensavaksine satt i venstre overarm.');
        fluVaccines.push(date);
      }
      lines.push(`Tiltak: ${plan.join(' ')}`);
      lines.push('CAVE: Penicillin (urtikaria).');
    }
    pages.push(lines.join('\n'));
  }

  const admission = dateAt(0.76);
  const discharge = dates[dates.indexOf(admission) + 1] ?? admission;
  const epicrisis = [
    'Epikrise – Medisinsk avdeling, Sykehuset Innlandet (syntetisk)',
    `Innlagt ${formatNorwegianDate(admission)}, utskrevet ${formatNorwegianDate(discharge)}.`,
    'Diagnose: Venstresidig pneumoni.',
    'Forløp: Innlagt med feber, hoste og CRP 186. Røntgen viste infiltrat i venstre underlapp. Behandlet med benzylpenicillin er ikke gitt på grunn av allergi; fikk i stedet cefotaksim intravenøst, deretter klindamycin tabletter.',
    'Ved utreise: Feberfri, CRP 42. Fortsetter klindamycin 300 mg x 3 i fem dager.',
    'Oppfølging: Fastlegen bes kontrollere CRP og klinisk status om to uker.',
  ].join('\n\n');

  const last = (list: readonly Measurement[]): Measurement => list[list.length - 1]!;
  const first = (list: readonly Measurement[]): Measurement => list[0]!;

  const recentHbA1c = labOf('hba1c').slice(-4);
  const fhirBundle: Record<string, unknown> = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Condition',
          id: 'c1',
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: {
            coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'T90', display: 'Diabetes type 2' }],
            text: 'Diabetes type 2',
          },
          subject: { reference: 'Patient/p1' },
          onsetDateTime: metforminStart,
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          id: 'c2',
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: {
            coding: [
              { system: 'http://hl7.org/fhir/sid/icpc-2', code: 'K86', display: 'Hypertensjon ukomplisert' },
            ],
            text: 'Hypertensjon',
          },
          subject: { reference: 'Patient/p1' },
          onsetDateTime: ramiprilStart,
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          id: 'c3',
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: {
            coding: [
              { system: 'http://hl7.org/fhir/sid/icpc-2', code: 'T86', display: 'Hypotyreose/myksødem' },
            ],
            text: 'Hypotyreose',
          },
          subject: { reference: 'Patient/p1' },
          onsetDateTime: levothyroxineStart,
        },
      },
      {
        resource: {
          resourceType: 'AllergyIntolerance',
          id: 'a1',
          code: { text: 'Penicillin' },
          criticality: 'high',
          patient: { reference: 'Patient/p1' },
          reaction: [{ manifestation: [{ text: 'urtikaria' }] }],
          recordedDate: dates[0],
        },
      },
      ...[
        { id: 'm1', text: 'Metformin', dosage: '1000 mg x 2', status: 'active', start: metforminStart },
        {
          id: 'm2',
          text: 'Atorvastatin',
          dosage: '20 mg x 1 kveld',
          status: 'active',
          start: atorvastatinStart,
        },
        {
          id: 'm3',
          text: 'Ramipril',
          dosage: '5 mg x 1',
          status: 'stopped',
          start: ramiprilStart,
          end: ramiprilStop,
        },
        { id: 'm4', text: 'Losartan', dosage: '50 mg x 1', status: 'active', start: ramiprilStop },
        {
          id: 'm5',
          text: 'Levotyroksin',
          dosage: '75 µg x 1 morgen',
          status: 'active',
          start: levothyroxineStart,
        },
      ].map((medicine) => ({
        resource: {
          resourceType: 'MedicationStatement',
          id: medicine.id,
          status: medicine.status,
          medicationCodeableConcept: { text: medicine.text },
          subject: { reference: 'Patient/p1' },
          effectivePeriod: {
            start: medicine.start,
            ...(medicine.end === undefined ? {} : { end: medicine.end }),
          },
          dosage: [{ text: medicine.dosage }],
        },
      })),
      ...recentHbA1c.map((measurement, position) => ({
        resource: {
          resourceType: 'Observation',
          id: `o${position + 1}`,
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'HbA1c' }], text: 'HbA1c' },
          subject: { reference: 'Patient/p1' },
          effectiveDateTime: measurement.date,
          valueQuantity: { value: Number(measurement.value.replace(',', '.')), unit: 'mmol/mol' },
        },
      })),
    ],
  };

  const lastOf = (key: string, question: string): SyntheticQuestion => {
    const measurement = last(labOf(key));
    return { question, value: measurement.value, date: measurement.date };
  };
  const lastBloodPressure = last(bloodPressures);
  const lastWeight = last(weights);
  const questions: SyntheticQuestion[] = [
    lastOf('hba1c', 'Når ble HbA1c sist målt, og hva var verdien?'),
    {
      question: 'Hva var den første HbA1c-verdien i journalen?',
      value: first(labOf('hba1c')).value,
      date: first(labOf('hba1c')).date,
    },
    lastOf('kreatinin', 'Hva var siste kreatinin?'),
    lastOf('egfr', 'Hva var eGFR ved siste måling?'),
    lastOf('ldl', 'Når ble LDL-kolesterol sist målt, og hva var verdien?'),
    lastOf('tsh', 'Hva var siste TSH?'),
    lastOf('ferritin', 'Hva var siste ferritin?'),
    lastOf('hb', 'Hva var Hb sist det ble målt?'),
    {
      question: 'Hva var blodtrykket ved siste konsultasjon?',
      value: lastBloodPressure.value,
      date: lastBloodPressure.date,
    },
    { question: 'Hva veide pasienten sist?', value: lastWeight.value, date: lastWeight.date },
    { question: 'Hvilken dose metformin bruker pasienten nå?', value: '1000 mg', words: ['metformin'] },
    { question: 'Når ble metformin startet?', date: metforminStart, words: ['metformin'] },
    { question: 'Når ble atorvastatin startet?', date: atorvastatinStart, words: ['atorvastatin'] },
    { question: 'Hvorfor ble ramipril seponert?', date: ramiprilStop, words: ['tørrhoste'] },
    { question: 'Når ble ramipril seponert?', date: ramiprilStop, words: ['ramipril'] },
    { question: 'Hvilken dose levotyroksin bruker pasienten nå?', value: '75 µg', words: ['levotyroksin'] },
    { question: 'Hvilke allergier har pasienten?', words: ['penicillin'] },
    { question: 'Når ble pasienten henvist til øyelege?', date: eyeReferral, words: ['øyelege'] },
    { question: 'Hva viste røntgen thorax?', words: ['infiltrat'] },
    {
      question: 'Når fikk pasienten sist influensavaksine?',
      date: fluVaccines[fluVaccines.length - 1] ?? lastFluVaccine,
      words: ['influensavaksine'],
    },
    { question: 'Når ble diagnosen hypotyreose stilt?', date: levothyroxineStart, words: ['hypotyreose'] },
    { question: 'Hva var CRP ved utskrivning fra sykehuset?', value: '42', words: ['crp'] },
  ];
  if (crpValues.length > 0) {
    const lastCrp = last(crpValues);
    questions.push({
      question: 'Hva var siste CRP målt på legekontoret?',
      value: lastCrp.value,
      date: lastCrp.date,
    });
  }
  const hba1cIn = labOf('hba1c').filter((measurement) => measurement.date.startsWith('2019'));
  if (hba1cIn.length > 0) {
    const lastIn2019 = last(hba1cIn);
    questions.push({
      question: 'Hva var siste HbA1c i 2019?',
      value: lastIn2019.value,
      date: lastIn2019.date,
    });
  }
  return { pages, epicrisis, fhirBundle, questions };
}
