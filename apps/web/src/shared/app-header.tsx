import type { Language } from '@kollega/domain';
import { PrescribingMirrorLink } from '../decision-support/prescribing-mirror-route';
import { TransparencyLinks } from '../about/about-routes';
import { InboxLink } from '../inbox/inbox-routes';
import { EvaluationLink } from '../evaluation/evaluation-routes';
import { DataFlowBadge } from './data-flow-badge';
import { useLanguage } from './language';
import { Link } from './router';
import type { Route } from './router';

/** Each language named in itself, as language pickers do. */
const LANGUAGE_SELF_NAMES: Record<Language, string> = { nb: 'Norsk', en: 'English' };
const UI_LANGUAGES: readonly Language[] = ['nb', 'en'];

/** The top bar: product name, main navigation and the UI language switch. */
export function AppHeader({ route }: { route: Route }) {
  const { language, messages, setLanguage } = useLanguage();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href="/" className="brand" aria-label={`${messages.appName} – ${messages.navConsultations}`}>
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <span className="brand-text">
            <span className="brand-name">{messages.appName}</span>
            <span className="brand-tagline">{messages.appTagline}</span>
          </span>
        </Link>
        <nav aria-label={messages.mainNavigation} className="main-nav">
          <Link href="/" aria-current={route.name === 'list' ? 'page' : undefined} data-testid="nav-list">
            {messages.navConsultations}
          </Link>
          <Link href="/ny" aria-current={route.name === 'new' ? 'page' : undefined} data-testid="nav-new">
            {messages.navNewConsultation}
          </Link>
          <InboxLink />
          <PrescribingMirrorLink />
          <TransparencyLinks />
          <EvaluationLink />
        </nav>
        <DataFlowBadge />
        <div className="language-switch" role="group" aria-label={messages.languageSwitch}>
          {UI_LANGUAGES.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              className="language-option"
              aria-pressed={language === code}
              onClick={() => setLanguage(code)}
              data-testid={`language-${code}`}
            >
              {LANGUAGE_SELF_NAMES[code]}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
