/** Longest name kept; anything longer is not a name. */
const MAXIMUM_NAME_LENGTH = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The names in a string, a list of strings, or persons written as `{name}`/`{navn}`. */
function collectNames(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    const name = value.trim().replace(/\s+/g, ' ');
    if (name !== '' && name.length <= MAXIMUM_NAME_LENGTH) into.add(name);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNames(item, into);
  } else if (isRecord(value)) {
    collectNames(value.name, into);
    collectNames(value.navn, into);
  }
}

/** Input fields that may carry the names of the people in a consultation. */
const NAME_FIELDS = ['names', 'knownNames', 'navn', 'patient', 'pasient', 'relatives', 'pårørende'] as const;

/**
 * The names known from a consultation's input record, to be masked before a non-local model sees the
 * transcript: `names`/`knownNames`/`navn` (a string or a list), `patient`/`pasient` (a name or `{name}`),
 * `relatives`/`pårørende` (a list of names or `{name}`). Other fields are ignored.
 */
export function readKnownNames(extra: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const field of NAME_FIELDS) collectNames(extra[field], names);
  return [...names];
}
