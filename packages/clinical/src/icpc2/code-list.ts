import { ICPC2 } from '@navikt/diagnosekoder';
import diagnosekoderPackage from '@navikt/diagnosekoder/package.json';

/**
 * The ICPC-2 code list Kollega chooses from: Helsedirektoratet's Norwegian list as shipped by NAV in
 * `@navikt/diagnosekoder` (MIT; generated from the FAT terminology API). Codes are never invented: a
 * suggestion is always an entry of this list. The list has symptom and diagnosis codes and the Norwegian
 * four-character extensions (A191, R991, W781 …); it has no process codes (-30 … -69).
 */

/** One ICPC-2 entry: code and Norwegian title. */
export interface Icpc2Entry {
  code: string;
  title: string;
}

/** The version of the code list package ("1.2026.0": list for 2026), shown with every suggestion. */
export const ICPC2_LIST_VERSION: string = (diagnosekoderPackage as { version: string }).version;

/** Where the list comes from, for display next to the codes. */
export const ICPC2_LIST_SOURCE = `ICPC-2 (Helsedirektoratet) via @navikt/diagnosekoder ${ICPC2_LIST_VERSION}`;

const ENTRIES: readonly Icpc2Entry[] = ICPC2.map((entry) => ({ code: entry.code, title: entry.text }));
const BY_CODE: ReadonlyMap<string, Icpc2Entry> = new Map(ENTRIES.map((entry) => [entry.code, entry]));

/** All entries of the list, in list order. */
export function listIcpc2Codes(): readonly Icpc2Entry[] {
  return ENTRIES;
}

/** The entry for a code, or undefined when the code is not in the list. */
export function findIcpc2Code(code: string): Icpc2Entry | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** The component of a code: symptom (01–29), process (30–69) or diagnosis (70–99). */
export function componentOf(code: string): 'symptom' | 'process' | 'diagnosis' {
  const number = Number(code.slice(1, 3));
  if (number >= 70) return 'diagnosis';
  if (number >= 30) return 'process';
  return 'symptom';
}
