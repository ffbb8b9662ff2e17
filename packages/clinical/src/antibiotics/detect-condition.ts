import { findMentions, type Clause } from './clauses';
import { wordStartRegExp } from './spoken-text';
import type { AntibioticFindings, InfectionCondition } from './types';

/**
 * Which infection the consultation is about, from the doctor's assessment words ("det er en ørebetennelse"),
 * the patient's own words and the symptom pattern. Relatives' and third persons' illnesses, questions,
 * conditionals and negated assessments ("ingenting som tyder på lungebetennelse") do not count.
 */

/** Words before a diagnosis that make a doctor's sentence an assessment ("det passer med …", "du har …"). */
export const ASSESSMENT_CUE = wordStartRegExp(
  'du har|hun har|han har|det er|dette er|det var|det blir|det dreier seg om|passer (?:godt |mye bedre |best |fint )?med|tyder på|ser (?:mer )?ut som|høres ut som|ser ut til å være|jeg tror|tror jeg|jeg tenker|det jeg tenker|sannsynligvis|trolig|mistenker|mistanke om|diagnosen|forklarer|kommer av|skyldes|har fått|har du fått|vurderer|konklusjon|er forstoppet|er en|er et',
);

/** True when a doctor's sentence states a diagnosis at `index` ("det er en …", "du har …" before it). */
export function isAssessmentAt(clause: Clause, index: number): boolean {
  if (clause.speaker !== 'lege' || clause.isQuestion) return false;
  if (clause.fromFact) return true;
  const before = clause.text.slice(0, index);
  return ASSESSMENT_CUE.test(before);
}

interface ConditionTerms {
  /** Diagnosis words. */
  diagnosis: RegExp;
  /** Complaint words the patient uses for the problem. */
  complaint?: RegExp;
}

const CONDITION_TERMS: Record<InfectionCondition, ConditionTerms> = {
  'acute-otitis-media': {
    diagnosis: wordStartRegExp('ørebetennelse|mellomørebetennelse|otitt|otitis media|akutt otitt'),
    complaint: wordStartRegExp('vondt i øret|vondt i ørene|øresmert|øreverk|holdt seg på øret'),
  },
  'sore-throat': {
    diagnosis: wordStartRegExp(
      'halsbetennelse|streptokokkhals|streptokokktonsillitt|tonsillitt|mandelbetennelse|skarlagensfeber|halsinfeksjon|faryngitt|svelgbetennelse',
    ),
    complaint: wordStartRegExp(
      'vondt i halsen|sår hals|sår i halsen|halsen er (?:så |helt |veldig )?(?:rå|sår)|svelgsmert|vondt å svelge|halsvondt',
    ),
  },
  sinusitis: {
    diagnosis: wordStartRegExp('bihulebetennelse|sinusitt|rhinosinusitt'),
    complaint: wordStartRegExp(
      'trykk\\w* (?:\\w+ ){0,2}i kinnene|vondt i kinnene|ansiktssmert|øm over (?:\\w+ )?kjevehule',
    ),
  },
  'acute-bronchitis': {
    diagnosis: wordStartRegExp('bronkitt|betennelse i luftrørene'),
  },
  pneumonia: {
    diagnosis: wordStartRegExp('lungebetennelse|pneumoni'),
  },
  cystitis: {
    diagnosis: wordStartRegExp(
      'blærekatarr|blærebetennelse|cystitt|urinveisinfeksjon|uvi(?![\\p{L}])|nedre urinveisinfeksjon',
    ),
  },
  pyelonephritis: {
    diagnosis: wordStartRegExp('nyrebekkenbetennelse|pyelonefritt|øvre urinveisinfeksjon'),
  },
  impetigo: {
    diagnosis: wordStartRegExp('brennkopper|impetigo'),
    complaint: wordStartRegExp('honninggule skorper|gule skorper'),
  },
  cellulitis: {
    diagnosis: wordStartRegExp('cellulitt|bløtdelsinfeksjon'),
  },
  erysipelas: {
    diagnosis: wordStartRegExp('rosen(?![\\p{L}])|erysipelas'),
  },
  'erythema-migrans': {
    diagnosis: wordStartRegExp('erythema migrans|erytema migrans|borreliose|borrelia'),
    complaint: wordStartRegExp('rød ring|ringformet'),
  },
  'copd-exacerbation': {
    diagnosis: wordStartRegExp(
      'kols-?forverring|forverring av (?:kols|lungesykdommen)|kolsforverring|kols-eksaserbasjon|eksaserbasjon|kols\\S* (?:\\S+ ){0,3}(?:forverret|verre)',
    ),
  },
};

/** A detected infection with its score and evidence. */
export interface ConditionCandidate {
  condition: InfectionCondition;
  score: number;
  doctorStated: boolean;
  evidence: string[];
}

const MINIMUM_SCORE = 2.5;
/** Turns at the start of a consultation where the reason for encounter is told. */
const OPENING_SEGMENTS = 8;

