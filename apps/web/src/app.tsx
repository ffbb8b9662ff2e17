import { useEffect, useRef } from 'react';
import { ConsultationListPage } from './consultations/consultation-list-page';
import { PrescribingMirrorPage } from './decision-support/prescribing-mirror-page';
import { isPrescribingMirrorPath } from './decision-support/prescribing-mirror-route';
import { NewConsultationPage } from './consultations/new-consultation-page';
import { ReviewPage } from './review/review-page';
import { renderPatientRoute } from './patient/patient-routes';
import { SessionBar, renderAuthRoute } from './auth/auth-pages';
import { renderAboutRoute } from './about/about-routes';
import { renderStatisticsRoute } from './statistics/statistics-routes';
import { renderGuideRoute } from './guide/guide-routes';
import { renderFeatureRoute } from './documents/feature-routes';
import { renderInboxRoute } from './inbox/inbox-routes';
import { renderEvaluationRoute } from './evaluation/evaluation-routes';
import { renderUsersRoute } from './users/users-routes';
import { AppHeader } from './shared/app-header';
import { useLanguage } from './shared/language';
import { Link, matchRoute, usePathname } from './shared/router';
import type { Route } from './shared/router';

function RouteView({ route }: { route: Route }) {
  const { messages } = useLanguage();
  switch (route.name) {
    case 'list':
      return <ConsultationListPage />;
    case 'new':
      return <NewConsultationPage />;
    case 'review':
      return <ReviewPage key={route.consultationId} consultationId={route.consultationId} />;
    case 'not-found':
      return (
        <section className="page page-narrow">
          <h1>{messages.notFoundTitle}</h1>
          <p>{messages.notFoundBody}</p>
          <Link href="/">{messages.backToList}</Link>
        </section>
      );
  }
}

/** The Kollega web app: header, then the page for the current path. */
export function App() {
  const { messages } = useLanguage();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const previousPath = useRef(pathname);

  useEffect(() => {
    // After an in-app navigation, move focus to the new page so screen readers start reading it.
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  const patientView = renderPatientRoute(pathname);
  if (patientView?.standalone === true) return patientView.page;
  const authView = renderAuthRoute(pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <AppHeader route={route} />
      <SessionBar key={authView === undefined ? 'app' : 'auth'} />
      <main id="main" tabIndex={-1}>
        {authView ??
          renderGuideRoute(
            pathname,
            renderAboutRoute(pathname) ??
              renderStatisticsRoute(pathname) ??
              renderInboxRoute(pathname) ??
              renderEvaluationRoute(pathname) ??
              renderUsersRoute(pathname) ??
              renderFeatureRoute(pathname) ??
              patientView?.page ??
              (isPrescribingMirrorPath(pathname) ? <PrescribingMirrorPage /> : <RouteView route={route} />),
          )}
      </main>
    </>
  );
}
