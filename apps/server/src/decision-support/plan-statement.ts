import type { AntibioticAssessment, AntibioticRecommendation } from '@kollega/clinical';
import type { Transcript } from '@kollega/domain';

/** How a regimen reads in a note: "Fenoksymetylpenicillin 660 mg x 4 i 5 d". */
function formatRegimen(recommendation: AntibioticRecommendation, capitalise: boolean): string | undefined {
  if (recommendation.drug === undefined) return undefined;
  const drug = capitalise
    ? recommendation.drug.charAt(0).toUpperCase() + recommendation.drug.slice(1)
    : recommendation.drug.toLowerCase();
  return [
    drug,
    recommendation.dose,
    recommendation.frequency,
    recommendation.durationDays === undefined ? undefined : `i ${recommendation.durationDays} d`,
  ]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join(' ');
}

/**
 * The plan statement an accepted recommendation adds to the note, in GP shorthand: the regimen ("…
 * 660 mg x 4 i 5 d."), a delayed prescription ("Vent-og-se-resept: …"), or "Ikke antibiotika nå."
 */
export function formatPlanStatement(recommendation: AntibioticRecommendation): string {
  switch (recommendation.kind) {
    case 'antibiotic': {
      const regimen = formatRegimen(recommendation, true);
      return regimen === undefined ? 'Antibiotika etter retningslinjen.' : `${regimen}.`;
    }
    case 'delayed-prescription': {
      const regimen = formatRegimen(recommendation, false);
      return regimen === undefined
        ? 'Vent-og-se-resept, hentes ved forverring eller manglende bedring.'
        : `Vent-og-se-resept: ${regimen}, hentes ved forverring eller manglende bedring.`;
    }
    case 'no-antibiotic':
      return 'Ikke antibiotika nå.';
  }
}

/**
 * The segments a recommendation rests on, in transcript order: the condition's segments always, then the
 * findings' segments up to 12 in all.
 */
export function collectRecommendationEvidence(
  assessment: AntibioticAssessment,
  transcript: Transcript,
): string[] {
  const wanted = new Set(assessment.condition.evidence);
  for (const segmentId of assessment.findings.flatMap((finding) => finding.evidence)) {
    if (wanted.size >= 12) break;
    wanted.add(segmentId);
  }
  return transcript.segments.map((segment) => segment.id).filter((id) => wanted.has(id));
}
