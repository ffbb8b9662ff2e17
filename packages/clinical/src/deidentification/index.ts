export * from './identifier-kinds';
export * from './person-number';
export * from './person-number-generator';
export * from './detect-identifiers';
export * from './detect-names';
export * from './deidentifier';
