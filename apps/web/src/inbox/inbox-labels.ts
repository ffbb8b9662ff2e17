import type { TriageCategory, TriageUrgency } from '@kollega/domain';

/** Bokmål labels of the urgencies. */
export const URGENCY_LABELS: Record<TriageUrgency, string> = {
  akutt: 'Akutt – ring 113',
  samme_dag: 'Samme dag',
  innen_uke: 'Innen en uke',
  rutine: 'Rutine',
};

/** Bokmål labels of the categories. */
export const CATEGORY_LABELS: Record<TriageCategory, string> = {
  klinisk: 'Klinisk',
  resept: 'Resept',
  sykmelding: 'Sykmelding',
  administrativ: 'Administrativ',
  prøvesvar: 'Prøvesvar',
};

/** How long ago a message came in, in Bokmål ("3 t", "2 d"). */
export function describeAge(receivedAt: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(receivedAt)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} t`;
  return `${Math.floor(hours / 24)} d`;
}
