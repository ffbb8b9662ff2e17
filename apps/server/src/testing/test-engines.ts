import type { Note, Transcript, VerificationReport } from '@kollega/domain';
import type { draftNote } from '@kollega/clinical';
import { renderNoteText } from '@kollega/clinical';
import type { NoteEngine } from '../context';

/** Marker that makes the flagging engine's verifier call a statement unsupported. */
export const UNSUPPORTED_MARKER = 'UBEKREFTET';

/**
 * A deterministic engine for route tests, independent of the built-in engine's evolving output:
 * one `aktuelt` statement per non-doctor segment. Its verifier calls every statement `supported`, except
 * statements containing `UNSUPPORTED_MARKER` (`unsupported`); with `omission` it also reports one critical
 * omission (`omission-allergi`) until a statement mentions «allergi». Records its calls.
 */
export function createTestEngine(options: { omission?: boolean } = {}): NoteEngine & { verifyCalls: number } {
  const engine = {
    name: 'builtin',
    verifyCalls: 0,
    draftNote: (transcript: Transcript, draftOptions: Parameters<typeof draftNote>[1]) => {
      const note: Note = {
        template:
          typeof draftOptions.template === 'string'
            ? draftOptions.template
            : (draftOptions.template?.id ?? 'fastlege'),
        language: draftOptions.language,
        sections: [
          {
            id: 'aktuelt',
            title: 'Aktuelt',
            statements: transcript.segments
              .filter((segment) => segment.speaker !== 'lege')
              .map((segment, index) => ({
                id: `aktuelt-${index + 1}`,
                text: segment.text,
                evidence: [segment.id],
                support: 'unverified' as const,
              })),
          },
          { id: 'tiltak', title: 'Tiltak', statements: [] },
        ],
      };
      return { value: { note, facts: [], text: renderNoteText(note) }, warnings: [] };
    },
    verifyNote: (_transcript: Transcript, note: Note): VerificationReport => {
      engine.verifyCalls += 1;
      const statements = note.sections.flatMap((section) => section.statements);
      return {
        statements: statements.map((statement) => ({
          statementId: statement.id,
          text: statement.text,
          support: statement.text.includes(UNSUPPORTED_MARKER)
            ? ('unsupported' as const)
            : ('supported' as const),
          severity: 'normal' as const,
          evidence: statement.evidence,
          reasons: [],
        })),
        omissions:
          options.omission === true &&
          !statements.some((statement) => statement.text.toLowerCase().includes('allergi'))
            ? [
                {
                  id: 'omission-allergi',
                  kind: 'allergy',
                  text: 'Allergi nevnt i samtalen',
                  suggestion: 'Allergi: se transkripsjon.',
                  sectionId: 'aktuelt',
                  evidence: ['s1'],
                  critical: true,
                },
              ]
            : [],
        warnings: [],
      };
    },
  };
  return engine;
}
