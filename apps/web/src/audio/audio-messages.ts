import type { Language } from '@kollega/domain';

/** The audio feature's texts, in Bokmål and English. */
export interface AudioMessages {
  sectionTitle: string;
  sectionIntro: string;
  languageLabel: string;
  doctorLabel: string;
  doctorPlaceholder: string;
  consentLabel: string;
  consentHint: string;
  refuseButton: string;
  refusalRecorded: (by: string) => string;
  needDoctor: string;
  needConsent: string;
  start: string;
  starting: string;
  pause: string;
  resume: string;
  stop: string;
  stopping: string;
  recordingState: string;
  pausedState: string;
  level: string;
  elapsed: string;
  silenceWarning: string;
  savedUpTo: (time: string) => string;
  uploadBacklog: (count: number) => string;
  resumeTitle: string;
  resumeBody: (time: string) => string;
  resumeButton: string;
  finishButton: string;
  discardButton: string;
  microphoneDenied: string;
  microphoneMissing: string;
  recorderUnsupported: string;
  liveTranscript: string;
  liveDraft: string;
  noLiveTranscript: string;
  processing: (percent: number) => string;
  noSpeech: string;
  openConsultation: string;
  failed: string;
  retry: string;
  uploadTitle: string;
  uploadHint: (maxMinutes: number, maxMegabytes: number) => string;
  uploadButton: string;
  uploading: (percent: number) => string;
  fileTooLarge: (maxMegabytes: number) => string;
  fileNotAudio: string;
  engineLine: (name: string) => string;
  engineMissing: (reason: string) => string;
  engineLanguage: string;
  retentionTitle: string;
  audioPanelTitle: string;
  consentGiven: (by: string, at: string) => string;
  consentRefused: (by: string, at: string) => string;
  audioDeleted: (reason: string, at: string) => string;
  deletionReasons: Record<string, string>;
  deleteNow: string;
  deleteConfirm: string;
  playFromEvidence: string;
  rolesTitle: string;
  rolesHint: string;
  saveRoles: string;
  savingRoles: string;
  rolesSaved: string;
  segmentRole: (time: string) => string;
  expiresAt: (at: string) => string;
}

