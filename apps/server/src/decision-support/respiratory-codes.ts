import { findIcpc2Code } from '@kollega/clinical';

/**
 * The ICPC-2 codes the prescribing mirror counts as respiratory-tract infections: the diagnosis codes of
 * acute respiratory infections in chapter R, and acute otitis media (H71). Norwegian studies of antibiotic
 * prescribing in general practice and the feedback of the quality-improvement courses count these
 * together, because they are the commonest reasons for antibiotics in general practice and because
 * penicillin V is the guideline's first choice for most of them (otitis, sore throat, sinusitis,
 * pneumonia). Symptom codes (R05 Hoste, R21 Hals symptomer/plager) are left out: they are used for
 * complaints that are not infections as well, and would dilute the denominator. Chronic disease (R95 KOLS,
 * R96 Astma) is left out: exacerbations are a different question.
 */
export const RESPIRATORY_INFECTION_CODES = [
  'H71',
  'R71',
  'R72',
  'R74',
  'R75',
  'R76',
  'R77',
  'R78',
  'R80',
  'R81',
  'R83',
] as const;

/** Why the list is what it is, in Bokmål, shown on the dashboard. */
export const RESPIRATORY_INFECTION_DEFINITION =
  'Luftveisinfeksjoner = diagnosekodene for akutte luftveisinfeksjoner i ICPC-2 kapittel R og akutt ' +
  'mellomørebetennelse (H71), slik norske studier og kvalitetsforbedringskurs om antibiotikaforskrivning i ' +
  'allmennpraksis avgrenser dem: de vanligste grunnene til antibiotika i allmennpraksis, og fenoksymetylpenicillin ' +
  'er førstevalget for de fleste. Symptomkoder (R05 hoste, R21 halsplager) er ikke med fordi de også brukes uten ' +
  'infeksjon; KOLS og astma er ikke med.';

/** The ATC code of penicillin V (fenoksymetylpenicillin), the narrow-spectrum first choice. */
export const PENICILLIN_V_ATC = 'J01CE02';

/** The respiratory-infection codes with their titles from the code list. */
export function listRespiratoryInfectionCodes(): Array<{ code: string; title: string }> {
  return RESPIRATORY_INFECTION_CODES.map((code) => ({ code, title: findIcpc2Code(code)?.title ?? code }));
}

/** True when one of `codes` is a respiratory-tract infection code. */
export function isRespiratoryInfection(codes: readonly string[]): boolean {
  return codes.some((code) =>
    (RESPIRATORY_INFECTION_CODES as readonly string[]).includes(code.toUpperCase()),
  );
}
