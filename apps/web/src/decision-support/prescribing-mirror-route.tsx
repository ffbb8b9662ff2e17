import { Link, usePathname } from '../shared/router';
import { useDecisionSupportMessages } from './messages';

/** The path of the prescribing mirror dashboard. */
export const PRESCRIBING_MIRROR_PATH = '/forskrivningsspeil';

/** True when `pathname` is the prescribing mirror (trailing slashes ignored). */
export function isPrescribingMirrorPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === PRESCRIBING_MIRROR_PATH;
}

/** The header link to the prescribing mirror, marked as the current page while it is shown. */
export function PrescribingMirrorLink() {
  const text = useDecisionSupportMessages();
  const pathname = usePathname();
  return (
    <Link
      href={PRESCRIBING_MIRROR_PATH}
      aria-current={isPrescribingMirrorPath(pathname) ? 'page' : undefined}
      data-testid="nav-prescribing-mirror"
    >
      {text.navLink}
    </Link>
  );
}
