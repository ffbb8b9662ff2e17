/**
 * Synthetic Norwegian GP consultations for the load benchmark: 20–40 turns between `lege` and `pasient`,
 * assembled from ten everyday presentations with varied durations, numbers and wording. Written for the
 * benchmark (no dev data); the point is realistic size and shape, not clinical truth.
 */

/** One turn as the API takes it. */
export interface SyntheticTurn {
  speaker: 'lege' | 'pasient';
  text: string;
}

/** A consultation ready for `POST /api/consultations`. */
export interface SyntheticConsultation {
  title: string;
  language: 'nb';
  transcript: SyntheticTurn[];
}

/** A small seeded pseudo-random generator (mulberry32), so a run can be repeated. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** A question from the doctor and the patient's answer. */
type Exchange = readonly [question: string, answer: string];

interface Presentation {
  title: string;
  complaint: (random: Random) => string;
  history: (random: Random) => Exchange[];
  examination: (random: Random) => string[];
  assessment: (random: Random) => string;
  plan: (random: Random) => string[];
}

const days = (random: Random) => pick(random, ['to', 'tre', 'fire', 'fem', 'seks']);
const temperature = (random: Random) => `${between(random, 37, 39)},${between(random, 0, 9)}`;
const bloodPressure = (random: Random) => `${between(random, 118, 162)}/${between(random, 72, 98)}`;
const pulse = (random: Random) => String(between(random, 58, 96));

