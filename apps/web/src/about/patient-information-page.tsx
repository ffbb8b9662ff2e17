import { useState } from 'react';
import { useDocumentTitle } from '../shared/use-document-title';
import { useJson } from './use-json';

interface PrivacySettings {
  dataFlows: Array<{ purpose: string; kind: string; host?: string; deidentified: boolean }>;
  processors: Array<{ id: string; displayName?: string; host?: string; local: boolean; purposes: string[] }>;
  transcription: { configured: boolean; local: boolean | null; displayName?: string };
  retention: { audio: { policy: 'on_approval' } | { policy: 'hours'; hours: number } };
}

type LeafletLanguage = 'nb' | 'en';

function describeRetention(settings: PrivacySettings, language: LeafletLanguage): string {
  const audio = settings.retention.audio;
  if (language === 'en') {
    return audio.policy === 'on_approval'
      ? 'The audio recording is deleted as soon as your doctor has approved the note.'
      : `The audio recording is deleted automatically ${audio.hours} hours after the consultation.`;
  }
  return audio.policy === 'on_approval'
    ? 'Lydopptaket slettes så snart legen har godkjent notatet.'
    : `Lydopptaket slettes automatisk ${audio.hours} timer etter konsultasjonen.`;
}

function describeFlow(settings: PrivacySettings, language: LeafletLanguage): string {
  const sent = settings.processors.filter((processor) => !processor.local && processor.purposes.length > 0);
  const audioSent = settings.transcription.configured && settings.transcription.local === false;
  if (sent.length === 0 && !audioSent) {
    return language === 'en'
      ? 'Everything is processed on the practice’s own server. Nothing is sent to other companies.'
      : 'Alt behandles på legekontorets egen server. Ingenting sendes til andre selskaper.';
  }
  const names = sent
    .map((processor) => `${processor.displayName ?? processor.id} (${processor.host ?? ''})`)
    .join(', ');
  return language === 'en'
    ? `Text is stripped of names and ID numbers before it is sent to ${names || 'the speech service'}, which works under a data processing agreement and may not keep or learn from it.`
    : `Teksten fjernes for navn og fødselsnummer før den sendes til ${names || 'taletjenesten'}, som behandler den etter databehandleravtale og ikke får lagre den eller lære av den.`;
}

function Leaflet({ settings, language }: { settings: PrivacySettings; language: LeafletLanguage }) {
  const en = language === 'en';
  return (
    <article className="card leaflet" lang={language} data-testid={`leaflet-${language}`}>
      <h2>{en ? 'Your doctor uses an AI assistant' : 'Legen din bruker en KI-assistent'}</h2>
      <p>
        {en
          ? 'With your permission, the consultation is recorded so that a computer program (Kollega) can write a draft of the medical note. Your doctor reads, corrects and approves the note. The doctor – not the program – is responsible for your care.'
          : 'Med din tillatelse tas samtalen opp, slik at et dataprogram (Kollega) kan skrive et utkast til journalnotatet. Legen leser, retter og godkjenner notatet. Det er legen – ikke programmet – som har ansvaret for behandlingen din.'}
      </p>
      <h3>{en ? 'You can say no' : 'Du kan si nei'}</h3>
      <p>
        {en
          ? 'You can say no to recording, before or during the consultation, without giving a reason. It does not affect your care: your doctor then writes the note the usual way. Your choice is noted for this consultation.'
          : 'Du kan si nei til opptak, før eller under konsultasjonen, uten å begrunne det. Det påvirker ikke behandlingen: legen skriver da notatet på vanlig måte. Valget ditt noteres for denne konsultasjonen.'}
      </p>
      <h3>{en ? 'What is kept, and for how long' : 'Hva som lagres, og hvor lenge'}</h3>
      <ul>
        <li data-testid={`leaflet-retention-${language}`}>{describeRetention(settings, language)}</li>
        <li>
          {en
            ? 'The approved note is kept in your medical record, as the law requires.'
            : 'Det godkjente notatet lagres i journalen din, slik loven krever.'}
        </li>
        <li data-testid={`leaflet-flow-${language}`}>{describeFlow(settings, language)}</li>
        <li>
          {en
            ? 'Recordings and notes are never used to train AI models.'
            : 'Opptak og notater brukes aldri til å trene KI-modeller.'}
        </li>
      </ul>
      <p className="muted">
        {en
          ? 'Ask at the reception or your doctor if you have questions. You have the right to see your record.'
          : 'Spør i resepsjonen eller legen din hvis du lurer på noe. Du har rett til innsyn i journalen din.'}
      </p>
    </article>
  );
}

/** /pasientinformasjon: a printable leaflet and a waiting-room notice in Bokmål and English, from the practice's settings. */
export function PatientInformationPage() {
  useDocumentTitle('Pasientinformasjon');
  const [language, setLanguage] = useState<LeafletLanguage>('nb');
  const state = useJson<PrivacySettings>('/api/about/privacy-export');
  return (
    <section className="page page-narrow patient-information" data-testid="patient-information-page">
      <div className="no-print">
        <h1>Pasientinformasjon</h1>
        <p>
          Skriv ut brosjyren og oppslaget til venterommet. Teksten fylles ut fra innstillingene til denne
          installasjonen (lagringstid for lyd, hvor data går).
        </p>
        <div role="group" aria-label="Språk">
          <button type="button" aria-pressed={language === 'nb'} onClick={() => setLanguage('nb')}>
            Bokmål
          </button>{' '}
          <button type="button" aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
            English
          </button>{' '}
          <button type="button" onClick={() => window.print()}>
            Skriv ut
          </button>
        </div>
      </div>
      {state.status === 'loading' && <p className="muted">Henter innstillinger …</p>}
      {state.status === 'error' && <p>Kunne ikke hente innstillingene ({state.message}).</p>}
      {state.status === 'ready' && (
        <>
          <div className="waiting-room-notice card" lang={language} data-testid="waiting-room-notice">
            <strong>
              {language === 'en'
                ? 'We may record your consultation so that an AI assistant can draft the note. Just say no if you do not want this.'
                : 'Vi kan ta opp samtalen slik at en KI-assistent skriver utkast til notatet. Si fra hvis du ikke vil det – det er helt i orden.'}
            </strong>
          </div>
          <Leaflet settings={state.data} language={language} />
        </>
      )}
    </section>
  );
}
