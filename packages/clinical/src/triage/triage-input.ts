import { AppError } from '@kollega/domain';

/** One message to triage, with the line it came from (1-based). */
export interface TriageInputLine {
  id: string;
  message: string;
  line: number;
}

/**
 * Reads JSON Lines with `{id, message}` per line (other fields are ignored; blank lines are skipped).
 * A bad line throws `AppError('invalid_input')` naming the line number, never the line's text.
 */
export function parseTriageInput(text: string): TriageInputLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: TriageInputLine[] = [];
  lines.forEach((raw, position) => {
    const line = position + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new AppError('invalid_input', `Linje ${line}: ugyldig JSON`, { cause: error, details: { line } });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new AppError('invalid_input', `Linje ${line}: forventet et JSON-objekt med «id» og «message»`, {
        details: { line },
      });
    }
    const record = value as Record<string, unknown>;
    const { id, message } = record;
    if ((typeof id !== 'string' || id.trim() === '') && typeof id !== 'number') {
      throw new AppError('invalid_input', `Linje ${line}: mangler «id» (tekst eller tall)`, {
        details: { line, field: 'id' },
      });
    }
    if (typeof message !== 'string') {
      throw new AppError('invalid_input', `Linje ${line}: mangler «message» (tekst)`, {
        details: { line, field: 'message' },
      });
    }
    result.push({ id: String(id), message, line });
  });
  if (result.length === 0) throw new AppError('invalid_input', 'Filen inneholder ingen meldinger');
  return result;
}
