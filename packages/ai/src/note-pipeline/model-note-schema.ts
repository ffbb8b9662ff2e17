import { z } from 'zod';

/**
 * The JSON a model writes for a note: sections by template id, each with statements and the ids of
 * the transcript lines behind them. Titles, statement ids and support labels are added by Kollega.
 */
export function createModelNoteSchema(sectionIds: readonly [string, ...string[]]) {
  return z.object({
    sections: z.array(
      z.object({
        id: z.enum(sectionIds),
        statements: z.array(
          z.object({
            text: z.string().min(1),
            evidence: z.array(z.string().min(1)).min(1),
          }),
        ),
      }),
    ),
  });
}

/** A note as the model writes it; see `createModelNoteSchema`. */
export type ModelNote = z.infer<ReturnType<typeof createModelNoteSchema>>;

/**
 * Checks what a schema cannot: every evidence id must be a line the model was shown. Returns
 * issues naming paths and ids only (no note text), ready for a repair call.
 */
export function findEvidenceIssues(note: ModelNote, knownIds: ReadonlySet<string>): string[] {
  const issues: string[] = [];
  note.sections.forEach((section, sectionIndex) => {
    section.statements.forEach((statement, statementIndex) => {
      for (const id of statement.evidence) {
        if (!knownIds.has(id)) {
          // Echo the id only when it looks like one: the field could hold anything the model wrote.
          const shown = /^[\w-]{1,12}$/.test(id) ? id : '(ikke en linje-id)';
          issues.push(
            `sections.${sectionIndex}.statements.${statementIndex}.evidence: ukjent linje-id ${shown}`,
          );
        }
      }
    });
  });
  return issues;
}
