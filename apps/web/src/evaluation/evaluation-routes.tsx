import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, usePathname } from '../shared/router';
import { EvaluationPage } from './evaluation-page';

/** The evaluation page's path. */
export const EVALUATION_PATH = '/evaluering';

/** The evaluation page by path (`/evaluering`), or undefined. */
export function renderEvaluationRoute(pathname: string): ReactNode | undefined {
  return pathname.replace(/\/+$/, '') === EVALUATION_PATH ? <EvaluationPage /> : undefined;
}

/** True for an admin, or when sign-in is off (no roles; the server's routes are then open too). */
async function readMayEvaluate(): Promise<boolean> {
  const response = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
  if (!response.ok) return false;
  const body = (await response.json()) as {
    user?: { administrator?: boolean } | null;
    authEnabled?: boolean;
  };
  return body.authEnabled === false || body.user?.administrator === true;
}

/** The "Evaluering" link of the main navigation, shown to admins only. */
export function EvaluationLink() {
  const pathname = usePathname().replace(/\/+$/, '');
  const [visible, setVisible] = useState(false);
  // Asked again when the user leaves the sign-in or setup page (a new session, perhaps another role).
  const onSignInPage = pathname === '/logg-inn' || pathname === '/oppsett';
  useEffect(() => {
    let active = true;
    readMayEvaluate()
      .then((mayEvaluate) => {
        if (active) setVisible(mayEvaluate);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [onSignInPage]);
  if (!visible) return null;
  return (
    <Link
      href={EVALUATION_PATH}
      aria-current={pathname === EVALUATION_PATH ? 'page' : undefined}
      data-testid="nav-evaluation"
    >
      Evaluering
    </Link>
  );
}
