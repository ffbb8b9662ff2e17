import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConsultationValue, prepareTranscript } from '@kollega/clinical';
import { isAppError } from '@kollega/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDataset, readDatasetFile } from './read-dataset';

// Synthetic lines in the three shapes of /work/shared/data.
const norwegianLine = {
  id: 'syn-nb-1',
  setting: 'telefon',
  transcript: [
    { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med?' },
    { speaker: 'pasient', text: 'Jeg har vondt i øret, og det har vart i to dager.' },
    { speaker: 'pårørende', text: 'Hun har ikke hatt feber.' },
  ],
  reference_note: {
    aktuelt: 'Øresmerter h. i 2 d.',
    undersokelse: 'Ikke undersøkt (telefon).',
    vurdering: 'Otitt?',
    tiltak: 'Kontroll ved behov.',
  },
  key_facts: [
    { fact: 'Øresmerter i 2 dager', section: 'aktuelt', critical: false },
    { fact: 'Ingen feber', section: 'aktuelt', critical: true },
  ],
  icpc2: ['H71'],
};
const aciLine = {
  id: 'SYN001',
  split: 'valid',
  transcript: [
    { speaker: 'doctor', text: 'so how are you doing with your knee ?' },
    { speaker: 'patient', text: 'it is still swollen and it hurts when i walk .' },
    { speaker: 'patient_guest', text: 'he has not been sleeping well .' },
  ],
  note: 'CHIEF COMPLAINT\n\nKnee pain.\n\nASSESSMENT AND PLAN\n\nKnee effusion.',
};
const mtsLine = {
  id: 'mts-syn-0',
  section_header: 'GENHX',
  transcript: [
    { speaker: 'doctor', text: 'What brings you in?' },
    { speaker: 'guest_family_1', text: 'My father has had a cough for a week.' },
    { speaker: 'guest_clinician_2', text: 'His oxygen was fine at triage.' },
  ],
  note: 'The patient has had a cough for one week.',
};
const toJsonl = (...rows: unknown[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

const expectInvalid = (run: () => unknown, line: number): void => {
  try {
    run();
  } catch (error) {
    expect(isAppError(error) && error.code).toBe('invalid_input');
    expect(isAppError(error) && error.details.line).toBe(line);
    return;
  }
  throw new Error('expected an invalid_input error');
};

describe('parseDataset', () => {
  it('reads a Norwegian consultation with sections and key facts', () => {
    const dataset = parseDataset(toJsonl(norwegianLine), { name: 'syn.jsonl' });
    const [evaluationCase] = dataset.cases;
    expect(dataset.name).toBe('syn.jsonl');
    expect(dataset.language).toBe('nb');
    expect(evaluationCase).toMatchObject({ id: 'syn-nb-1', language: 'nb', setting: 'telefon' });
    expect(evaluationCase?.referenceText).toBe(
      'Øresmerter h. i 2 d.\nIkke undersøkt (telefon).\nOtitt?\nKontroll ved behov.',
    );
    expect(evaluationCase?.referenceSections.map((section) => section.id)).toEqual([
      'aktuelt',
      'undersokelse',
      'vurdering',
      'tiltak',
    ]);
    expect(evaluationCase?.keyFacts).toEqual([
      { text: 'Øresmerter i 2 dager', section: 'aktuelt', critical: false },
      { text: 'Ingen feber', section: 'aktuelt', critical: true },
    ]);
    expect(evaluationCase?.transcript.segments.map((segment) => [segment.id, segment.speaker])).toEqual([
      ['s1', 'lege'],
      ['s2', 'pasient'],
      ['s3', 'pårørende'],
    ]);
  });

  it('reads ACI-BENCH and MTS-Dialog lines with a text note and no key facts', () => {
    const dataset = parseDataset(toJsonl(aciLine, mtsLine));
    expect(dataset.language).toBe('en');
    expect(dataset.cases[0]).toMatchObject({
      id: 'SYN001',
      language: 'en',
      referenceText: aciLine.note,
      referenceSections: [],
    });
    expect(dataset.cases[0]?.keyFacts).toBeUndefined();
    expect(dataset.cases[1]?.sectionHeader).toBe('GENHX');
    expect(dataset.cases[1]?.transcript.segments.map((segment) => segment.label)).toEqual([
      'doctor',
      'guest_family_1',
      'guest_clinician_2',
    ]);
  });

  it('prepares transcripts exactly as the app imports them, and honours a language field', () => {
    const row = {
      id: 7,
      language: 'en',
      transcript: [
        { speaker: 'Speaker 1', text: 'hei hva kan jeg hjelpe deg med' },
        { speaker: 'Speaker 2', text: 'jeg har vondt i øret' },
      ],
      note: 'x',
    };
    const [evaluationCase] = parseDataset(toJsonl(row)).cases;
    const [imported] = parseConsultationValue(row, { line: 1 });
    expect(evaluationCase?.id).toBe('7');
    expect(evaluationCase?.language).toBe('en');
    expect(evaluationCase?.transcript).toEqual(prepareTranscript(imported!).transcript);
    expect(evaluationCase?.transcript.segments[0]).toMatchObject({ id: 's1', label: 'Speaker 1' });
  });

  it('takes key facts from the first checklist when there are no key_facts', () => {
    const row = {
      ...aciLine,
      checklists: [
        {
          items: [
            { item: 'Knee swelling', label: 'critical' },
            { item: 'Poor sleep', label: 'important' },
          ],
        },
        { items: [{ item: 'Other clinician', label: 'critical' }] },
      ],
    };
    expect(parseDataset(toJsonl(row)).cases[0]?.keyFacts).toEqual([
      { text: 'Knee swelling', critical: true },
      { text: 'Poor sleep', critical: false },
    ]);
  });

  it('forces the language when asked, and keeps only the first cases with limit', () => {
    const dataset = parseDataset(toJsonl(aciLine, mtsLine, norwegianLine), { language: 'nb', limit: 2 });
    expect(dataset.cases.map((evaluationCase) => [evaluationCase.id, evaluationCase.language])).toEqual([
      ['SYN001', 'nb'],
      ['mts-syn-0', 'nb'],
    ]);
    expect(dataset.totalCases).toBe(3);
  });

  it('fingerprints the whole file, independent of limit', () => {
    const text = toJsonl(aciLine, mtsLine);
    expect(parseDataset(text, { limit: 1 }).fingerprint).toBe(parseDataset(text).fingerprint);
    expect(parseDataset(toJsonl(aciLine)).fingerprint).not.toBe(parseDataset(text).fingerprint);
  });

  it('skips blank lines and names the line of a broken one', () => {
    expect(parseDataset(`\n${JSON.stringify(aciLine)}\n\n`).cases).toHaveLength(1);
    expectInvalid(() => parseDataset(`${JSON.stringify(aciLine)}\n{not json`), 2);
    expectInvalid(() => parseDataset(toJsonl(aciLine, { ...mtsLine, note: undefined })), 2);
    expect(() => parseDataset(toJsonl({ ...aciLine, transcript: [] }))).toThrow(/[Ll]inje 1/);
    expectInvalid(() => parseDataset(toJsonl(aciLine, aciLine)), 2);
    expectInvalid(() => parseDataset(toJsonl(aciLine, { ...mtsLine, id: undefined })), 2);
  });

  it('does not put dataset text into error messages', () => {
    const secret = 'Pasienten Kari Nordmann';
    try {
      parseDataset(
        toJsonl({ id: 'x', transcript: [{ speaker: 'lege', text: secret }], reference_note: { aktuelt: 7 } }),
      );
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
      expect((error as Error).message).toContain('reference_note.aktuelt');
      return;
    }
    throw new Error('expected an error');
  });

  it('rejects an empty dataset and a bad limit', () => {
    expect(() => parseDataset('\n')).toThrow(/ingen tilfeller/);
    expect(() => parseDataset(toJsonl(aciLine), { limit: 0 })).toThrow(/limit/);
  });
});

describe('readDatasetFile', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('reads a file and names the dataset after it', async () => {
    directory = await mkdtemp(join(tmpdir(), 'kollega-eval-'));
    const path = join(directory, 'mine.jsonl');
    await writeFile(path, toJsonl(norwegianLine));
    expect((await readDatasetFile(path)).name).toBe('mine.jsonl');
  });

  it('reports a missing file as not_found', async () => {
    await expect(readDatasetFile('/nonexistent/x.jsonl')).rejects.toMatchObject({ code: 'not_found' });
  });
});
