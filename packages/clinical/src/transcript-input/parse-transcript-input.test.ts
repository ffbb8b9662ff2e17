import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { detectInputFormat, parseTranscriptInput } from './parse-transcript-input';
import { prepareTranscript } from './prepare-transcript';

/** Runs `action` and returns the AppError it throws (fails the test if it throws nothing else). */
function captureError(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const SECRET = 'Hemmelig-pasienttekst-42';

describe('parseTranscriptInput: JSON', () => {
  it('reads a consultation object with id, setting, timings and extra fields', () => {
    const content = JSON.stringify({
      id: 'case-7',
      setting: 'telefon',
      transcript: [
        { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med?', start: 0, end: 2.5 },
        { speaker: 'Pasient', text: '  Jeg har   vondt i øret. ', start: 2.5, end: 5 },
      ],
      reference_note: { aktuelt: 'x' },
      icpc2: ['H71'],
    });
    const [consultation, ...rest] = parseTranscriptInput(content, { filename: 'case.json' });
    expect(rest).toHaveLength(0);
    expect(consultation).toMatchObject({ externalId: 'case-7', setting: 'telefon', language: 'nb' });
    expect(consultation?.transcript.segments).toEqual([
      { id: 's1', speaker: 'lege', text: 'Hva kan jeg hjelpe deg med?', start: 0, end: 2.5 },
      { id: 's2', speaker: 'pasient', text: 'Jeg har vondt i øret.', start: 2.5, end: 5 },
    ]);
    expect(consultation?.extra).toEqual({ reference_note: { aktuelt: 'x' }, icpc2: ['H71'] });
  });

  it('reads a bare array of turns and numbers segments in order, skipping turns without text', () => {
    const content = JSON.stringify([
      { speaker: 'doctor', text: 'How are you today?' },
      { speaker: 'patient', text: '   ' },
      { speaker: 'patient', text: 'I have had a cough for two weeks.' },
    ]);
    const [consultation] = parseTranscriptInput(content);
    expect(consultation?.language).toBe('en');
    expect(consultation?.transcript.segments.map((segment) => [segment.id, segment.speaker])).toEqual([
      ['s1', 'lege'],
      ['s2', 'pasient'],
    ]);
    expect(consultation?.extra).toEqual({});
  });

  it('keeps an explicit language and title, and reads a transcript given as prefixed text', () => {
    const content = JSON.stringify({
      title: 'Kontroll',
      language: 'en',
      transcript: 'Lege: Hei.\nPasient: Hei, jeg har vondt i ryggen.',
    });
    const [consultation] = parseTranscriptInput(content, { format: 'json' });
    expect(consultation).toMatchObject({ title: 'Kontroll', language: 'en' });
    expect(consultation?.transcript.segments).toHaveLength(2);
  });

  it('reads a list of consultation objects and a domain transcript with segments', () => {
    const content = JSON.stringify([
      { id: 'a', transcript: [{ speaker: 'lege', text: 'Hei.' }] },
      {
        id: 'b',
        transcript: { segments: [{ id: 'x9', speaker: 'annen', label: 'Speaker 2', text: 'Hallo.' }] },
      },
    ]);
    const consultations = parseTranscriptInput(content);
    expect(consultations.map((consultation) => consultation.externalId)).toEqual(['a', 'b']);
    expect(consultations[1]?.transcript.segments[0]).toEqual({
      id: 's1',
      speaker: 'annen',
      label: 'Speaker 2',
      text: 'Hallo.',
    });
  });

  it('maps setting synonyms and rejects unknown settings and languages', () => {
    const turns = [{ speaker: 'lege', text: 'Hei.' }];
    expect(parseTranscriptInput(JSON.stringify({ setting: 'Phone', transcript: turns }))[0]?.setting).toBe(
      'telefon',
    );
    expect(
      captureError(() => parseTranscriptInput(JSON.stringify({ setting: 'sykehus', transcript: turns })))
        .code,
    ).toBe('invalid_input');
    const language = captureError(() =>
      parseTranscriptInput(JSON.stringify({ language: 'de', transcript: turns })),
    );
    expect(language.code).toBe('invalid_input');
    expect(language.message).toMatch(/language/);
  });

  it('names the turn and the label of an unknown speaker, never the turn text', () => {
    const content = JSON.stringify({
      transcript: [
        { speaker: 'lege', text: 'Hei.' },
        { speaker: 'xyz', text: SECRET },
      ],
    });
    const error = captureError(() => parseTranscriptInput(content));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Tur 2: ukjent taler «xyz»');
    expect(error.details).toMatchObject({ turn: 2, label: 'xyz' });
    expect(JSON.stringify(error.details) + error.message).not.toContain(SECRET);
  });

  it('rejects turns without speaker, without text, with bad times, and non-transcript JSON', () => {
    const cases: Array<[unknown, RegExp]> = [
      [[{ text: SECRET }], /^Tur 1: mangler taler/],
      [[{ speaker: 'lege', text: 5 }], /^Tur 1: feltet «text»/],
      [[{ speaker: 'lege', text: SECRET, start: -1 }], /^Tur 1: feltet «start»/],
      [[{ speaker: 'lege', text: SECRET }, 'tekst'], /^Tur 2: en replikk må være et objekt/],
      [{ id: 'a', note: SECRET }, /mangler feltet «transcript»/],
      [{ transcript: 'tekst uten taler' }, /^Feltet «transcript», linje 1: mangler taler/],
      [42, /JSON må være/],
    ];
    for (const [value, pattern] of cases) {
      const error = captureError(() => parseTranscriptInput(JSON.stringify(value), { format: 'json' }));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(pattern);
      expect(error.message).not.toContain(SECRET);
    }
  });

  it('names line and column of broken JSON without quoting it', () => {
    const content = `{\n  "transcript": [\n    {"speaker": "lege", "text": "${SECRET}"}\n    {"speaker": "pasient"}\n  ]\n}`;
    const error = captureError(() => parseTranscriptInput(content, { filename: 'x.json' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Linje 4: ugyldig JSON (kolonne 5)');
    expect(error.details).toEqual({ line: 4, column: 5 });
  });

  it('reports broken JSON at the end of truncated input', () => {
    const error = captureError(() =>
      parseTranscriptInput('{"transcript": [\n{"speaker": "lege"', { format: 'json' }),
    );
    expect(error.message).toMatch(/^Linje 2: ugyldig JSON/);
  });

  it('throws empty_transcript for no turns or only empty turns', () => {
    for (const content of [
      '[]',
      '{"transcript": []}',
      '{"transcript": [{"speaker": "lege", "text": "  "}]}',
      '{"transcript": ""}',
    ]) {
      expect(captureError(() => parseTranscriptInput(content, { format: 'json' })).code).toBe(
        'empty_transcript',
      );
    }
  });
});

describe('parseTranscriptInput: JSON Lines', () => {
  const line = (id: string, text: string): string =>
    JSON.stringify({
      id,
      transcript: [
        { speaker: 'lege', text },
        { speaker: 'pasient', text: 'Ja.' },
      ],
    });

  it('reads one consultation per line, skipping blank lines', () => {
    const content = `${line('a', 'Hei, hvordan går det?')}\n\n${line('b', 'Hei igjen.')}\n`;
    const consultations = parseTranscriptInput(content, { filename: 'cases.jsonl' });
    expect(consultations.map((consultation) => consultation.externalId)).toEqual(['a', 'b']);
    expect(consultations[1]?.transcript.segments.map((segment) => segment.id)).toEqual(['s1', 's2']);
  });

  it('detects JSON Lines from content, also behind a .json name', () => {
    const content = `${line('a', 'Hei.')}\n${line('b', 'Hei.')}`;
    expect(detectInputFormat(content)).toBe('jsonl');
    expect(parseTranscriptInput(content, { filename: 'x.json' })).toHaveLength(2);
  });

  it('names the line of broken JSON, of an unknown speaker and of an empty transcript', () => {
    const broken = `${line('a', 'Hei.')}\n{"id": "b", "transcript": [${SECRET}]}`;
    const syntax = captureError(() => parseTranscriptInput(broken, { format: 'jsonl' }));
    expect(syntax.message).toMatch(/^Linje 2: ugyldig JSON/);
    expect(syntax.message).not.toContain(SECRET);

    const speaker = `${line('a', 'Hei.')}\n${line('b', 'Hei.')}\n{"transcript": [{"speaker": "robot", "text": "x"}]}`;
    expect(captureError(() => parseTranscriptInput(speaker, { format: 'jsonl' })).message).toBe(
      'Linje 3, tur 1: ukjent taler «robot»',
    );

    const empty = `${line('a', 'Hei.')}\n{"id": "b", "transcript": []}`;
    const emptyError = captureError(() => parseTranscriptInput(empty, { format: 'jsonl' }));
    expect(emptyError.code).toBe('empty_transcript');
    expect(emptyError.details).toMatchObject({ line: 2 });
  });

  it('rejects a line that is a list of consultations', () => {
    const content = JSON.stringify([{ transcript: [{ speaker: 'lege', text: 'Hei.' }] }]);
    expect(captureError(() => parseTranscriptInput(content, { format: 'jsonl' })).message).toMatch(
      /^Linje 1: /,
    );
  });
});

describe('parseTranscriptInput: plain text', () => {
  it('reads Norwegian and English prefixes; unprefixed lines continue the turn', () => {
    const content = [
      'Lege: Hei, hva kan jeg hjelpe deg med?',
      'Pasient: Jeg har hatt vondt i halsen',
      'i tre dager nå.',
      '',
      'Pårørende: Hun har ikke sovet.',
      'TOLK: Hun sier det gjør vondt.',
      'Doctor: Any fever?',
      'patient: No.',
      '[doctor] Okay.',
      'Speaker 1: Hallo?',
      'Sykepleier: Jeg tar blodtrykket.',
      'Dr. Hansen: Da sees vi.',
      'Lege (Berg): Takk.',
    ].join('\n');
    const [consultation] = parseTranscriptInput(content);
    expect(consultation?.language).toBe('nb');
    expect(
      consultation?.transcript.segments.map((segment) => [
        segment.id,
        segment.speaker,
        segment.label ?? null,
      ]),
    ).toEqual([
      ['s1', 'lege', null],
      ['s2', 'pasient', null],
      ['s3', 'pårørende', null],
      ['s4', 'tolk', null],
      ['s5', 'lege', 'Doctor'],
      ['s6', 'pasient', 'patient'],
      ['s7', 'lege', 'doctor'],
      ['s8', 'annen', 'Speaker 1'],
      ['s9', 'annen', 'Sykepleier'],
      ['s10', 'lege', 'Dr. Hansen'],
      ['s11', 'lege', 'Lege (Berg)'],
    ]);
    expect(consultation?.transcript.segments[1]?.text).toBe('Jeg har hatt vondt i halsen i tre dager nå.');
  });

  it('keeps clock times as start seconds and does not take "10:30" or sentences for labels', () => {
    const content = [
      '[00:01:05] Lege: Kom klokka 10:30 i morgen.',
      '00:02 Pasient: Ja, det passer: jeg har fri.',
      'Ja, og en ting til: jeg glemte å si noe.',
    ].join('\n');
    const [consultation] = parseTranscriptInput(content, { format: 'text' });
    const segments = consultation?.transcript.segments ?? [];
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ speaker: 'lege', start: 65, text: 'Kom klokka 10:30 i morgen.' });
    expect(segments[1]).toMatchObject({ speaker: 'pasient', start: 2 });
    expect(segments[1]?.text).toContain('en ting til: jeg glemte');
  });

  it('maps generic recogniser labels to annen with the label kept', () => {
    const labels = ['Speaker 1', 'SPEAKER_00', 'Taler 2', 'S1', 'Person A', 'Unknown', 'guest_clinician_1'];
    const content = labels.map((label) => `${label}: tekst`).join('\n');
    const [consultation] = parseTranscriptInput(content, { format: 'text' });
    expect(consultation?.transcript.segments.map((segment) => [segment.speaker, segment.label])).toEqual(
      labels.map((label) => ['annen', label]),
    );
  });

  it('names the line and label of an unknown speaker', () => {
    const error = captureError(() => parseTranscriptInput(`Lege: Hei.\nPasient: Hei.\nxyz: ${SECRET}`));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Linje 3: ukjent taler «xyz»');
    expect(error.details).toEqual({ line: 3, label: 'xyz' });
  });

  it('rejects text that starts without a speaker', () => {
    const error = captureError(() => parseTranscriptInput(`\n${SECRET} uten taler\nLege: Hei.`));
    expect(error.message).toMatch(/^Linje 2: mangler taler/);
    expect(error.message).not.toContain(SECRET);
  });

  it('throws empty_transcript for blank input and for prefixes without text', () => {
    expect(captureError(() => parseTranscriptInput('  \n\n ')).code).toBe('empty_transcript');
    expect(captureError(() => parseTranscriptInput('Lege:\nPasient: ', { format: 'text' })).code).toBe(
      'empty_transcript',
    );
  });
});

describe('parseTranscriptInput: WebVTT', () => {
  it('reads voice tags and prefixed cues with start/end seconds', () => {
    const content = [
      'WEBVTT - konsultasjon',
      '',
      'NOTE laget av talegjenkjenning',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.500 align:start',
      '<v Lege>Hei, hva er &amp; problemet?</v>',
      '',
      '00:00:05.000 --> 00:00:08.000',
      '<v.loud Speaker 2>Jeg har <i>vondt</i> i magen.',
      '',
      '00:00:08.000 --> 00:00:09.250',
      'og kvalme',
      '',
      '01:00:10.000 --> 01:00:12.000',
      'Pasient: Takk.',
    ].join('\n');
    const [consultation] = parseTranscriptInput(content, { filename: 'opptak.vtt' });
    expect(consultation?.transcript.segments).toEqual([
      { id: 's1', speaker: 'lege', text: 'Hei, hva er & problemet?', start: 1, end: 4.5 },
      {
        id: 's2',
        speaker: 'annen',
        label: 'Speaker 2',
        text: 'Jeg har vondt i magen. og kvalme',
        start: 5,
        end: 9.25,
      },
      { id: 's3', speaker: 'pasient', text: 'Takk.', start: 3610, end: 3612 },
    ]);
  });

  it('detects WebVTT from content and names errors by line', () => {
    expect(detectInputFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nLege: hei')).toBe('vtt');
    expect(
      parseTranscriptInput('WEBVTT\n\n00:01.000 --> 00:02.000\nLege: hei')[0]?.transcript.segments[0],
    ).toMatchObject({ start: 1, end: 2 });
    const unknown = captureError(() =>
      parseTranscriptInput('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Robot>hei', { format: 'vtt' }),
    );
    expect(unknown.message).toBe('Linje 4: ukjent taler «Robot»');
    const noSpeaker = captureError(() =>
      parseTranscriptInput(`WEBVTT\n\n00:00.000 --> 00:01.000\n${SECRET}`, { format: 'vtt' }),
    );
    expect(noSpeaker.message).toMatch(/^Linje 4: mangler taler/);
    const badTime = captureError(() =>
      parseTranscriptInput('WEBVTT\n\n00:00 --> soon\nLege: hei', { format: 'vtt' }),
    );
    expect(badTime.message).toMatch(/^Linje 3: ugyldig tidskode/);
    const noTiming = captureError(() => parseTranscriptInput('WEBVTT\n\nLege: hei', { format: 'vtt' }));
    expect(noTiming.message).toMatch(/^Linje 3: mangler tidskode/);
    const noHeader = captureError(() =>
      parseTranscriptInput('00:00.000 --> 00:01.000\nLege: hei', { format: 'vtt' }),
    );
    expect(noHeader.message).toMatch(/WEBVTT/);
    expect(
      captureError(() => parseTranscriptInput('WEBVTT\n\nNOTE bare en merknad', { format: 'vtt' })).code,
    ).toBe('empty_transcript');
  });
});

describe('parseTranscriptInput: SRT', () => {
  it('reads numbered cues with comma milliseconds and speaker prefixes', () => {
    const content = [
      '1',
      '00:00:00,500 --> 00:00:03,000',
      'Lege: Hva kan jeg hjelpe med?',
      '',
      '2',
      '00:00:03,000 --> 00:00:06,000',
      '<i>Pasient: Hoste</i>',
      'i to uker.',
      '',
      '3',
      '00:00:06,000 --> 00:00:07,000',
      '- Lege: Feber?',
      '- Pasient: Nei.',
    ].join('\n');
    expect(detectInputFormat(content)).toBe('srt');
    const [consultation] = parseTranscriptInput(content);
    expect(consultation?.transcript.segments).toEqual([
      { id: 's1', speaker: 'lege', text: 'Hva kan jeg hjelpe med?', start: 0.5, end: 3 },
      { id: 's2', speaker: 'pasient', text: 'Hoste i to uker.', start: 3, end: 6 },
      { id: 's3', speaker: 'lege', text: 'Feber?', start: 6, end: 7 },
      { id: 's4', speaker: 'pasient', text: 'Nei.', start: 6, end: 7 },
    ]);
  });

  it('names the line of a missing block number, bad timing or unknown speaker', () => {
    expect(
      captureError(() =>
        parseTranscriptInput('x\n00:00:00,000 --> 00:00:01,000\nLege: hei', { format: 'srt' }),
      ).message,
    ).toMatch(/^Linje 1: ventet et blokknummer/);
    expect(captureError(() => parseTranscriptInput('1\nLege: hei', { format: 'srt' })).message).toMatch(
      /^Linje 1: mangler tidskode/,
    );
    expect(
      captureError(() =>
        parseTranscriptInput('1\n00:00:00,000 --> 00:00:01,000\nAlien: hei', { format: 'srt' }),
      ).message,
    ).toBe('Linje 3: ukjent taler «Alien»');
  });
});

describe('detectInputFormat', () => {
  it('uses the extension first and the content otherwise', () => {
    expect(detectInputFormat('Lege: hei', 'notat.TXT')).toBe('text');
    expect(detectInputFormat('{}', 'a.ndjson')).toBe('jsonl');
    expect(detectInputFormat('1\n00:00:00,000 --> 00:00:01,000\nLege: hei', 'a.srt')).toBe('srt');
    expect(detectInputFormat('[doctor] hello\n[patient] hi')).toBe('text');
    expect(detectInputFormat('[{"speaker": "lege", "text": "hei"}]')).toBe('json');
    expect(detectInputFormat('[{"speaker": "lege", ')).toBe('json');
    expect(detectInputFormat('{"transcript": [')).toBe('json');
    expect(detectInputFormat('Pasient: hei')).toBe('text');
  });

  it('strips a byte-order mark and Windows line endings', () => {
    const [consultation] = parseTranscriptInput('\uFEFFLege: Hei.\r\nPasient: Hei.\r\n');
    expect(consultation?.transcript.segments.map((segment) => segment.text)).toEqual(['Hei.', 'Hei.']);
  });
});

describe('language detection', () => {
  it('tells Norwegian from English by function words and æøå', () => {
    expect(
      parseTranscriptInput('Doctor: What brings you in today?\nPatient: My knee has been hurting.')[0]
        ?.language,
    ).toBe('en');
    expect(parseTranscriptInput('Lege: Hva gjelder det?\nPasient: Kneet mitt gjør vondt.')[0]?.language).toBe(
      'nb',
    );
    expect(parseTranscriptInput('Lege: Blåbær?\nPasient: Søvn.')[0]?.language).toBe('nb');
  });
});

describe('prepareTranscript', () => {
  it('returns the consultation with a transcript that keeps every segment id', () => {
    const [parsed] = parseTranscriptInput(
      'Speaker 1: Hva kan jeg hjelpe deg med?\nSpeaker 2: Jeg har feber.',
    );
    const prepared = prepareTranscript(parsed!);
    expect(prepared.externalId).toBe(parsed!.externalId);
    expect(prepared.transcript.segments.map((segment) => segment.id)).toEqual(['s1', 's2']);
  });
});
