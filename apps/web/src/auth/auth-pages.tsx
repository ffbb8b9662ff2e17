import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, navigate } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';

interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  administrator?: boolean;
}

async function postJson(
  path: string,
  body: unknown,
): Promise<{ ok: boolean; status: number; message: string }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  let message = '';
  if (!response.ok) {
    try {
      const parsed = (await response.json()) as { error?: { message?: string } };
      message = parsed.error?.message ?? '';
    } catch {
      message = '';
    }
  }
  return {
    ok: response.ok,
    status: response.status,
    message: message || `Forespørselen feilet (HTTP ${response.status})`,
  };
}

function goOnAfterSignIn(): void {
  const next = new URLSearchParams(window.location.search).get('neste');
  navigate(next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
}

/** /logg-inn: user name and password; sends a first-time visitor to /oppsett. */
export function LoginPage() {
  useDocumentTitle('Logg inn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<{ label: string; loginUrl: string } | null>(null);

  useEffect(() => {
    void fetch('/api/auth/methods', { headers: { accept: 'application/json' } })
      .then((response) => response.json() as Promise<{ oidc?: { label: string; loginUrl: string } | null }>)
      .then((methods) => setOidc(methods.oidc ?? null))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    void fetch('/api/setup/status')
      .then((response) => response.json() as Promise<{ setupNeeded?: boolean }>)
      .then((status) => {
        if (status.setupNeeded === true) navigate('/oppsett', { replace: true });
      })
      .catch(() => undefined);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await postJson('/api/auth/login', { username, password });
    setBusy(false);
    if (result.ok) goOnAfterSignIn();
    else setError(result.message);
  }

  return (
    <section className="page page-narrow" aria-labelledby="login-heading">
      <h1 id="login-heading">Logg inn</h1>
      <form onSubmit={(event) => void submit(event)} data-testid="login-form">
        <p>
          <label htmlFor="login-username">Brukernavn</label>
          <br />
          <input
            id="login-username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </p>
        <p>
          <label htmlFor="login-password">Passord</label>
          <br />
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </p>
        {error === undefined ? null : (
          <p role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button className="button button-primary" type="submit" disabled={busy}>
          Logg inn
        </button>
      </form>
      {oidc === null ? null : (
        <p>
          <a
            className="button"
            data-testid="login-oidc"
            href={`${oidc.loginUrl}?neste=${encodeURIComponent(
              new URLSearchParams(window.location.search).get('neste') ?? '/',
            )}`}
          >
            Logg inn med {oidc.label}
          </a>
        </p>
      )}
    </section>
  );
}

/** /oppsett: first-time setup with the code the server printed: the practice and its first doctor. */
export function SetupPage() {
  useDocumentTitle('Førstegangsoppsett');
  const [fields, setFields] = useState({
    setupCode: '',
    practiceName: '',
    displayName: '',
    username: '',
    password: '',
  });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const update = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await postJson('/api/setup', fields);
    setBusy(false);
    if (result.ok) navigate('/', { replace: true });
    else setError(result.message);
  }

  const field = (
    name: keyof typeof fields,
    label: string,
    options: { type?: string; autoComplete?: string; hint?: string } = {},
  ) => (
    <p>
      <label htmlFor={`setup-${name}`}>{label}</label>
      <br />
      <input
        id={`setup-${name}`}
        type={options.type ?? 'text'}
        autoComplete={options.autoComplete ?? 'off'}
        value={fields[name]}
        onChange={update(name)}
        required
      />
      {options.hint === undefined ? null : (
        <>
          <br />
          <small>{options.hint}</small>
        </>
      )}
    </p>
  );

  return (
    <section className="page page-narrow" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Førstegangsoppsett</h1>
      <p>Opprett legekontoret og den første legen. Engangskoden står i serverens utskrift ved oppstart.</p>
      <form onSubmit={(event) => void submit(event)} data-testid="setup-form">
        {field('setupCode', 'Engangskode')}
        {field('practiceName', 'Legekontorets navn', { autoComplete: 'organization' })}
        {field('displayName', 'Ditt navn (brukes ved godkjenning)', { autoComplete: 'name' })}
        {field('username', 'Brukernavn', { autoComplete: 'username' })}
        {field('password', 'Passord', {
          type: 'password',
          autoComplete: 'new-password',
          hint: 'Minst 12 tegn.',
        })}
        {error === undefined ? null : <p role="alert">{error}</p>}
        <button className="button button-primary" type="submit" disabled={busy}>
          Opprett kontor og logg inn
        </button>
      </form>
    </section>
  );
}

/** «Innlogget som …» and a sign-out button, when sign-in is on and someone is signed in. */
export function SessionBar() {
  const [user, setUser] = useState<PublicUser | undefined>();
  useEffect(() => {
    void fetch('/api/auth/me', { headers: { accept: 'application/json' } })
      .then(async (response) =>
        response.ok ? ((await response.json()) as { user: PublicUser | null }) : { user: null },
      )
      .then((body) => setUser(body.user ?? undefined))
      .catch(() => undefined);
  }, []);
  if (user === undefined) return null;
  async function signOut() {
    await fetch('/api/auth/logout', { method: 'POST' });
    navigate('/logg-inn', { replace: true });
    setUser(undefined);
  }
  return (
    <div className="session-bar" data-testid="session-bar">
      <span>Innlogget som {user.displayName}</span>{' '}
      {user.administrator === true ? (
        <>
          <Link href="/brukere" data-testid="nav-users">
            Brukere
          </Link>{' '}
        </>
      ) : null}
      <button className="button" type="button" onClick={() => void signOut()}>
        Logg ut
      </button>
    </div>
  );
}

/** The sign-in and setup pages by path, or undefined for other paths. */
export function renderAuthRoute(pathname: string) {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/logg-inn') return <LoginPage />;
  if (path === '/oppsett') return <SetupPage />;
  return undefined;
}
