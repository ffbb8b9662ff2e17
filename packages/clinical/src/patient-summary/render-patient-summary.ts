import type { PatientSummary } from './types';

const MACHINE_TRANSLATION_NOTICE: Record<string, string> = {
  nb: 'Maskinoversatt. Spør legen hvis noe er uklart.',
  en: 'Machine-translated. Ask your doctor if anything is unclear.',
};

const SOURCES_HEADING: Record<string, string> = { nb: 'Kilder', en: 'Sources' };

/** The notice a machine-translated summary carries (in Bokmål and English, since the target may be any language). */
export function machineTranslationNotice(): string {
  return `${MACHINE_TRANSLATION_NOTICE.nb} / ${MACHINE_TRANSLATION_NOTICE.en}`;
}

/**
 * The summary as plain text for the patient: title, sections with their sentences (list items as "- "),
 * then the sources of the advice, and the machine-translation notice when it applies.
 */
export function renderPatientSummaryText(summary: PatientSummary): string {
  const lines: string[] = [summary.title];
  if (summary.machineTranslated) lines.push(machineTranslationNotice());
  for (const section of summary.sections) {
    lines.push('', section.title);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) lines.push(paragraph.join(' '));
      paragraph = [];
    };
    for (const sentence of section.sentences) {
      if (sentence.layout === 'item') {
        flush();
        lines.push(`- ${sentence.text}`);
      } else if (sentence.layout === 'lead') {
        flush();
        lines.push(sentence.text);
      } else {
        paragraph.push(sentence.text);
      }
    }
    flush();
  }
  if (summary.sources.length > 0) {
    lines.push('', `${SOURCES_HEADING[summary.language] ?? SOURCES_HEADING.en}:`);
    for (const source of summary.sources) lines.push(`- ${source.citation} (${source.version})`);
  }
  return lines.join('\n');
}
