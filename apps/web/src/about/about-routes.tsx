import type { ReactNode } from 'react';
import { Link, usePathname } from '../shared/router';
import { AboutPage } from './about-page';
import { PatientInformationPage } from './patient-information-page';
import { PrivacyPage } from './privacy-page';
import './about.css';

/** The about pages by path, or undefined for another path. */
export function renderAboutRoute(pathname: string): ReactNode | undefined {
  switch (pathname.replace(/\/+$/, '')) {
    case '/om-ki':
      return <AboutPage />;
    case '/pasientinformasjon':
      return <PatientInformationPage />;
    case '/personvern':
      return <PrivacyPage />;
    default:
      return undefined;
  }
}

/** Header links: "Om KI", statistics and the guide. */
export function TransparencyLinks() {
  const pathname = usePathname().replace(/\/+$/, '');
  const link = (href: string, text: string, testId: string) => (
    <Link href={href} aria-current={pathname === href ? 'page' : undefined} data-testid={testId}>
      {text}
    </Link>
  );
  return (
    <>
      {link('/statistikk', 'Statistikk', 'nav-statistics')}
      {link('/veiledning', 'Veiledning', 'nav-guide')}
      {link('/om-ki', 'Om KI', 'nav-about')}
    </>
  );
}
