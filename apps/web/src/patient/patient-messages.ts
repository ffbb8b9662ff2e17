import type { Language } from '@kollega/domain';

/** Texts of the patient questionnaire page (Bokmål; the English dictionary has the same shape). */
const questionnaireNb = {
  brand: 'Kollega',
  pageTitle: 'Skjema før legetimen',
  languageSwitch: 'Språk',
  intro:
    'Svarene går til legen din før timen, så dere får mer tid til det viktige. Det tar 3–5 minutter. Du trenger ikke logge inn.',
  emergencyNote: 'Haster det? Ring 113 ved fare for liv, eller legevakten på 116117.',
  requiredNote: 'Felt merket med * må fylles ut.',
  codeHeading: 'Skriv inn koden',
  codeLabel: 'Koden fra legekontoret',
  codeHint: 'Koden har 16 tegn, for eksempel ABCD-EFGH-JKMN-PQRS.',
  codeMissing: 'Skriv inn koden du fikk fra legekontoret.',
  codeSubmit: 'Åpne skjemaet',
  loading: 'Laster skjemaet …',
  invalidCode: 'Vi fant ikke skjemaet. Sjekk at koden er riktig, eller spør legekontoret om en ny lenke.',
  expired: 'Lenken er utløpt. Spør legekontoret om en ny lenke.',
  alreadySubmitted: 'Skjemaet er allerede sendt inn. Takk!',
  networkError: 'Vi fikk ikke kontakt. Sjekk nettet og prøv igjen.',
  genericError: 'Noe gikk galt. Prøv igjen om litt.',
  expiresAt: (time: string) => `Skjemaet kan sendes inn til ${time}.`,
  reasonLabel: 'Hvorfor kommer du til legen?',
  reasonHint: 'For eksempel: «Vondt i halsen i tre dager».',
  complaintsLegend: 'Gjelder det noe av dette?',
  complaintsHint: 'Kryss av det som passer. Da får du noen flere spørsmål.',
  followUpHeading: (title: string) => `Spørsmål om: ${title.toLowerCase()}`,
  yes: 'Ja',
  no: 'Nei',
  dontKnow: 'Vet ikke',
  symptomsLabel: 'Hvilke plager har du?',
  symptomsHint: 'Skriv med egne ord. Du kan hoppe over dette.',
  durationLegend: 'Hvor lenge har du hatt plagene?',
  medicinesLabel: 'Hvilke medisiner bruker du fast?',
  medicinesHint: 'Skriv navn og gjerne styrke, for eksempel «Levaxin 50 mikrogram».',
  noMedicines: 'Jeg bruker ingen faste medisiner',
  allergiesLabel: 'Er du allergisk mot noe?',
  allergiesHint: 'For eksempel medisiner, mat eller plaster.',
  noAllergies: 'Jeg har ingen allergier',
  hopesLabel: 'Hva ønsker du hjelp til?',
  hopesHint: 'Du kan hoppe over dette.',
  optional: '(valgfritt)',
  submit: 'Send til legen',
  submitting: 'Sender …',
  errorSummaryTitle: (count: number): string => (count === 1 ? 'Ett svar mangler' : `${count} svar mangler`),
  thanksTitle: 'Takk! Svarene er sendt.',
  thanksBody: 'Legen leser svarene før timen. Du kan lukke denne siden.',
  call113: 'Ring 113',
  call116117: 'Ring legevakten 116117',
  alertTitleAcute: 'Dette kan haste',
  alertTitleSameDay: 'Dette bør sjekkes i dag',
};

/** Texts of the patient questionnaire page; see `questionnaireNb`. */
export type QuestionnaireMessages = typeof questionnaireNb;