const NB: AudioMessages = {
  sectionTitle: 'Lydopptak av konsultasjonen',
  sectionIntro:
    'Ta opp samtalen i nettleseren. Lyden lagres fortløpende på serveren, så et krasj eller en lukket fane mister høyst de siste sekundene.',
  languageLabel: 'Språk i samtalen',
  doctorLabel: 'Lege',
  doctorPlaceholder: 'Ditt navn',
  consentLabel: 'Pasienten har samtykket til lydopptak',
  consentHint: 'Spør pasienten før du starter. Svaret lagres med konsultasjonen.',
  refuseButton: 'Pasienten ønsker ikke opptak',
  refusalRecorded: (by) => `Pasienten ønsket ikke lydopptak (registrert av ${by}). Opptak kan ikke startes.`,
  needDoctor: 'Skriv navnet ditt først.',
  needConsent: 'Bekreft pasientens samtykke før opptaket starter.',
  start: 'Start opptak',
  starting: 'Starter …',
  pause: 'Pause',
  resume: 'Fortsett',
  stop: 'Avslutt opptak',
  stopping: 'Avslutter …',
  recordingState: 'Tar opp',
  pausedState: 'Pause',
  level: 'Lydnivå',
  elapsed: 'Tid',
  silenceWarning:
    'Mikrofonen har vært stille i over 5 sekunder. Sjekk at riktig mikrofon er valgt og ikke dempet.',
  savedUpTo: (time) => `Lagret på serveren: ${time}`,
  uploadBacklog: (count) => `${count} lydbiter venter på å bli sendt (prøver igjen) …`,
  resumeTitle: 'Et opptak ble avbrutt',
  resumeBody: (time) =>
    `Opptaket (${time}) er lagret på serveren. Fortsett i samme konsultasjon, eller avslutt det.`,
  resumeButton: 'Fortsett opptaket',
  finishButton: 'Avslutt og transkriber',
  discardButton: 'Glem',
  microphoneDenied: 'Nettleseren fikk ikke bruke mikrofonen. Gi tilgang og prøv igjen.',
  microphoneMissing: 'Fant ingen mikrofon.',
  recorderUnsupported: 'Nettleseren kan ikke ta opp lyd (MediaRecorder mangler).',
  liveTranscript: 'Transkripsjon så langt',
  liveDraft: 'Løpende utkast',
  noLiveTranscript: 'Transkripsjonen kommer etter hvert som opptaket går.',
  processing: (percent) => `Transkriberer … ${percent} %`,
  noSpeech: 'Ingen tale registrert. Det er ikke laget noe notat.',
  openConsultation: 'Åpne konsultasjonen',
  failed: 'Transkripsjonen feilet',
  retry: 'Prøv igjen',
  uploadTitle: 'Eller last opp en lydfil',
  uploadHint: (maxMinutes, maxMegabytes) =>
    `wav, mp3, m4a, ogg/opus eller webm. Høyst ${maxMinutes} minutter og ${maxMegabytes} MB.`,
  uploadButton: 'Last opp og transkriber',
  uploading: (percent) => `Laster opp … ${percent} %`,
  fileTooLarge: (maxMegabytes) => `Filen er for stor (maks ${maxMegabytes} MB).`,
  fileNotAudio: 'Velg en lydfil (wav, mp3, m4a, ogg, opus eller webm).',
  engineLine: (name) => `Talegjenkjenner: ${name}`,
  engineMissing: (reason) => `Ingen talegjenkjenner: ${reason}. Lyden lagres likevel.`,
  engineLanguage: 'Talegjenkjenneren kan ikke dette språket; lyden lagres, men blir ikke transkribert.',
  retentionTitle: 'Hva som lagres',
  audioPanelTitle: 'Lydopptak',
  consentGiven: (by, at) => `Samtykke til opptak gitt (registrert av ${by}, ${at}).`,
  consentRefused: (by, at) => `Pasienten ønsket ikke opptak (registrert av ${by}, ${at}).`,
  audioDeleted: (reason, at) => `Lyden er slettet ${at} (${reason}). Transkripsjonen er beholdt.`,
  deletionReasons: {
    note_approved: 'notatet ble godkjent',
    retention_expired: 'lagringstiden gikk ut',
    requested: 'slettet på forespørsel',
    no_speech: 'ingen tale',
  },
  deleteNow: 'Slett lyden nå',
  deleteConfirm: 'Slette lydopptaket? Transkripsjonen og notatet beholdes.',
  playFromEvidence: 'Velg en setning i notatet for å høre lyden fra kilden.',
  rolesTitle: 'Rett talerroller',
  rolesHint: 'Rollene er gjettet fra innholdet. Rett dem her; notatet skrives på nytt.',
  saveRoles: 'Lagre roller og skriv notatet på nytt',
  savingRoles: 'Lagrer …',
  rolesSaved: 'Rollene er lagret og notatet er skrevet på nytt.',
  segmentRole: (time) => `Rolle for replikken ved ${time}`,
  expiresAt: (at) => `Slettes senest ${at}.`,
};

