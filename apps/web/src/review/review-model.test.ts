import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '@kollega/domain';
import { countSupport, describeBlockingFlags, describeOmissions, describeStatements } from './review-model';

function buildRecord(overrides: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: 'n1',
    consultationId: 'c1',
    version: 3,
    status: 'draft',
    engine: 'builtin',
    note: {
      template: 'fastlege',
      language: 'nb',
      sections: [
        {
          id: 'aktuelt',
          title: 'Aktuelt',
          statements: [
            { id: 'a1', text: 'Vondt i h. øre.', evidence: ['s3'], support: 'unverified' },
            { id: 'a2', text: 'Ingen feber.', evidence: ['s5'], support: 'unverified' },
            { id: 'a3', text: 'Røyker.', evidence: [], support: 'unverified' },
          ],
        },
      ],
    },
    warnings: [],
    verification: {
      statements: [
        {
          statementId: 'a1',
          text: 'Vondt i h. øre.',
          support: 'contradicted',
          severity: 'critical',
          evidence: ['s3', 's7'],
          reasons: ['Samtalen sier venstre.'],
        },
        {
          statementId: 'a2',
          text: 'Ingen feber.',
          support: 'supported',
          severity: 'normal',
          evidence: ['s5'],
          reasons: [],
        },
        {
          statementId: 'a3',
          text: 'Røyker.',
          support: 'unsupported',
          severity: 'normal',
          evidence: [],
          reasons: ['Ikke nevnt.'],
        },
      ],
      omissions: [
        {
          id: 'o1',
          kind: 'allergy',
          text: 'Penicillinallergi',
          suggestion: 'Allergi: penicillin.',
          sectionId: 'aktuelt',
          evidence: ['s9'],
          critical: true,
        },
        {
          id: 'o2',
          kind: 'social',
          text: 'Student',
          suggestion: 'Student.',
          sectionId: 'aktuelt',
          evidence: ['s11'],
          critical: false,
        },
      ],
      warnings: [],
    },
    dismissals: [],
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-01T10:00:00Z',
    ...overrides,
  };
}

describe('describeStatements', () => {
  it('takes the label and reasons from the verifier and merges its evidence with the statement’s', () => {
    const views = describeStatements(buildRecord());
    const first = views.get('a1')!;
    expect(first.support).toBe('contradicted');
    expect(first.severity).toBe('critical');
    expect(first.reasons).toEqual(['Samtalen sier venstre.']);
    expect(first.evidence).toEqual(['s3', 's7']);
    expect(first.blocking).toBe(true);
    expect(views.get('a2')!.blocking).toBe(false);
  });

  it('falls back to the statement’s own label when the note was not verified', () => {
    const views = describeStatements(buildRecord({ verification: undefined }));
    expect(views.get('a1')!.support).toBe('unverified');
    expect(views.get('a1')!.blocking).toBe(false);
  });

  it('marks a dismissed flag as no longer blocking and keeps the dismissal', () => {
    const dismissal = { flagId: 'a3', reason: 'Fra journalen', by: 'Kari', at: '2025-01-01T11:00:00Z' };
    const views = describeStatements(buildRecord({ dismissals: [dismissal] }));
    expect(views.get('a3')!.blocking).toBe(false);
    expect(views.get('a3')!.flagged).toBe(true);
    expect(views.get('a3')!.dismissal).toEqual(dismissal);
  });
});

describe('describeBlockingFlags', () => {
  it('lists flagged statements and critical omissions with readable text', () => {
    expect(describeBlockingFlags(buildRecord())).toEqual([
      { id: 'a1', kind: 'statement', text: 'Vondt i h. øre.' },
      { id: 'a3', kind: 'statement', text: 'Røyker.' },
      { id: 'o1', kind: 'omission', text: 'Penicillinallergi' },
    ]);
  });

  it('leaves out dismissed flags', () => {
    const record = buildRecord({
      dismissals: [{ flagId: 'o1', reason: 'Avklart', by: 'Kari', at: '2025-01-01T11:00:00Z' }],
    });
    expect(describeBlockingFlags(record).map((flag) => flag.id)).toEqual(['a1', 'a3']);
    expect(describeOmissions(record).map((view) => view.blocking)).toEqual([false, false]);
  });
});

describe('countSupport', () => {
  it('counts statements per label', () => {
    const counts = countSupport(describeStatements(buildRecord()).values());
    expect(counts).toEqual({ supported: 1, inferred: 0, unsupported: 1, contradicted: 1, unverified: 0 });
  });
});
