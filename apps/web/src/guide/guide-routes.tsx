import type { ReactNode } from 'react';
import { FirstUseBanner, GuidePage } from './guide-page';

/** The guide by path; on other paths, the first-use notice above the page. */
export function renderGuideRoute(pathname: string, page: ReactNode): ReactNode {
  if (pathname.replace(/\/+$/, '') === '/veiledning') return <GuidePage />;
  return (
    <>
      <FirstUseBanner />
      {page}
    </>
  );
}
