import type { ReactNode } from 'react';
import { InboxPage } from './inbox-page';
import { Link, usePathname } from '../shared/router';

/** The inbox page by path (`/innboks`), or undefined. */
export function renderInboxRoute(pathname: string): ReactNode | undefined {
  return pathname.replace(/\/+$/, '') === '/innboks' ? <InboxPage /> : undefined;
}

/** The "Innboks" link of the main navigation. */
export function InboxLink() {
  const current = usePathname().replace(/\/+$/, '') === '/innboks';
  return (
    <Link href="/innboks" aria-current={current ? 'page' : undefined} data-testid="nav-inbox">
      Innboks
    </Link>
  );
}
