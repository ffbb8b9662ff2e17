import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { parseTriageInput } from './triage-input';

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseTriageInput', () => {
  it('reads {id, message} lines, skips blank lines and ignores other fields', () => {
    const lines = parseTriageInput(
      '\uFEFF{"id":"a","message":"hei"}\r\n\n{"id":7,"message":"hallo","urgency":"rutine"}\n',
    );
    expect(lines).toEqual([
      { id: 'a', message: 'hei', line: 1 },
      { id: '7', message: 'hallo', line: 3 },
    ]);
  });

  it('names the line of invalid JSON without quoting it', () => {
    const error = errorOf(() =>
      parseTriageInput('{"id":"a","message":"hei"}\n{"id":"b" "message":"hemmelig pasienttekst"}'),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Linje 2: ugyldig JSON');
    expect(error.details).toEqual({ line: 2 });
    expect(error.message).not.toContain('pasienttekst');
  });

  it.each([
    ['[1,2]', 'forventet et JSON-objekt'],
    ['{"message":"hei"}', 'mangler «id»'],
    ['{"id":"","message":"hei"}', 'mangler «id»'],
    ['{"id":"a"}', 'mangler «message»'],
    ['{"id":"a","message":5}', 'mangler «message»'],
  ])('rejects %s', (line, text) => {
    const error = errorOf(() => parseTriageInput(line));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Linje 1');
    expect(error.message).toContain(text);
  });

  it('rejects a file without messages', () => {
    expect(errorOf(() => parseTriageInput('\n\n')).code).toBe('invalid_input');
  });
});