function addFindingSupport(
  scores: Map<InfectionCondition, ConditionCandidate>,
  findings: AntibioticFindings,
): void {
  const add = (condition: InfectionCondition, points: number, evidence: string[]): void => {
    const candidate = scores.get(condition) ?? { condition, score: 0, doctorStated: false, evidence: [] };
    candidate.score += points;
    candidate.evidence.push(...evidence);
    scores.set(condition, candidate);
  };
  if (findings.eardrum && findings.eardrum.value.inflamedSides.length > 0)
    add('acute-otitis-media', 2, findings.eardrum.evidence);
  if (findings.strepA?.value === 'positive') add('sore-throat', 2, findings.strepA.evidence);
  if (findings.dysuria?.value) add('cystitis', 1, findings.dysuria.evidence);
  if (findings.urinaryFrequency?.value) add('cystitis', 1, findings.urinaryFrequency.evidence);
  // burning and frequency together are the typical picture of a lower urinary tract infection
  if (findings.dysuria?.value && findings.urinaryFrequency?.value) add('cystitis', 1, []);
  if (findings.urineDipstick?.value.nitrite === 'positive')
    add('cystitis', 0.5, findings.urineDipstick.evidence);
  if (findings.crackles?.value && (findings.fever?.value || (findings.temperature?.value ?? 0) >= 38))
    add('pneumonia', 1, findings.crackles.evidence);
  if (
    findings.knownCopd?.value &&
    (findings.purulentSputum?.value || findings.increasedSputum?.value) &&
    findings.increasedDyspnoea?.value
  ) {
    add('copd-exacerbation', 2, findings.knownCopd.evidence);
  }
  if (findings.tickBite?.value) add('erythema-migrans', 1, findings.tickBite.evidence);
  // the doctor examined the tonsils or the neck glands: the throat is a topic of the consultation
  if (findings.tonsillarExudate || findings.tenderAnteriorCervicalNodes) add('sore-throat', 0.5, []);
}

const ANTIBIOTIC_TALK = wordStartRegExp('antibiotika|penicillin|antibiotikakur');

/** Antibiotics discussed by the doctor: the consultation is about an infection, so the best candidate gains. */
function addAntibioticTalk(
  scores: Map<InfectionCondition, ConditionCandidate>,
  clauses: readonly Clause[],
): void {
  const talk = clauses.find(
    (clause) => clause.speaker === 'lege' && !clause.aboutOther && ANTIBIOTIC_TALK.test(clause.text),
  );
  if (!talk) return;
  for (const candidate of scores.values()) {
    if (candidate.score > 0) candidate.score += 1;
  }
}

/** Scores every covered infection for this consultation; the best first. */
export function scoreInfectionConditions(
  clauses: readonly Clause[],
  findings: AntibioticFindings,
): ConditionCandidate[] {
  const scores = new Map<InfectionCondition, ConditionCandidate>();
  for (const [condition, terms] of Object.entries(CONDITION_TERMS) as Array<
    [InfectionCondition, ConditionTerms]
  >) {
    const candidate: ConditionCandidate = { condition, score: 0, doctorStated: false, evidence: [] };
    for (const mention of findMentions(clauses, terms.diagnosis, { useAnswers: false })) {
      const { clause } = mention;
      // questions and earlier episodes ("du fikk antibiotika i fjor for lungebetennelse") are not today's diagnosis
      if (clause.isQuestion || clause.isHistory) continue;
      // "influensavaksine", "borreliavaksine": prevention, not the diagnosis
      const word = clause.text.slice(mention.match.index).split(/\s/u)[0] ?? '';
      if (/vaksin/u.test(word)) continue;
      const assessment = isAssessmentAt(clause, mention.match.index);
      if (clause.speaker === 'lege') {
        if (mention.polarity === 'positive') {
          candidate.score += assessment ? 4 : 3;
          candidate.doctorStated ||= assessment;
          candidate.evidence.push(clause.segmentId);
        } else {
          candidate.score -= assessment || /tyder på|tegn (?:til|på)/u.test(clause.text) ? 4 : 1;
        }
      } else if (mention.polarity === 'positive') {
        candidate.score += 1.5;
        candidate.evidence.push(clause.segmentId);
      }
    }
    if (terms.complaint) {
      let complaintPoints = 0;
      for (const mention of findMentions(clauses, terms.complaint, { useAnswers: false })) {
        if (mention.clause.isQuestion || mention.clause.isHistory || mention.polarity !== 'positive')
          continue;
        // the reason for encounter is told at the start: a complaint there weighs more
        complaintPoints += mention.clause.segmentIndex < OPENING_SEGMENTS ? 1.5 : 1;
        candidate.evidence.push(mention.clause.segmentId);
      }
      candidate.score += Math.min(complaintPoints, 3);
    }
    if (candidate.score !== 0 || candidate.evidence.length > 0) scores.set(condition, candidate);
  }
  addFindingSupport(scores, findings);
  addAntibioticTalk(scores, clauses);
  return [...scores.values()]
    .map((candidate) => ({ ...candidate, evidence: [...new Set(candidate.evidence)] }))
    .sort(
      (first, second) =>
        second.score - first.score || Number(second.doctorStated) - Number(first.doctorStated),
    );
}

/** The infection the consultation is about, or undefined when none of the covered infections is. */
export function detectInfectionCondition(
  clauses: readonly Clause[],
  findings: AntibioticFindings,
): ConditionCandidate | undefined {
  const ranked = scoreInfectionConditions(clauses, findings);
  const best = ranked[0];
  if (!best || best.score < MINIMUM_SCORE) return undefined;
  // a urinary infection with fever ≥ 38 or flank pain is treated as pyelonephritis unless the doctor said cystitis
  if (best.condition === 'cystitis' && !best.doctorStated) {
    const upper = (findings.temperature?.value ?? 0) >= 38 || findings.flankPain?.value === true;
    if (upper) return { ...best, condition: 'pyelonephritis' };
  }
  return best;
}