const PRESENTATIONS: readonly Presentation[] = [
  {
    title: 'Sår hals',
    complaint: (random) => `Jeg har hatt vondt i halsen i ${days(random)} dager, og det gjør vondt å svelge.`,
    history: (random) => [
      ['Har du hatt feber?', `Ja, jeg målte ${temperature(random)} i går kveld.`],
      ['Hoster du noe?', pick(random, ['Nei, ikke noe særlig hoste.', 'Litt tørrhoste om natten.'])],
      ['Er det noen andre hjemme som er syke?', 'Barna har vært forkjølet forrige uke.'],
      ['Har du hatt halsbetennelse før?', 'En gang for noen år siden, da fikk jeg penicillin.'],
      ['Klarer du å drikke nok?', 'Ja, men det er vondt å spise brødskive.'],
      ['Har du kjent hovne kjertler på halsen?', 'Ja, det er ømt under kjeven på høyre side.'],
    ],
    examination: (random) => [
      `Temperatur ${temperature(random)}. Mandlene er røde og hovne med belegg på begge sider.`,
      'Ømme lymfeknuter på halsen. Lungene høres normale ut.',
    ],
    assessment: (random) =>
      `Dette ser ut som en halsbetennelse. Hurtigtesten for streptokokker var ${pick(random, ['positiv', 'negativ'])}.`,
    plan: (random) => [
      'Vi tar det ut fra testsvaret og Centor-kriteriene, og du kan ta paracetamol ved behov for smertene.',
      `Ta kontakt igjen hvis det ikke er bedre om ${days(random)} dager, eller hvis du får vanskelig for å svelge spytt.`,
    ],
  },
  {
    title: 'Ryggsmerter',
    complaint: (random) =>
      `Jeg fikk vondt i korsryggen for ${pick(random, ['en uke', 'ti dager', 'fem dager'])} siden da jeg løftet en kasse.`,
    history: () => [
      ['Stråler smertene ned i beina?', 'Litt ned i venstre lår, men ikke lenger enn til kneet.'],
      ['Har du nummenhet eller prikking i føttene?', 'Nei, ikke noe sånt.'],
      ['Har du problemer med å holde på urin eller avføring?', 'Nei, det fungerer som normalt.'],
      ['Hva har du tatt av smertestillende?', 'Ibux to ganger om dagen, det hjelper litt.'],
      ['Hva jobber du med?', 'Jeg er lagerarbeider, så jeg løfter mye.'],
      ['Hvordan sover du?', 'Jeg våkner når jeg snur meg i sengen.'],
      ['Har du hatt dette før?', 'Jeg hadde noe lignende for tre år siden, det gikk over av seg selv.'],
    ],
    examination: () => [
      'Nedsatt bevegelighet i lenden, ømhet i muskulaturen paravertebralt på venstre side.',
      'Negativ Lasègues prøve. Normal kraft og reflekser i beina.',
    ],
    assessment: () => 'Dette er mest sannsynlig uspesifikke korsryggsmerter uten tegn til nerveaffeksjon.',
    plan: (random) => [
      'Hold deg i aktivitet så godt det går, og unngå sengeleie.',
      `Jeg skriver en sykmelding på ${pick(random, ['50 prosent', '100 prosent'])} i en uke, så ser vi an.`,
      'Kom tilbake hvis du får lammelser, nummenhet i setet eller problemer med vannlatingen.',
    ],
  },
  {
    title: 'Hoste',
    complaint: (random) => `Jeg har hostet i ${between(random, 2, 4)} uker nå, og det vil ikke gi seg.`,
    history: (random) => [
      ['Kommer det opp noe når du hoster?', pick(random, ['Gult slim om morgenen.', 'Nei, det er tørt.'])],
      ['Har du feber eller nattesvette?', 'Jeg hadde feber den første uken, men ikke nå.'],
      ['Blir du tungpustet?', 'Litt når jeg går i trapper.'],
      ['Røyker du?', pick(random, ['Nei, aldri røykt.', 'Jeg sluttet for fem år siden.'])],
      ['Har du astma eller allergi?', 'Jeg er pollenallergisk, men har ikke astma.'],
      ['Har du gått ned i vekt?', 'Nei, vekten er stabil.'],
    ],
    examination: (random) => [
      `Temperatur ${temperature(random)}. Metning ${between(random, 95, 99)} prosent.`,
      'Lungene: spredte tørre knatrelyder som forsvinner etter hoste. CRP 12.',
    ],
    assessment: () => 'Dette ser ut som en langvarig hoste etter en virusinfeksjon i luftveiene.',
    plan: () => [
      'Antibiotika hjelper ikke her. Du kan prøve honning og hostedempende om kvelden.',
      'Hvis hosten varer over åtte uker, tar vi et lungerøntgen.',
    ],
  },
  {
    title: 'Urinveisinfeksjon',
    complaint: (random) =>
      `Det svir når jeg tisser, og jeg må på do hele tiden. Det startet for ${days(random)} dager siden.`,
    history: () => [
      ['Har du blod i urinen?', 'Jeg syntes den var litt rødlig i går.'],
      ['Har du feber eller vondt i siden?', 'Nei, ikke feber, og ikke vondt i ryggen.'],
      ['Kan du være gravid?', 'Nei, det tror jeg ikke.'],
      ['Har du hatt urinveisinfeksjon tidligere?', 'En gang i fjor.'],
      ['Bruker du noen faste medisiner?', 'Bare p-piller.'],
      ['Er du allergisk mot noe medisin?', 'Ikke som jeg vet om.'],
    ],
    examination: () => [
      'Urinstiks: positiv for leukocytter og nitritt, spor av blod.',
      'Ikke bankeøm over nyrelogene. Afebril.',
    ],
    assessment: () => 'Dette er en ukomplisert blærebetennelse.',
    plan: () => [
      'Du får pivmecillinam i tre dager. Drikk godt.',
      'Ta kontakt hvis du får feber, vondt i siden eller ikke blir bedre.',
    ],
  },
  {
    title: 'Hodepine',
    complaint: (random) =>
      `Jeg har hatt mye hodepine de siste ${pick(random, ['ukene', 'månedene'])}, nesten hver dag.`,
    history: (random) => [
      ['Hvor sitter smerten?', 'Som et bånd rundt pannen og bak i nakken.'],
      ['Blir du kvalm eller lysømfintlig?', 'Ikke kvalm, men litt plaget av sterkt lys.'],
      ['Hvor mye smertestillende bruker du?', `Paracetamol ${between(random, 3, 6)} dager i uken.`],
      ['Hvordan er det med søvn og stress?', 'Det har vært mye på jobb, og jeg sover dårlig.'],
      ['Har du hatt synsforstyrrelser, lammelser eller problemer med talen?', 'Nei, ingenting av det.'],
      ['Hvor mye kaffe drikker du?', 'Fire til fem kopper om dagen.'],
    ],
    examination: (random) => [
      `Blodtrykk ${bloodPressure(random)}. Normal nevrologisk undersøkelse.`,
      'Stram og øm muskulatur i nakke og skuldre.',
    ],
    assessment: () => 'Dette høres ut som spenningshodepine, kanskje forsterket av mye smertestillende.',
    plan: () => [
      'Prøv å trappe ned på smertestillende, og få inn regelmessig søvn og mosjon.',
      'Før en hodepinedagbok i fire uker, så ser vi på den sammen.',
    ],
  },
  {
    title: 'Blodtrykkskontroll',
    complaint: () => 'Jeg kommer til kontroll av blodtrykket, slik vi avtalte.',
    history: (random) => [
      ['Hvordan går det med medisinene?', `Jeg tar amlodipin ${pick(random, ['5', '10'])} mg hver morgen.`],
      ['Har du merket bivirkninger?', 'Litt hovne ankler på kvelden.'],
      ['Har du målt blodtrykket hjemme?', `Ja, rundt ${bloodPressure(random)} de siste ukene.`],
      ['Har du hatt brystsmerter eller tungpust?', 'Nei.'],
      ['Hvordan er det med mosjon og kosthold?', 'Jeg går tur tre ganger i uken og har kuttet ned på salt.'],
      ['Røyker du eller snuser du?', 'Jeg snuser litt.'],
    ],
    examination: (random) => [
      `Blodtrykk ${bloodPressure(random)}, puls ${pulse(random)} og regelmessig.`,
      'Lette ødemer rundt anklene. Hjertet: regelmessig rytme, ingen bilyder.',
    ],
    assessment: () => 'Blodtrykket er nær målet, men ankelhevelsen kan komme av amlodipin.',
    plan: () => [
      'Vi tar blodprøver: kreatinin, kalium, HbA1c og kolesterol.',
      'Ny kontroll om tre måneder. Fortsett med turene.',
    ],
  },
  {
    title: 'Utslett',
    complaint: (random) =>
      `Jeg har fått et kløende utslett på ${pick(random, ['armene', 'hendene', 'beina'])} som ikke går bort.`,
    history: () => [
      ['Hvor lenge har du hatt det?', 'Rundt tre uker.'],
      ['Har du byttet såpe eller vaskemiddel?', 'Ja, vi byttet vaskemiddel for en måned siden.'],
      ['Har du hatt eksem før?', 'Jeg hadde eksem som barn.'],
      ['Hva har du smurt med?', 'Bare fuktighetskrem, det hjelper lite.'],
      ['Klør det mest om natten?', 'Ja, jeg klør til det blør.'],
    ],
    examination: () => [
      'Tørr, rød og fortykket hud i albuebøyene med riper etter klør.',
      'Ingen tegn til infeksjon.',
    ],
    assessment: () => 'Dette ser ut som et eksem, kanskje utløst av det nye vaskemiddelet.',
    plan: () => [
      'Du får en gruppe II-steroidkrem to ganger daglig i en uke, deretter nedtrapping.',
      'Bytt tilbake til det gamle vaskemiddelet og smør rikelig med fet krem.',
    ],
  },
  {
    title: 'Magesmerter',
    complaint: (random) => `Jeg har hatt vondt i magen i ${days(random)} dager, mest øverst.`,
    history: () => [
      ['Er smerten verre etter mat?', 'Ja, særlig etter fet mat og kaffe.'],
      ['Har du kastet opp?', 'Nei, men jeg er litt kvalm.'],
      ['Har avføringen vært svart eller blodig?', 'Nei, den har vært normal.'],
      ['Bruker du betennelsesdempende?', 'Jeg har tatt Ibux for en vond skulder.'],
      ['Har du gått ned i vekt?', 'Ikke som jeg har merket.'],
      ['Har du sure oppstøt?', 'Ja, om kvelden når jeg legger meg.'],
    ],
    examination: () => [
      'Magen er myk, lett øm i epigastriet, ingen slipptømhet.',
      'Normale tarmlyder. Hemoglobin 14,1.',
    ],
    assessment: () => 'Dette kan være irritasjon i magesekken, sannsynligvis forsterket av Ibux.',
    plan: () => [
      'Slutt med Ibux. Du får en syrehemmer i fire uker.',
      'Vi tar en test for Helicobacter. Kom tilbake hvis du får svart avføring eller kaster opp blod.',
    ],
  },
  {
    title: 'Søvnvansker',
    complaint: () => 'Jeg sover veldig dårlig, og jeg er sliten hele tiden.',
    history: (random) => [
      ['Hvor lenge har det vart?', `Rundt ${between(random, 2, 6)} måneder.`],
      ['Har du vansker med å sovne eller våkner du tidlig?', 'Begge deler, jeg ligger og tenker.'],
      ['Hvordan har du det ellers, med humøret?', 'Jeg er mer nedfor enn før, men ikke håpløs.'],
      ['Har du tanker om å skade deg selv?', 'Nei, det har jeg ikke.'],
      ['Hvordan er det på jobben?', 'Det har vært omstilling og mye usikkerhet.'],
      ['Drikker du alkohol?', 'Et par glass vin i helgene.'],
      ['Bruker du skjerm på kvelden?', 'Ja, jeg ser på mobilen i sengen.'],
    ],
    examination: (random) => [`Blodtrykk ${bloodPressure(random)}. Rolig, god kontakt, adekvat affekt.`],
    assessment: () => 'Dette høres ut som søvnvansker utløst av stress, uten tegn til alvorlig depresjon.',
    plan: () => [
      'Vi går gjennom søvnhygiene: faste tider, ingen skjerm i sengen, og stå opp hvis du ikke sovner.',
      'Jeg anbefaler et digitalt kurs i kognitiv terapi for søvn, og vi tar en ny samtale om tre uker.',
    ],
  },
  {
    title: 'Kneskade',
    complaint: (random) => `Jeg vridde kneet på fotballtrening for ${days(random)} dager siden.`,
    history: () => [
      ['Hovnet kneet opp med en gang?', 'Ja, i løpet av et par timer.'],
      ['Kan du belaste det?', 'Jeg halter, men kan gå.'],
      ['Låser kneet seg eller svikter det?', 'Det har sviktet et par ganger i trapper.'],
      ['Hørte du et smell da det skjedde?', 'Jeg tror det, ja.'],
      ['Hva har du gjort med det?', 'Is og høyt leie de første dagene.'],
    ],
    examination: () => [
      'Hevelse og væske i høyre kne. Øm over indre leddspalte.',
      'Positiv Lachmans test sammenlignet med venstre side.',
    ],
    assessment: () => 'Jeg mistenker en skade på fremre korsbånd, kanskje også menisken.',
    plan: () => [
      'Jeg henviser deg til MR av kneet og til fysioterapeut.',
      'Bruk krykker ved behov og unngå vridning og idrett til vi har svar.',
    ],
  },
];

