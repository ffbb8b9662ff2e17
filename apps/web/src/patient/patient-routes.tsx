import type { ReactNode } from 'react';
import { PatientSummaryPage } from './patient-summary-page';
import { QuestionnairePage } from './questionnaire-page';

/** A patient-tool page for a path: `standalone` pages (the patient's) render without the GP app's header. */
export interface PatientRouteView {
  standalone: boolean;
  page: ReactNode;
}

/**
 * Matches the patient-tool paths: `/skjema` (the patient's questionnaire, token in the fragment) and
 * `/konsultasjoner/:id/pasientinformasjon` (the GP's patient summary). Undefined for every other path.
 */
export function renderPatientRoute(pathname: string): PatientRouteView | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/skjema') return { standalone: true, page: <QuestionnairePage /> };
  const summary = /^\/konsultasjoner\/([^/]+)\/pasientinformasjon$/.exec(path);
  if (summary?.[1] !== undefined) {
    const consultationId = decodeURIComponent(summary[1]);
    return {
      standalone: false,
      page: <PatientSummaryPage key={consultationId} consultationId={consultationId} />,
    };
  }
  return undefined;
}
