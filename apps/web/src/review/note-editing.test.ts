import { describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import { createStatementId, insertStatement, removeStatement, replaceStatementText } from './note-editing';

function buildNote(): Note {
  return {
    template: 'fastlege',
    language: 'nb',
    sections: [
      {
        id: 'aktuelt',
        title: 'Aktuelt',
        statements: [
          { id: 'a1', text: 'Hoste i 2 uker.', evidence: ['s2'], support: 'supported' },
          { id: 'a2', text: 'Ingen feber.', evidence: ['s4'], support: 'supported' },
        ],
      },
      { id: 'tiltak', title: 'Tiltak', statements: [] },
    ],
  };
}

describe('replaceStatementText', () => {
  it('changes only the named statement, keeps its evidence and resets its label', () => {
    const note = buildNote();
    const changed = replaceStatementText(note, 'a1', 'Hoste i 3 uker.');
    expect(changed.sections[0]!.statements[0]).toEqual({
      id: 'a1',
      text: 'Hoste i 3 uker.',
      evidence: ['s2'],
      support: 'unverified',
    });
    expect(changed.sections[0]!.statements[1]).toEqual(note.sections[0]!.statements[1]);
    expect(note.sections[0]!.statements[0]!.text).toBe('Hoste i 2 uker.');
  });
});

describe('removeStatement', () => {
  it('removes the statement and leaves the rest in order', () => {
    const changed = removeStatement(buildNote(), 'a1');
    expect(changed.sections[0]!.statements.map((statement) => statement.id)).toEqual(['a2']);
    expect(changed.sections).toHaveLength(2);
  });
});

describe('insertStatement', () => {
  it('appends to an existing section with a fresh id and the given evidence', () => {
    const { note, statementId } = insertStatement(buildNote(), {
      sectionId: 'aktuelt',
      sectionTitle: 'ignored',
      text: 'Røyker ikke.',
      evidence: ['s9'],
    });
    const statements = note.sections[0]!.statements;
    expect(statements.at(-1)).toEqual({
      id: statementId,
      text: 'Røyker ikke.',
      evidence: ['s9'],
      support: 'unverified',
    });
    expect(statements.filter((statement) => statement.id === statementId)).toHaveLength(1);
    expect(note.sections[0]!.title).toBe('Aktuelt');
  });

  it('creates a missing section at the end with the given title', () => {
    const { note } = insertStatement(buildNote(), {
      sectionId: 'vurdering',
      sectionTitle: 'Vurdering',
      text: 'Forkjølelse.',
      evidence: [],
    });
    expect(note.sections.map((section) => section.id)).toEqual(['aktuelt', 'tiltak', 'vurdering']);
    expect(note.sections[2]!.title).toBe('Vurdering');
  });
});

describe('createStatementId', () => {
  it('never returns an id the note already uses', () => {
    let note = buildNote();
    const seen = new Set(['a1', 'a2']);
    for (let round = 0; round < 5; round += 1) {
      const inserted = insertStatement(note, {
        sectionId: 'tiltak',
        sectionTitle: 'Tiltak',
        text: 'x',
        evidence: [],
      });
      expect(seen.has(inserted.statementId)).toBe(false);
      seen.add(inserted.statementId);
      note = inserted.note;
    }
    expect(seen.has(createStatementId(note, 'tiltak'))).toBe(false);
  });
});