const GENERAL_HISTORY: readonly Exchange[] = [
  ['Bruker du noen faste medisiner?', 'Nei, ingen faste medisiner.'],
  ['Er du allergisk mot noe?', 'Ikke som jeg vet om.'],
  ['Har du andre sykdommer jeg bør vite om?', 'Nei, jeg er stort sett frisk.'],
  ['Hvordan påvirker dette hverdagen din?', 'Det går utover jobben, jeg orker mindre.'],
  ['Har du prøvd noe selv?', 'Jeg har hvilt og drukket mye vann.'],
  ['Er det noe du er bekymret for?', 'Jeg var redd det var noe alvorlig.'],
  ['Har det blitt bedre eller verre de siste dagene?', 'Omtrent likt, kanskje litt verre.'],
];

const GREETINGS: readonly Exchange[] = [
  ['Hei, velkommen inn. Hva kan jeg hjelpe deg med i dag?', ''],
  ['God dag, sett deg. Hva er grunnen til at du kommer?', ''],
  ['Hei, så fint å se deg igjen. Hva gjelder det i dag?', ''],
];

/**
 * One consultation of 20–40 turns: greeting, the complaint, history questions (the presentation's own,
 * then general ones), findings, assessment, plan and the patient's questions.
 */
export function createSyntheticConsultation(random: Random, index: number): SyntheticConsultation {
  const presentation = pick(random, PRESENTATIONS);
  const targetTurns = between(random, 20, 40);
  const turns: SyntheticTurn[] = [];
  const doctor = (text: string) => turns.push({ speaker: 'lege', text });
  const patient = (text: string) => turns.push({ speaker: 'pasient', text });

  doctor(pick(random, GREETINGS)[0]);
  patient(presentation.complaint(random));
  const findings = presentation.examination(random);
  const plan = presentation.plan(random);
  // Closing: examination intro, findings, patient reply, assessment + reply, plan, question + answer, goodbye.
  const closingTurns = 1 + findings.length + 1 + 2 + plan.length + 2 + 2;
  const exchanges = [...shuffle(random, presentation.history(random)), ...shuffle(random, GENERAL_HISTORY)];
  for (const [question, answer] of exchanges) {
    if (turns.length + 2 + closingTurns > targetTurns) break;
    doctor(question);
    patient(answer);
  }
  while (turns.length + 2 + closingTurns <= targetTurns) {
    doctor(pick(random, ['Kan du si litt mer om det?', 'Hvordan merker du det i løpet av dagen?']));
    patient(pick(random, ['Det er verst om morgenen, så går det litt bedre.', 'Det kommer og går.']));
  }
  const needsOneMore = turns.length + closingTurns < targetTurns;
  doctor('Da skal jeg undersøke deg litt.');
  for (const finding of findings) doctor(finding);
  patient('Ja, det stemmer med hvordan jeg har det.');
  doctor(presentation.assessment(random));
  patient(pick(random, ['Er det noe farlig?', 'Hva gjør vi nå?', 'Trenger jeg medisin?']));
  for (const step of plan) doctor(step);
  patient(pick(random, ['Hvor lenge pleier det å vare?', 'Kan jeg jobbe som vanlig?']));
  doctor('Det varierer, men de fleste merker bedring i løpet av noen uker. Ta kontakt om noe endrer seg.');
  if (needsOneMore) doctor('Jeg skriver et kort notat om dette i journalen din nå.');
  patient('Takk for hjelpen.');
  doctor('Bare hyggelig. Ha en god dag.');
  return { title: `Last ${index}: ${presentation.title}`, language: 'nb', transcript: turns };
}
