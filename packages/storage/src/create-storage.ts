import { KyselyAuditRepository } from './audit/kysely-audit-repository';
import type { AuditChainSource } from './audit/audit-chain';
import { KyselyAuthRepository } from './auth/auth-repository';
import type { AudioRepository } from './audio/audio-repository';
import { KyselyAudioRepository } from './audio/kysely-audio-repository';
import { KyselyConsultationRepository } from './consultations/kysely-consultation-repository';
import type { Database, DatabaseDialect } from './database/create-database';
import { checkDatabase, createDatabase } from './database/create-database';
import { createIdGenerator } from './database/create-id';
import { migrateToLatest } from './database/migrations';
import type { EncryptionOptions, ResolvedKeyring } from './encryption/resolve-keyring';
import { resolveKeyring } from './encryption/resolve-keyring';
import type { DecisionSupportRepository } from './decision-support/decision-support-repository';
import { KyselyDecisionSupportRepository } from './decision-support/kysely-decision-support-repository';
import { NoteRepositoryWithCodes } from './decision-support/note-repository-with-codes';
import { KyselyNoteRepository } from './notes/kysely-note-repository';
import { KyselyPatientToolsRepository } from './patient/kysely-patient-tools-repository';
import type { PatientToolsRepository } from './patient/patient-tools-repository';
import type { AuditRepository, ConsultationRepository, NoteRepository } from './repositories';
import { KyselyReviewEventRepository } from './review-events/kysely-review-event-repository';
import type { ReviewEventRepository } from './review-events/review-event-repository';
import { KyselyMessageRepository } from './messages/kysely-message-repository';
import type { MessageRepository } from './messages/message-repository';
import type { JobQueue } from './jobs/job-queue';
import { KyselyJobQueue } from './jobs/kysely-job-queue';

/** Options for `createStorage`. */
export interface CreateStorageOptions {
  /** PostgreSQL only: the schema to keep every table in (created if missing). */
  schema?: string;
  /** Clock for stored times; defaults to the system clock. */
  now?: () => Date;
  /** Id generator; defaults to time-ordered ids. */
  createId?: () => string;
  /** Encryption keys for the sensitive columns; see `resolveKeyring` (environment, key file, defaults). */
  encryption?: EncryptionOptions;
}

/** The repositories over one migrated database. */
export interface AppStorage {
  dialect: DatabaseDialect;
  consultations: ConsultationRepository;
  notes: NoteRepository;
  audit: AuditRepository;
  audio: AudioRepository;
  /** Chosen ICPC-2 codes, decisions on antibiotic recommendations, outcomes of approved notes. */
  decisionSupport: DecisionSupportRepository;
  patientTools: PatientToolsRepository;
  /** What the doctor opened while reviewing (evidence, flags), and the database's tables. */
  reviewEvents: ReviewEventRepository;
  /** The audit log's hash chain (the same rows as `audit`), for `verifyAuditChain`. */
  auditChain: AuditChainSource;
  /** Practices, users, sessions and record ownership. */
  auth: KyselyAuthRepository;
  /** The practice inbox of triaged patient messages. */
  messages: MessageRepository;
  /** The keyring that encrypts transcripts, notes, documents and messages at rest, and where it came from. */
  encryption: ResolvedKeyring;
  /** The durable job queue (background drafting and the like), in the same database. */
  jobs: JobQueue;
  /** Throws `unavailable` when the database does not answer. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database a URL names, migrates it to the latest schema, and returns the repositories. */
export async function createStorage(url: string, options: CreateStorageOptions = {}): Promise<AppStorage> {
  const encryption = resolveKeyring(url, options.encryption);
  const database: Database = await createDatabase(
    url,
    options.schema === undefined ? {} : { schema: options.schema },
  );
  try {
    await migrateToLatest(database.db, database.schema === undefined ? {} : { schema: database.schema });
  } catch (error) {
    await database.close();
    throw error;
  }
  const repositoryOptions = {
    db: database.db,
    dialect: database.dialect,
    now: options.now ?? (() => new Date()),
    createId: options.createId ?? createIdGenerator(),
    keyring: encryption.keyring,
  };
  const decisionSupport = new KyselyDecisionSupportRepository(repositoryOptions);
  const audit = new KyselyAuditRepository(repositoryOptions);
  return {
    dialect: database.dialect,
    consultations: new KyselyConsultationRepository(repositoryOptions),
    notes: new NoteRepositoryWithCodes(new KyselyNoteRepository(repositoryOptions), decisionSupport),
    audit,
    auditChain: audit,
    auth: new KyselyAuthRepository(repositoryOptions),
    audio: new KyselyAudioRepository(repositoryOptions),
    decisionSupport,
    patientTools: new KyselyPatientToolsRepository(repositoryOptions),
    reviewEvents: new KyselyReviewEventRepository(repositoryOptions),
    messages: new KyselyMessageRepository(repositoryOptions),
    encryption,
    jobs: new KyselyJobQueue(repositoryOptions),
    checkHealth: () => checkDatabase(database),
    close: () => database.close(),
  };
}
