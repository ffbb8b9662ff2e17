import type { ClinicalDocumentContent } from './clinical-document-types';

/** Who approved a note or document, and when (ISO time). */
export interface ApprovalStamp {
  approvedBy: string;
  approvedAt: string;
}

/** A time as a Norwegian date in Norway's time zone: `14.03.2025`. */
export function formatApprovalDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
}

/**
 * The line every export of approved AI-assisted text ends with (DESIGN.md, "Safety rules"):
 * "KI-assistert utkast, gjennomgått og godkjent av lege NAME DATE".
 */
export function formatApprovalLine(stamp: ApprovalStamp): string {
  return `KI-assistert utkast, gjennomgått og godkjent av lege ${stamp.approvedBy} ${formatApprovalDate(stamp.approvedAt)}`;
}

/** The line a draft carries instead: it is not approved and must not be used as such. */
export const DRAFT_LINE =
  'UTKAST – ikke godkjent av lege. Skal ikke brukes før en lege har gjennomgått og godkjent teksten.';

/**
 * A clinical document as plain text: title, each non-empty section under its heading, and the approval line
 * (or the draft line when `approval` is absent).
 */
export function renderClinicalDocumentText(
  content: ClinicalDocumentContent,
  approval?: ApprovalStamp,
): string {
  const sections = content.sections
    .filter((section) => section.text.trim() !== '')
    .map((section) => `${section.title}\n${section.text.trim()}`);
  const footer = approval === undefined ? DRAFT_LINE : formatApprovalLine(approval);
  return [content.title.toUpperCase(), ...sections, footer].join('\n\n');
}
