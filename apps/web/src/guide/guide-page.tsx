import { useEffect, useState } from 'react';
import { Link, usePathname } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';

/** localStorage key set once the GP has seen (or closed the notice of) the guide. */
export const GUIDE_SEEN_KEY = 'kollega.guideSeen';

function markGuideSeen(): void {
  try {
    window.localStorage.setItem(GUIDE_SEEN_KEY, '1');
  } catch {
    // Blocked storage: the notice shows again next time.
  }
}

function hasSeenGuide(): boolean {
  try {
    return window.localStorage.getItem(GUIDE_SEEN_KEY) === '1';
  } catch {
    return true;
  }
}

const SUPPORT = [
  ['supported', 'Støttet', 'Står i samtalen. Les likevel: riktig ord kan stå i feil sammenheng.'],
  ['inferred', 'Utledet', 'En rimelig klinisk tolkning, ikke sagt rett ut. Sjekk at tolkningen er din.'],
  [
    'unsupported',
    'Uten støtte',
    'Finnes ikke i samtalen. Rett eller slett setningen, eller avvis flagget med begrunnelse.',
  ],
  ['contradicted', 'Motsagt', 'Samtalen sier noe annet. Nesten alltid en feil som må rettes.'],
  [
    'unverified',
    'Ikke kontrollert',
    'Kontrollen har ikke sett på setningen (f.eks. etter redigering). Les den selv.',
  ],
] as const;

const TYPICAL_ERRORS = [
  {
    name: 'Nektelse',
    said: 'Pasient: «Nei, jeg har ikke hatt feber.»',
    wrong: 'Feber.',
    right: 'Ingen feber.',
  },
  {
    name: 'Side (lateralitet)',
    said: 'Pasient: «Det er den høyre tommelen som er nummen.»',
    wrong: 'Nummenhet venstre tommel.',
    right: 'Nummenhet høyre tommel.',
  },
  {
    name: 'En pårørendes symptomer',
    said: 'Pasient: «Mannen min har hatt hoste i to uker, men jeg har bare vondt i halsen.»',
    wrong: 'Hoste i to uker.',
    right: 'Sår hals. Ektemann har hoste.',
  },
  {
    name: 'Tall',
    said: 'Lege: «Ta 500 milligram tre ganger daglig i fem dager.»',
    wrong: 'Amoksicillin 50 mg x 3 i 5 dager.',
    right: 'Amoksicillin 500 mg x 3 i 5 dager.',
  },
];

/** /veiledning: how to review an AI draft, in Bokmål, with synthetic examples. Marks the guide as seen. */
export function GuidePage() {
  useDocumentTitle('Veiledning');
  useEffect(markGuideSeen, []);
  return (
    <section className="page page-narrow" data-testid="guide-page">
      <h1>Slik går du gjennom et KI-utkast</h1>
      <p>
        Utkastet er skrevet av et program og er ditt ansvar når du godkjenner det. Bruk et halvt minutt ekstra
        på flaggene – det er der feilene oftest er. Fastleger som har prøvd KI-notater, forteller at det er
        lett å bli «lat» og slutte å kontrollere; statistikksiden viser hvor ofte notater godkjennes uten at
        flaggene er åpnet.
      </p>
      <h2>1. Fargene</h2>
      <p>Hver setning i notatet har en farge som sier hva kontrollen fant i samtalen:</p>
      <ul className="guide-support" data-testid="guide-colours">
        {SUPPORT.map(([id, label, text]) => (
          <li key={id}>
            <span className={`support-icon support-${id}`} aria-hidden="true" /> <strong>{label}:</strong>{' '}
            {text}
          </li>
        ))}
      </ul>
      <h2>2. Flaggene</h2>
      <p>
        Setninger uten støtte eller i strid med samtalen, og viktige ting som mangler (f.eks. allergi), er
        flagg. Du kan ikke godkjenne før hvert flagg er løst: rett setningen, sett inn det som mangler, eller
        avvis flagget med en kort begrunnelse. Klikk på en setning for å se grunnlaget – replikkene den bygger
        på blir uthevet i samtalen til venstre.
      </p>
      <h2>3. Typiske feil</h2>
      <p>Eksemplene er fra syntetiske konsultasjoner.</p>
      <table className="about-table" data-testid="guide-errors">
        <thead>
          <tr>
            <th>Feiltype</th>
            <th>Sagt i samtalen</th>
            <th>Feil i utkastet</th>
            <th>Riktig</th>
          </tr>
        </thead>
        <tbody>
          {TYPICAL_ERRORS.map((error) => (
            <tr key={error.name}>
              <td>{error.name}</td>
              <td>{error.said}</td>
              <td>{error.wrong}</td>
              <td>{error.right}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>4. Før du godkjenner</h2>
      <ul>
        <li>Les hele notatet, ikke bare flaggene.</li>
        <li>Sjekk nektelser, side, tall (dose, varighet, temperatur) og hvem symptomene gjelder.</li>
        <li>Stryk det som ikke hører hjemme i journalen.</li>
        <li>
          Godkjenn i eget navn: notatet får linjen «KI-assistert utkast, gjennomgått og godkjent av lege».
        </li>
      </ul>
      <p>
        Mer om hva hver KI-del er ment for: <Link href="/om-ki">Om KI i Kollega</Link>.
      </p>
    </section>
  );
}

/** Shown until the GP has opened or dismissed the guide (localStorage), on every page but the guide itself. */
export function FirstUseBanner() {
  const pathname = usePathname();
  const [seen, setSeen] = useState(hasSeenGuide);
  if (seen || pathname.startsWith('/veiledning') || pathname.startsWith('/pasientinformasjon')) return null;
  return (
    <div className="first-use-banner card" role="note" data-testid="first-use-banner">
      Ny i Kollega? <Link href="/veiledning">Les veiledningen: slik går du gjennom et KI-utkast</Link>{' '}
      <button
        type="button"
        onClick={() => {
          markGuideSeen();
          setSeen(true);
        }}
      >
        Lukk
      </button>
    </div>
  );
}
