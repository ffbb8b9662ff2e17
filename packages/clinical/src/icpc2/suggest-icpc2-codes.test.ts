import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDecisionSupport } from '../antibiotics/build-decision-support';
import { inputOf } from '../antibiotics/test-transcripts';
import { ICPC2_LIST_VERSION, componentOf, findIcpc2Code } from './code-list';
import { suggestIcpc2Codes } from './suggest-icpc2-codes';
import { ATC_PROBLEM_HINTS, ICPC2_SYNONYMS } from './synonyms';

function codesOf(turns: Parameters<typeof inputOf>[0]): string[] {
  return suggestIcpc2Codes(inputOf(turns)).map((suggestion) => suggestion.code);
}

describe('code list', () => {
  it('reports the version of the installed @navikt/diagnosekoder package', () => {
    const require = createRequire(import.meta.url);
    const packageJson = JSON.parse(
      readFileSync(require.resolve('@navikt/diagnosekoder/package.json'), 'utf8'),
    ) as { version: string };
    expect(ICPC2_LIST_VERSION).toBe(packageJson.version);
  });

  it('maps every synonym and drug hint to a code of the list', () => {
    for (const synonym of ICPC2_SYNONYMS)
      for (const code of synonym.codes)
        expect(findIcpc2Code(code), `${synonym.pattern} → ${code}`).toBeDefined();
    for (const hint of ATC_PROBLEM_HINTS)
      for (const code of hint.codes) expect(findIcpc2Code(code), code).toBeDefined();
  });
});

describe('suggestIcpc2Codes', () => {
  it('ranks the diagnosis the doctor states above the symptoms', () => {
    const codes = codesOf([
      ['pasient', 'Jeg har hatt hodepine og kvalme i flere dager, og er lysømfintlig.'],
      ['lege', 'Det du beskriver, passer med migrene.'],
    ]);
    expect(codes[0]).toBe('N89');
    expect(codes).toContain('N01');
  });

  it("does not code a relative's illness", () => {
    const codes = codesOf([
      ['pasient', 'Jeg har vondt i kneet. Broren min har diabetes og mamma har hatt hjerneslag.'],
      ['lege', 'Kneet er hovent. Det er en meniskskade.'],
    ]);
    expect(codes[0]).toBe('L96');
    expect(codes).not.toContain('T90');
    expect(codes).not.toContain('K90');
  });

  it('does not code a diagnosis the doctor rules out', () => {
    const codes = codesOf([
      ['pasient', 'Jeg har hostet i to uker.'],
      [
        'lege',
        'Lungene er fine og CRP er lav. Det er ingenting som tyder på lungebetennelse. Dette er en bronkitt.',
      ],
    ]);
    expect(codes[0]).toBe('R78');
    expect(codes).not.toContain('R81');
  });

  it("does not code vaccination, tests or suspected cancer as the patient's problem", () => {
    const codes = codesOf([
      ['lege', 'Du kan ta vaksine mot helvetesild. Vi tar også en prøve for cøliaki.'],
      ['pasient', 'Jeg har hatt blod i avføringen i tre uker.'],
      ['lege', 'Jeg henviser deg til pakkeforløp for tarmkreft, vi må utelukke tarmkreft.'],
    ]);
    expect(codes).not.toContain('S70');
    expect(codes).not.toContain('D99');
    expect(codes).not.toContain('D75');
    expect(codes[0]).toBe('D16');
  });

  it('prefers a specific code to an "IKA" code of the same chapter', () => {
    const codes = codesOf([['lege', 'Du har blodmangel. Det er jernmangel, du har jernmangelanemi.']]);
    expect(codes.indexOf('B80')).toBeLessThan(codes.indexOf('B82'));
  });

  it('adds the code of the detected infection: a positive strep A test gives R72 first', () => {
    const codes = codesOf([
      ['pasient', 'Jeg har vondt i halsen og feber.'],
      ['lege', 'Belegg på mandlene. Strep A-testen er positiv. Du får penicillin.'],
    ]);
    expect(codes[0]).toBe('R72');
  });

  it('uses a drug the patient takes as a weak hint when the problem is not named', () => {
    const codes = codesOf([['lege', 'Jeg fornyer resepten på Levaxin hundre mikrogram.']]);
    expect(codes[0]).toBe('T86');
  });

  it('returns only codes of the list, in score order, with scores in (0, 1] and evidence from the transcript', () => {
    const vocabulary = [
      'vondt i halsen',
      'feber',
      'hoste',
      'blærekatarr',
      'svir når jeg tisser',
      'ørebetennelse',
      'hodepine',
      'diabetes',
      'høyt blodtrykk',
      'ingen',
      'ikke',
      'søsteren min',
      'det er en',
      'hvis du får',
      'lungebetennelse',
      'depresjon',
      'vondt i ryggen',
      'forstoppet',
      'atrieflimmer',
      'og',
    ];
    const turn = fc.tuple(
      fc.constantFrom('lege' as const, 'pasient' as const, 'pårørende' as const),
      fc
        .array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 })
        .map((words) => `${words.join(' ')}.`),
    );
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 6 }), (turns) => {
        const input = inputOf(turns);
        const ids = new Set(input.transcript.segments.map((segment) => segment.id));
        const suggestions = suggestIcpc2Codes(input);
        let previous = Number.POSITIVE_INFINITY;
        for (const suggestion of suggestions) {
          expect(findIcpc2Code(suggestion.code)?.title).toBe(suggestion.title);
          expect(componentOf(suggestion.code)).not.toBe('process');
          expect(suggestion.score).toBeGreaterThan(0);
          expect(suggestion.score).toBeLessThanOrEqual(1);
          expect(suggestion.score).toBeLessThanOrEqual(previous);
          previous = suggestion.score;
          for (const id of suggestion.evidence) expect(ids.has(id)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('buildDecisionSupport', () => {
  it('gives codes with the list version and no antibiotic assessment for a non-infection consultation', () => {
    const result = buildDecisionSupport(
      inputOf([
        ['pasient', 'Jeg har vondt i korsryggen etter et løft, og det stråler ned i venstre bein.'],
        ['lege', 'Lasègue positiv på venstre side. Det er sannsynligvis et skiveprolaps.'],
      ]),
    );
    expect(result.codes[0]).toMatchObject({ system: 'ICPC-2', code: 'L86' });
    expect(result.codeList).toEqual({
      system: 'ICPC-2',
      version: ICPC2_LIST_VERSION,
      source: expect.stringContaining(ICPC2_LIST_VERSION) as string,
    });
    expect(result.decisionSupport.antibiotics).toBeNull();
  });

  it('gives the antibiotic assessment and the infection code together', () => {
    const result = buildDecisionSupport(
      inputOf([
        ['pasient', 'Det svir når jeg tisser og jeg må tisse hele tiden.'],
        [
          'lege',
          'Det er en blærekatarr. Du får pivmecillinam to hundre milligram tre ganger daglig i tre dager.',
        ],
      ]),
    );
    expect(result.codes[0]?.code).toBe('U71');
    expect(result.decisionSupport.antibiotics?.condition.id).toBe('cystitis');
    expect(result.decisionSupport.antibiotics?.planAssessment).toBe('concordant');
  });
});