const questionnaireEn: QuestionnaireMessages = {
  brand: 'Kollega',
  pageTitle: 'Before your appointment',
  languageSwitch: 'Language',
  intro:
    'Your answers go to your doctor before the appointment, so you have more time for what matters. It takes 3–5 minutes. You do not need to log in.',
  emergencyNote: 'Is it urgent? Call 113 if a life may be at risk, or the out-of-hours service on 116117.',
  requiredNote: 'Fields marked * are required.',
  codeHeading: 'Enter your code',
  codeLabel: 'The code from the surgery',
  codeHint: 'The code has 16 characters, for example ABCD-EFGH-JKMN-PQRS.',
  codeMissing: 'Enter the code you got from the surgery.',
  codeSubmit: 'Open the form',
  loading: 'Loading the form …',
  invalidCode: 'We could not find the form. Check that the code is right, or ask the surgery for a new link.',
  expired: 'The link has expired. Ask the surgery for a new link.',
  alreadySubmitted: 'The form has already been sent. Thank you!',
  networkError: 'We could not connect. Check your internet connection and try again.',
  genericError: 'Something went wrong. Please try again shortly.',
  expiresAt: (time: string) => `You can send the form until ${time}.`,
  reasonLabel: 'Why are you seeing the doctor?',
  reasonHint: 'For example: “Sore throat for three days”.',
  complaintsLegend: 'Is it about any of these?',
  complaintsHint: 'Tick what applies. You will get a few more questions.',
  followUpHeading: (title: string) => `Questions about: ${title.toLowerCase()}`,
  yes: 'Yes',
  no: 'No',
  dontKnow: 'Don’t know',
  symptomsLabel: 'What symptoms do you have?',
  symptomsHint: 'Use your own words. You can skip this.',
  durationLegend: 'How long have you had the symptoms?',
  medicinesLabel: 'Which medicines do you take regularly?',
  medicinesHint: 'Write the name and, if you can, the strength, for example “Levaxin 50 micrograms”.',
  noMedicines: 'I do not take any regular medicines',
  allergiesLabel: 'Are you allergic to anything?',
  allergiesHint: 'For example medicines, food or plasters.',
  noAllergies: 'I have no allergies',
  hopesLabel: 'What would you like help with?',
  hopesHint: 'You can skip this.',
  optional: '(optional)',
  submit: 'Send to the doctor',
  submitting: 'Sending …',
  errorSummaryTitle: (count: number) =>
    count === 1 ? 'One answer is missing' : `${count} answers are missing`,
  thanksTitle: 'Thank you! Your answers have been sent.',
  thanksBody: 'The doctor reads your answers before the appointment. You can close this page.',
  call113: 'Call 113',
  call116117: 'Call the out-of-hours service 116117',
  alertTitleAcute: 'This may be urgent',
  alertTitleSameDay: 'This should be checked today',
};

/** The questionnaire page's texts by language. */
export const QUESTIONNAIRE_MESSAGES: Record<Language, QuestionnaireMessages> = {
  nb: questionnaireNb,
  en: questionnaireEn,
};

/** Field errors the page shows before sending (the server checks the same rules). */
export const FIELD_ERRORS: Record<
  Language,
  Record<'reason' | 'duration' | 'medicines' | 'allergies' | 'followUp' | 'tooLong', string>
> = {
  nb: {
    reason: 'Skriv kort hvorfor du kommer til legen.',
    duration: 'Velg hvor lenge du har hatt plagene.',
    medicines: 'Skriv hvilke medisiner du bruker, eller kryss av for at du ikke bruker noen.',
    allergies: 'Skriv hva du er allergisk mot, eller kryss av for at du ikke har allergier.',
    followUp: 'Svar ja, nei eller vet ikke.',
    tooLong: 'Svaret er for langt.',
  },
  en: {
    reason: 'Write briefly why you are seeing the doctor.',
    duration: 'Choose how long you have had the symptoms.',
    medicines: 'Write which medicines you take, or tick that you take none.',
    allergies: 'Write what you are allergic to, or tick that you have no allergies.',
    followUp: 'Answer yes, no or don’t know.',
    tooLong: 'The answer is too long.',
  },
};

/** Texts of the doctor's pre-visit panel and patient-summary page (Bokmål). */
const doctorNb = {
  preVisitHeading: 'Forhåndsskjema fra pasienten',
  preVisitNone: 'Ingen skjema er sendt ut for denne konsultasjonen.',
  preVisitWaiting: (time: string) => `Skjema sendt – venter på svar (lenken utløper ${time}).`,
  preVisitExpired: 'En skjemalenke utløp uten svar.',
  createLink: 'Lag skjemalenke til pasienten',
  creatingLink: 'Lager lenke …',
  linkLanguage: 'Språk i skjemaet',
  linkCreated: 'Send lenken eller koden til pasienten (f.eks. som SMS). Den vises bare nå og utløper',
  linkLabel: 'Lenke',
  codeLabel: 'Kode',
  copy: 'Kopier lenken',
  copied: 'Kopiert',
  submittedAt: (time: string) => `Sendt inn ${time}`,
  redFlags: 'Røde flagg',
  urgencyAcute: 'Pasienten fikk beskjed om å ringe 113',
  urgencySameDay: 'Pasienten fikk beskjed om å kontakte lege i dag',
  notesHeading: 'Merk',
  answer: 'Svar',
  useAsSource:
    'Svarene er holdt adskilt fra samtalen og brukes ikke som kilde i notatet. Sjekk dem med pasienten i timen.',
  patientSummaryLink: 'Pasientinformasjon i klart språk',
  summaryTitle: 'Pasientinformasjon',
  summaryIntro:
    'En oppsummering av det godkjente notatet i klart språk. Hver setning viser til notatet, og det som er merket internt, kommer ikke med.',
  noteNotApproved: 'Notatet må godkjennes før du kan lage pasientinformasjon.',
  backToNote: 'Tilbake til notatet',
  language: 'Språk',
  builtin: 'innebygd',
  machineTranslatedOption: 'maskinoversatt',
  translationUnavailable: 'Andre språk krever en språkmodell:',
  draftSummary: 'Lag pasientinformasjon',
  redraftSummary: 'Lag på nytt',
  drafting: 'Lager …',
  lix: (value: number) => `LIX ${value.toLocaleString('nb-NO')}`,
  lixExplained: (value: number): string =>
    value <= 30
      ? 'svært lett å lese'
      : value <= 40
        ? 'lett å lese (mål: 40 eller lavere)'
        : 'for tungt – forenkle (mål: 40 eller lavere)',
  statusDraft: 'Utkast',
  statusApproved: 'Godkjent',
  machineTranslated: 'Maskinoversatt',
  edit: 'Rediger',
  save: 'Lagre endringene',
  cancel: 'Avbryt',
  removeSentence: 'Fjern setningen',
  addSentence: 'Legg til setning',
  sentenceLabel: (index: number) => `Setning ${index}`,
  flagged: 'Står ikke slik i notatet – kontroller',
  fromNote: 'Fra notatet:',
  guidelineSource: 'Kilde:',
  edited: 'Endret av lege',
  approverName: 'Legens navn',
  approverMissing: 'Skriv navnet ditt før du godkjenner.',
  confirmFlagged: (count: number) => `Jeg har kontrollert de ${count} merkede setningene`,
  approve: 'Godkjenn',
  approvedBy: (name: string, time: string) => `Godkjent av ${name} ${time}`,
  print: 'Skriv ut',
  downloadPdf: 'Last ned PDF',
  sources: 'Kilder til rådene',
  checkSource: 'kontroller mot kilden',
  saving: 'Lagrer …',
};

