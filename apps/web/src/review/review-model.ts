import { listBlockingFlags } from '@kollega/domain';
import type {
  FlagDismissal,
  NoteRecord,
  Omission,
  Severity,
  Statement,
  Support,
  VerificationReport,
} from '@kollega/domain';

/** A statement as the review shows it: the verifier's label and reasons, its evidence, and any dismissal. */
export interface StatementView {
  statement: Statement;
  support: Support;
  severity: Severity | undefined;
  reasons: readonly string[];
  /** Segment ids to highlight: the statement's own evidence, then any the verifier added. */
  evidence: readonly string[];
  /** True when the label is one that blocks approval (unsupported, contradicted). */
  flagged: boolean;
  dismissal: FlagDismissal | undefined;
  /** True while the flag still blocks approval. */
  blocking: boolean;
}

/** A flag that still blocks approval, with the text to show for it. */
export interface BlockingFlag {
  id: string;
  kind: 'statement' | 'omission';
  text: string;
}

const EMPTY_REPORT: VerificationReport = { statements: [], omissions: [], warnings: [] };

/** The verifier's report, or an empty one when the note has not been verified. */
export function readReport(record: NoteRecord): VerificationReport {
  return record.verification ?? EMPTY_REPORT;
}

function findDismissal(dismissals: readonly FlagDismissal[], flagId: string): FlagDismissal | undefined {
  // The latest dismissal wins when a flag was dismissed more than once.
  return dismissals.filter((dismissal) => dismissal.flagId === flagId).at(-1);
}

/** Describes every statement of the note by id, combining the note, the verifier's report and the dismissals. */
export function describeStatements(record: NoteRecord): Map<string, StatementView> {
  const report = readReport(record);
  const dismissals = record.dismissals ?? [];
  const blocking = new Set(listBlockingFlags(report, dismissals));
  const checks = new Map(report.statements.map((check) => [check.statementId, check]));
  const views = new Map<string, StatementView>();
  for (const section of record.note.sections) {
    for (const statement of section.statements) {
      const check = checks.get(statement.id);
      const support = check?.support ?? statement.support;
      views.set(statement.id, {
        statement,
        support,
        severity: check?.severity,
        reasons: check?.reasons ?? [],
        evidence: [...new Set([...statement.evidence, ...(check?.evidence ?? [])])],
        flagged: support === 'unsupported' || support === 'contradicted',
        dismissal: findDismissal(dismissals, statement.id),
        blocking: blocking.has(statement.id),
      });
    }
  }
  return views;
}

/** An omission as the review shows it, with its dismissal and whether it blocks approval. */
export interface OmissionView {
  omission: Omission;
  dismissal: FlagDismissal | undefined;
  blocking: boolean;
}

/** Describes the verifier's omissions in report order. */
export function describeOmissions(record: NoteRecord): OmissionView[] {
  const report = readReport(record);
  const dismissals = record.dismissals ?? [];
  const blocking = new Set(listBlockingFlags(report, dismissals));
  return report.omissions.map((omission) => ({
    omission,
    dismissal: findDismissal(dismissals, omission.id),
    blocking: blocking.has(omission.id),
  }));
}

/** The flags that still block approval, in the order `listBlockingFlags` gives them, with readable text. */
export function describeBlockingFlags(record: NoteRecord): BlockingFlag[] {
  const report = readReport(record);
  const statementTexts = new Map(
    record.note.sections.flatMap((section) =>
      section.statements.map((statement) => [statement.id, statement.text]),
    ),
  );
  const omissions = new Map(report.omissions.map((omission) => [omission.id, omission]));
  const checks = new Map(report.statements.map((check) => [check.statementId, check]));
  return listBlockingFlags(report, record.dismissals ?? []).map((id): BlockingFlag => {
    const omission = omissions.get(id);
    if (omission !== undefined && !checks.has(id)) return { id, kind: 'omission', text: omission.text };
    return { id, kind: 'statement', text: statementTexts.get(id) ?? checks.get(id)?.text ?? id };
  });
}

/** How many statements carry each label, for the summary above the note. */
export function countSupport(views: Iterable<StatementView>): Record<Support, number> {
  const counts: Record<Support, number> = {
    supported: 0,
    inferred: 0,
    unsupported: 0,
    contradicted: 0,
    unverified: 0,
  };
  for (const view of views) counts[view.support] += 1;
  return counts;
}

/** The note's warnings and the verifier's, each once (the server may copy the verifier's into the note's). */
export function collectWarnings(record: NoteRecord): { code: string; message: string }[] {
  const seen = new Set<string>();
  return [...record.warnings, ...readReport(record).warnings].filter((warning) => {
    const key = `${warning.code}\u0000${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
