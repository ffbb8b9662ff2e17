export * from './pdf/render-pdf';
export * from './pdf/extract-pdf-text';
export * from './pdf/win-ansi';
export * from './fhir/fhir-resources';
export * from './fhir/norwegian-fhir-systems';
export * from './fhir/build-fhir-document-bundle';
export * from './export/export-approved';
export * from './record/import-record-file';