/** Texts of the doctor's patient-tool views; see `doctorNb`. */
export type DoctorMessages = typeof doctorNb;

const doctorEn: DoctorMessages = {
  preVisitHeading: 'Pre-visit questionnaire from the patient',
  preVisitNone: 'No questionnaire has been sent for this consultation.',
  preVisitWaiting: (time: string) => `Questionnaire sent – waiting for answers (the link expires ${time}).`,
  preVisitExpired: 'A questionnaire link expired without answers.',
  createLink: 'Create a questionnaire link for the patient',
  creatingLink: 'Creating link …',
  linkLanguage: 'Questionnaire language',
  linkCreated:
    'Send the link or the code to the patient (e.g. by text message). It is shown only now and expires',
  linkLabel: 'Link',
  codeLabel: 'Code',
  copy: 'Copy the link',
  copied: 'Copied',
  submittedAt: (time: string) => `Submitted ${time}`,
  redFlags: 'Red flags',
  urgencyAcute: 'The patient was told to call 113',
  urgencySameDay: 'The patient was told to contact a doctor today',
  notesHeading: 'Note',
  answer: 'Answer',
  useAsSource:
    'The answers are kept apart from the conversation and are not used as evidence in the note. Check them with the patient.',
  patientSummaryLink: 'Patient information in plain language',
  summaryTitle: 'Patient information',
  summaryIntro:
    'A plain-language summary of the approved note. Every sentence points to the note, and what is marked internal is left out.',
  noteNotApproved: 'The note must be approved before you can make patient information.',
  backToNote: 'Back to the note',
  language: 'Language',
  builtin: 'built-in',
  machineTranslatedOption: 'machine-translated',
  translationUnavailable: 'Other languages need a language model:',
  draftSummary: 'Make patient information',
  redraftSummary: 'Make again',
  drafting: 'Making …',
  lix: (value: number) => `LIX ${value.toLocaleString('en-GB')}`,
  lixExplained: (value: number) =>
    value <= 30
      ? 'very easy to read'
      : value <= 40
        ? 'easy to read (target: 40 or lower)'
        : 'too hard – simplify (target: 40 or lower)',
  statusDraft: 'Draft',
  statusApproved: 'Approved',
  machineTranslated: 'Machine-translated',
  edit: 'Edit',
  save: 'Save changes',
  cancel: 'Cancel',
  removeSentence: 'Remove the sentence',
  addSentence: 'Add a sentence',
  sentenceLabel: (index: number) => `Sentence ${index}`,
  flagged: 'Not in the note like this – check',
  fromNote: 'From the note:',
  guidelineSource: 'Source:',
  edited: 'Edited by the doctor',
  approverName: 'Doctor’s name',
  approverMissing: 'Enter your name before you approve.',
  confirmFlagged: (count: number) => `I have checked the ${count} flagged sentences`,
  approve: 'Approve',
  approvedBy: (name: string, time: string) => `Approved by ${name} ${time}`,
  print: 'Print',
  downloadPdf: 'Download PDF',
  sources: 'Sources of the advice',
  checkSource: 'check against the source',
  saving: 'Saving …',
};

/** The doctor's patient-tool texts by language. */
export const DOCTOR_MESSAGES: Record<Language, DoctorMessages> = { nb: doctorNb, en: doctorEn };

/** Languages the summary page offers for machine translation, each named in itself. */
export const TRANSLATION_LANGUAGE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['pl', 'Polski'],
  ['lt', 'Lietuvių'],
  ['uk', 'Українська'],
  ['ru', 'Русский'],
  ['so', 'Soomaali'],
  ['ro', 'Română'],
  ['tr', 'Türkçe'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['sv', 'Svenska'],
];
