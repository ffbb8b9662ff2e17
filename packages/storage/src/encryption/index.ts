export {
  ENVELOPE_PREFIX,
  Keyring,
  checkKeyId,
  createEncryptionKey,
  isEnvelope,
  readEnvelopeKeyId,
} from './keyring';
export type { EncryptionKey, KeyringContents, SealedBytes } from './keyring';
export {
  createKeyringFileIfMissing,
  fingerprintKeyId,
  parseEncryptionKey,
  readKeyringFile,
  writeKeyringFile,
} from './keyring-file';
export type { KeyringFile } from './keyring-file';
export { defaultKeyringPath, openKeyringFile, resolveKeyring } from './resolve-keyring';
export type { EncryptionOptions, KeyringSource, ResolvedKeyring } from './resolve-keyring';
export { FieldCipher, fieldContext } from './field-cipher';
export { ENCRYPTED_TABLES } from './encrypted-columns';
export type { EncryptedTable } from './encrypted-columns';
export { countEncryptedValues, reencryptValues } from './reencrypt-values';
export type { ReencryptionCounts, ReencryptionProgress, ValueUsage } from './reencrypt-values';
export { describeEncryptionKeys, rotateEncryptionKeys } from './rotate-keys';
export type {
  AudioRotationCounts,
  EncryptionKeysOptions,
  EncryptionKeysStatus,
  RotateEncryptionKeysOptions,
  RotationReport,
} from './rotate-keys';
