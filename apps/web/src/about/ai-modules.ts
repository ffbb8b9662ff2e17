import type { DataFlowPurpose } from '../shared/data-flow-label';

/** One AI module of Kollega as presented on "Om KI i Kollega". Sources: norwegian-domain.md §6 (tags [V]/[P]/[GK]). */
export interface AiModule {
  id: string;
  name: string;
  /** The model purpose whose data flow applies; undefined for rule-based modules that always run on the server. */
  purpose?: DataFlowPurpose['purpose'];
  kind: 'dokumentasjonsstøtte' | 'beslutningsstøtte';
  intendedPurpose: string;
  notFor: string;
  regulatory: string;
  limitations: string[];
}

/** The modules, their intended purpose, what they must not be used for, regulation and known failure modes. */
export const AI_MODULES: readonly AiModule[] = [
  {
    id: 'note-drafting',
    name: 'Notatutkast',
    purpose: 'note-drafting',
    kind: 'dokumentasjonsstøtte',
    intendedPurpose:
      'Skriver et utkast til journalnotat fra transkripsjonen av konsultasjonen. Legen leser, retter og godkjenner.',
    notFor:
      'Ikke til diagnose eller behandlingsvalg, og aldri til journalføring uten at legen har lest og godkjent notatet.',
    regulatory:
      'Ren transkripsjon/oppsummering kan regnes som administrativ støtte når taushetsplikt, deling og lagring er lovlig (Legeforeningen/NFA 2024) [V]. Legen har ansvaret for forsvarlig journalføring (hpl § 4) [V]. KI-forordningen: krav om KI-kompetanse (art. 4) og åpenhet (art. 50) [GK]. Om tale-til-notat er medisinsk utstyr er tatt opp i EU av DMP [V].',
    limitations: [
      'Kan utelate ting som ble sagt, eller ta med ting som ikke ble sagt (hallusinasjon).',
      'Nektelser kan snus («ingen feber» blir «feber»).',
      'Side (høyre/venstre) og tall (doser, temperatur, varighet) kan bli feil.',
      'Symptomer hos en pårørende kan bli skrevet som pasientens.',
      'Notatene blir lengre; lett å slutte å kontrollere («man blir lat»).',
    ],
  },
  {
    id: 'verifier',
    name: 'Kontroll av utkastet (verifikator)',
    purpose: 'verification',
    kind: 'dokumentasjonsstøtte',
    intendedPurpose:
      'Sjekker hver setning mot samtalen, markerer setninger uten grunnlag eller i strid med samtalen, og viktige ting som mangler.',
    notFor:
      'Ikke et kvalitetsstempel: en grønn setning er ikke bevist riktig. Erstatter ikke legens egen gjennomlesning.',
    regulatory: 'Del av dokumentasjonsstøtten; legen godkjenner i eget navn (NFA 2024) [V].',
    limitations: [
      'Regelbasert: kjenner ikke alle omskrivinger og kan flagge riktige setninger.',
      'Kan overse feil der ordene finnes i samtalen men betydningen er endret.',
      'Med en språkmodell for kontroll vurderer modellen i tillegg setningene reglene bare kunne kalle «utledet»; modellen kan flagge, aldri frikjenne, og kan selv ta feil.',
    ],
  },
  {
    id: 'decision-support',
    name: 'Beslutningsstøtte (antibiotika, ICPC-2-forslag)',
    kind: 'beslutningsstøtte',
    intendedPurpose:
      'Viser hva nasjonal retningslinje sier for aktuell problemstilling, og forslag til ICPC-2-kode med grunnlag.',
    notFor: 'Ikke en behandlingsbeslutning. Legen vurderer selv; forslagene må ikke følges blindt.',
    regulatory:
      'Programvare som gir informasjon for diagnostiske eller terapeutiske beslutninger er trolig medisinsk utstyr, minst klasse IIa etter MDR regel 11 [P/GK], og da høyrisiko etter KI-forordningen art. 6(1) [P]. Holdes atskilt fra notatutkastet.',
    limitations: [
      'Dekker bare vanlige indikasjoner i retningslinjen.',
      'Vet ikke mer om pasienten enn det som står i samtalen.',
    ],
  },
  {
    id: 'triage',
    name: 'Hastegradsvurdering av meldinger',
    purpose: 'triage',
    kind: 'beslutningsstøtte',
    intendedPurpose:
      'Foreslår hastegrad (rød/gul/grønn) for pasientmeldinger slik at de viktigste leses først.',
    notFor:
      'Ikke til å avvise eller svare pasienter automatisk. Alle meldinger skal leses av helsepersonell.',
    regulatory:
      'Triage er trolig medisinsk utstyr [GK], og KI for akutt triage er høyrisiko etter KI-forordningen vedlegg III 5(d) [P].',
    limitations: [
      'Kan undervurdere hastegrad ved vage eller uvanlige beskrivelser.',
      'Forstår ikke alltid dialekt, skrivefeil eller andre språk.',
    ],
  },
  {
    id: 'patient-summary',
    name: 'Oppsummering til pasienten',
    purpose: 'summary',
    kind: 'dokumentasjonsstøtte',
    intendedPurpose:
      'Lager en kort oppsummering i klart språk av det godkjente notatet, som legen godkjenner før den gis til pasienten.',
    notFor: 'Ikke nye råd eller nye opplysninger som ikke står i det godkjente notatet.',
    regulatory: 'Legen godkjenner teksten; merkes som KI-generert (KI-forordningen art. 50) [GK].',
    limitations: ['Kan forenkle så mye at nyanser forsvinner.', 'Oversettelser kan bli unøyaktige.'],
  },
  {
    id: 'record-questions',
    name: 'Spørsmål til journalen',
    purpose: 'summary',
    kind: 'dokumentasjonsstøtte',
    intendedPurpose: 'Finner og siterer det journalen sier om et spørsmål, med henvisning til dokumentet.',
    notFor: 'Ikke som eneste kilde: svar uten kildehenvisning skal ikke brukes.',
    regulatory:
      'Språklige og administrative oppgaver passer best for språkmodeller (Helsedirektoratet 2024) [V].',
    limitations: [
      'Kan overse opplysninger i lange eller skannede dokumenter.',
      'Ser bare dokumentene som er lastet inn.',
    ],
  },
];
