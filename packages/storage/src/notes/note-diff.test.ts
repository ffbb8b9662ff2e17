import { describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import { diffNotes } from './note-diff';

const note = (sections: Record<string, Array<[string, string, string[]]>>): Note => ({
  template: 'fastlege',
  language: 'nb',
  sections: Object.entries(sections).map(([id, statements]) => ({
    id,
    title: id,
    statements: statements.map(([statementId, text, evidence]) => ({
      id: statementId,
      text,
      evidence,
      support: 'unverified' as const,
    })),
  })),
});

describe('diffNotes', () => {
  it('is empty for equal notes, even when support labels differ', () => {
    const before = note({ aktuelt: [['a1', 'Hoste.', ['s1']]] });
    const after = structuredClone(before);
    after.sections[0]!.statements[0]!.support = 'supported';
    expect(diffNotes(before, after)).toEqual([]);
  });

  it('reports a statement moved to another section and changed evidence', () => {
    const before = note({ aktuelt: [['a1', 'Hoste.', ['s1']]], vurdering: [['v1', 'Bronkitt.', ['s2']]] });
    const after = note({ aktuelt: [['a1', 'Hoste.', ['s1', 's3']]], tiltak: [['v1', 'Bronkitt.', ['s2']]] });
    expect(
      diffNotes(before, after).map((change) => [change.statementId, change.change, change.after?.sectionId]),
    ).toEqual([
      ['a1', 'changed', 'aktuelt'],
      ['v1', 'changed', 'tiltak'],
    ]);
  });
});
