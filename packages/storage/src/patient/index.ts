export * from './patient-tools-repository';
export { KyselyPatientToolsRepository } from './kysely-patient-tools-repository';
export { patientToolsMigration } from './patient-tools-migration';
export type { PatientToolsDatabaseSchema } from './patient-tools-schema';