const EN: AudioMessages = {
  sectionTitle: 'Audio recording of the consultation',
  sectionIntro:
    'Record the conversation in the browser. Audio is saved on the server as it goes, so a crash or a closed tab loses at most the last few seconds.',
  languageLabel: 'Language spoken',
  doctorLabel: 'Doctor',
  doctorPlaceholder: 'Your name',
  consentLabel: 'The patient has consented to audio recording',
  consentHint: 'Ask the patient before you start. The answer is stored with the consultation.',
  refuseButton: 'The patient does not want a recording',
  refusalRecorded: (by) =>
    `The patient declined audio recording (recorded by ${by}). Recording cannot start.`,
  needDoctor: 'Enter your name first.',
  needConsent: 'Confirm the patient’s consent before recording starts.',
  start: 'Start recording',
  starting: 'Starting …',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop recording',
  stopping: 'Stopping …',
  recordingState: 'Recording',
  pausedState: 'Paused',
  level: 'Sound level',
  elapsed: 'Time',
  silenceWarning:
    'The microphone has been silent for over 5 seconds. Check that the right microphone is selected and not muted.',
  savedUpTo: (time) => `Saved on the server: ${time}`,
  uploadBacklog: (count) => `${count} audio chunks waiting to be sent (retrying) …`,
  resumeTitle: 'A recording was interrupted',
  resumeBody: (time) =>
    `The recording (${time}) is saved on the server. Continue in the same consultation, or finish it.`,
  resumeButton: 'Continue recording',
  finishButton: 'Finish and transcribe',
  discardButton: 'Forget',
  microphoneDenied: 'The browser was not allowed to use the microphone. Allow access and try again.',
  microphoneMissing: 'No microphone found.',
  recorderUnsupported: 'This browser cannot record audio (no MediaRecorder).',
  liveTranscript: 'Transcript so far',
  liveDraft: 'Running draft',
  noLiveTranscript: 'The transcript appears as the recording goes on.',
  processing: (percent) => `Transcribing … ${percent} %`,
  noSpeech: 'No speech detected. No note was written.',
  openConsultation: 'Open the consultation',
  failed: 'Transcription failed',
  retry: 'Try again',
  uploadTitle: 'Or upload an audio file',
  uploadHint: (maxMinutes, maxMegabytes) =>
    `wav, mp3, m4a, ogg/opus or webm. At most ${maxMinutes} minutes and ${maxMegabytes} MB.`,
  uploadButton: 'Upload and transcribe',
  uploading: (percent) => `Uploading … ${percent} %`,
  fileTooLarge: (maxMegabytes) => `The file is too large (at most ${maxMegabytes} MB).`,
  fileNotAudio: 'Choose an audio file (wav, mp3, m4a, ogg, opus or webm).',
  engineLine: (name) => `Speech recogniser: ${name}`,
  engineMissing: (reason) => `No speech recogniser: ${reason}. Audio is still saved.`,
  engineLanguage: 'The speech recogniser does not know this language; audio is saved but not transcribed.',
  retentionTitle: 'What is kept',
  audioPanelTitle: 'Audio recording',
  consentGiven: (by, at) => `Consent to recording given (recorded by ${by}, ${at}).`,
  consentRefused: (by, at) => `The patient declined recording (recorded by ${by}, ${at}).`,
  audioDeleted: (reason, at) => `The audio was deleted ${at} (${reason}). The transcript is kept.`,
  deletionReasons: {
    note_approved: 'the note was approved',
    retention_expired: 'the retention period ended',
    requested: 'deleted on request',
    no_speech: 'no speech',
  },
  deleteNow: 'Delete the audio now',
  deleteConfirm: 'Delete the audio recording? The transcript and the note are kept.',
  playFromEvidence: 'Select a sentence in the note to hear the audio from its source.',
  rolesTitle: 'Correct speaker roles',
  rolesHint: 'Roles were guessed from the content. Correct them here; the note is written again.',
  saveRoles: 'Save roles and redraft the note',
  savingRoles: 'Saving …',
  rolesSaved: 'The roles are saved and the note was redrafted.',
  segmentRole: (time) => `Role of the turn at ${time}`,
  expiresAt: (at) => `Deleted at the latest ${at}.`,
};

/** The audio texts for a UI language. */
export function audioMessages(language: Language): AudioMessages {
  return language === 'en' ? EN : NB;
}

/** `m:ss` (or `h:mm:ss`) for a number of seconds. */
export function formatClock(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
