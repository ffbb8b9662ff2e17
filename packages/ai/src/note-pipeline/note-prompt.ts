import type { Fact, Language, NoteStyle, SpeakerRole } from '@kollega/domain';
import type { NoteTemplate } from '@kollega/clinical';
import type { ChatMessage } from '../models/text-model';

/** One transcript line as the model sees it; a long turn may be split into several lines with one id. */
export interface PromptLine {
  id: string;
  speaker: SpeakerRole;
  text: string;
}

/** One-letter speaker codes, explained once in the system prompt, to keep every line short. */
const SPEAKER_CODES: Record<SpeakerRole, string> = {
  lege: 'L',
  pasient: 'P',
  pårørende: 'R',
  tolk: 'T',
  annen: 'A',
};

const STYLE_TEXT: Record<Language, Record<NoteStyle, string>> = {
  nb: {
    kort: 'kort: stikkord og korte setninger, vanlige forkortelser (BT, us., h./v., ua., bilat., T, RF)',
    normal: 'normal: korte, fullstendige setninger',
    utfyllende: 'utfyllende: fullstendige setninger med detaljer, men bare det som ble sagt',
  },
  en: {
    kort: 'terse: short phrases and usual clinical abbreviations (BP, HR, RR, T, b/l, NAD)',
    normal: 'normal: short complete sentences',
    utfyllende: 'detailed: complete sentences with detail, but only what was said',
  },
};

/** The fixed instructions: rules, sections, style, line format and the JSON shape. */
export function buildSystemPrompt(template: NoteTemplate, style: NoteStyle, language: Language): string {
  const sections = template.sections.map((section) => `${section.id} (${section.title})`).join(', ');
  if (language === 'en') {
    return [
      'You are an experienced general practitioner writing the clinical note of a consultation.',
      'Rules:',
      '- Write only what was said in the transcript. Add nothing.',
      "- Symptoms and findings of other people (relatives, friends) are not the patient's: mention them only as family history or exposure, naming who it concerns.",
      '- Keep negations, sides (right/left), numbers, doses and times exactly.',
      '- Every statement has "evidence": the ids of the lines that support it (s1, s2 …).',
      `- Sections (use only these ids): ${sections}.`,
      `- Style: ${STYLE_TEXT.en[style]}.`,
      '- Lines read "id speaker: text"; L = doctor, P = patient, R = relative, T = interpreter, A = other.',
      'Answer with JSON only: {"sections":[{"id":"…","statements":[{"text":"…","evidence":["s1"]}]}]}',
    ].join('\n');
  }
  return [
    'Du er en erfaren norsk fastlege som skriver journalnotat fra en konsultasjon.',
    'Regler:',
    '- Skriv bare det som ble sagt i transkripsjonen. Ikke legg til noe.',
    '- Symptomer og funn hos andre (pårørende, venner) er ikke pasientens: nevn dem bare som familieanamnese eller smitte, og si hvem det gjelder.',
    '- Gjengi nektelser, side (høyre/venstre), tall, doser og tider nøyaktig.',
    '- Hver setning har "evidence": id-ene til linjene som støtter den (s1, s2 …).',
    `- Seksjoner (bruk bare disse id-ene): ${sections}.`,
    `- Stil: ${STYLE_TEXT.nb[style]}.`,
    '- Linjene har formen "id taler: tekst"; L = lege, P = pasient, R = pårørende, T = tolk, A = annen.',
    'Svar bare med JSON: {"sections":[{"id":"…","statements":[{"text":"…","evidence":["s1"]}]}]}',
  ].join('\n');
}

/** Transcript lines in the compact prompt form `s12 P: text`. */
export function formatPromptLines(lines: readonly PromptLine[]): string {
  return lines.map((line) => `${line.id} ${SPEAKER_CODES[line.speaker]}: ${line.text}`).join('\n');
}

/** The built-in engine's facts as hints: `- kind: text [s3,s4]`. */
export function formatFacts(facts: readonly Fact[]): string {
  return facts
    .map((fact) => {
      const subject = fact.subject === 'patient' ? '' : ` (${fact.subject})`;
      const polarity = fact.polarity === 'positive' ? '' : ` (${fact.polarity})`;
      return `- ${fact.kind}${subject}${polarity}: ${fact.text} [${fact.evidence.join(',')}]`;
    })
    .join('\n');
}

/** Options for `buildNoteMessages`. */
export interface NoteMessagesOptions {
  template: NoteTemplate;
  style: NoteStyle;
  language: Language;
  lines: readonly PromptLine[];
  facts: readonly Fact[];
  /** Which part of a chunked transcript this is (1-based), when there are several. */
  part?: { index: number; total: number };
}

/** The system and user messages for one note call (one chunk). */
export function buildNoteMessages(options: NoteMessagesOptions): ChatMessage[] {
  const english = options.language === 'en';
  const blocks: string[] = [];
  if (options.facts.length > 0) {
    blocks.push(
      english
        ? `Facts found by the built-in engine (hints; check them against the transcript):\n${formatFacts(options.facts)}`
        : `Fakta funnet av den innebygde motoren (hint; kontroller mot transkripsjonen):\n${formatFacts(options.facts)}`,
    );
  }
  const part = options.part && options.part.total > 1 ? options.part : undefined;
  const heading = part
    ? english
      ? `Transcript, part ${part.index} of ${part.total} of a longer consultation (write only what this part says):`
      : `Transkripsjon, del ${part.index} av ${part.total} av en lengre konsultasjon (skriv bare det denne delen sier):`
    : english
      ? 'Transcript:'
      : 'Transkripsjon:';
  blocks.push(`${heading}\n${formatPromptLines(options.lines)}`);
  return [
    { role: 'system', content: buildSystemPrompt(options.template, options.style, options.language) },
    { role: 'user', content: blocks.join('\n\n') },
  ];
}

/** The follow-up message of the one repair attempt: what was wrong, and to answer again. */
export function buildRepairMessage(
  issues: readonly string[],
  language: Language,
  truncated: boolean,
): ChatMessage {
  const listed = issues
    .slice(0, 10)
    .map((issue) => `- ${issue}`)
    .join('\n');
  const content =
    language === 'en'
      ? `Your answer could not be used${truncated ? ' (it was cut off: write less)' : ''}:\n${listed}\nAnswer again with valid JSON only, in the same shape.`
      : `Svaret ditt kunne ikke brukes${truncated ? ' (det ble avkortet: skriv kortere)' : ''}:\n${listed}\nSvar på nytt med bare gyldig JSON i samme form.`;
  return { role: 'user', content };
}
