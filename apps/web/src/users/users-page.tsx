import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useDocumentTitle } from '../shared/use-document-title';
import type { IdentityLinks, ManagedUser, UserRole } from './users-api';
import {
  createUser,
  listIdentityLinks,
  listUsers,
  preRegisterHprNumber,
  readOidcLabel,
  updateUser,
} from './users-api';

const ROLE_NAMES: Record<UserRole, string> = {
  lege: 'Lege',
  helsesekretær: 'Helsesekretær',
  admin: 'Administrator (ikke kliniker)',
};
const ROLES = Object.keys(ROLE_NAMES) as UserRole[];

const EMPTY_FORM = {
  displayName: '',
  username: '',
  role: 'lege' as UserRole,
  administrator: false,
  password: '',
};

/** One user's HelseID state: linked, waiting for a first sign-in with an HPR number, or neither. */
function describeLink(user: ManagedUser, links: IdentityLinks): string {
  if (links.identities.some((identity) => identity.userId === user.id)) return 'Koblet';
  const pending = links.preRegistrations.find((registration) => registration.userId === user.id);
  if (pending !== undefined) return `Venter (${pending.kind === 'hpr' ? 'HPR' : 'e-post'} ${pending.value})`;
  return 'Ikke koblet';
}

/** /brukere: the practice's accounts for an administrator: add, change role, disable, link to HelseID. */
export function UsersPage() {
  useDocumentTitle('Brukere');
  const [users, setUsers] = useState<ManagedUser[] | undefined>();
  const [oidcLabel, setOidcLabel] = useState<string | undefined>();
  const [links, setLinks] = useState<IdentityLinks | undefined>();
  const [form, setForm] = useState(EMPTY_FORM);
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setUsers(await listUsers());
      const label = await readOidcLabel();
      setOidcLabel(label);
      if (label !== undefined) setLinks(await listIdentityLinks());
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
      // The table first, then the message: "X er deaktivert" never stands beside a row that still says "Aktiv".
      await reload();
      setMessage((current) => (current?.kind === 'error' ? current : { kind: 'status', text: done }));
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await createUser(form);
      setForm(EMPTY_FORM);
    }, `${form.displayName} er opprettet.`);
  }

  return (
    <section className="page page-wide" aria-labelledby="users-heading" data-testid="users-page">
      <h1 id="users-heading">Brukere</h1>
      <p>
        Brukerne i legekontoret. Bare leger kan godkjenne notater; en administrator kan i tillegg opprette og
        endre brukere og kjøre evalueringer. Deaktivering avslutter brukerens økter med en gang.
      </p>
      {message === undefined ? null : (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="users-message">
          {message.text}
        </p>
      )}
      {users === undefined ? (
        <p>Henter brukere …</p>
      ) : (
        <table className="about-table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Brukernavn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Administrator</th>
              <th scope="col">Status</th>
              {oidcLabel === undefined ? null : <th scope="col">{oidcLabel}</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid={`user-${user.username}`}>
                <td>{user.displayName}</td>
                <td>{user.username}</td>
                <td>
                  <select
                    aria-label={`Rolle for ${user.displayName}`}
                    value={user.role}
                    disabled={busy}
                    onChange={(event) =>
                      void act(
                        () => updateUser(user.id, { role: event.target.value as UserRole }),
                        `Rollen til ${user.displayName} er endret.`,
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_NAMES[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${user.displayName} er administrator`}
                    checked={user.administrator}
                    disabled={busy || user.role === 'admin'}
                    onChange={(event) =>
                      void act(
                        () => updateUser(user.id, { administrator: event.target.checked }),
                        `Administratorretten til ${user.displayName} er endret.`,
                      )
                    }
                  />
                </td>
                <td>
                  {user.disabledAt === undefined ? 'Aktiv' : 'Deaktivert'}{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    data-testid={`toggle-${user.username}`}
                    onClick={() =>
                      void act(
                        () => updateUser(user.id, { disabled: user.disabledAt === undefined }),
                        user.disabledAt === undefined
                          ? `${user.displayName} er deaktivert.`
                          : `${user.displayName} er aktivert igjen.`,
                      )
                    }
                  >
                    {user.disabledAt === undefined ? 'Deaktiver' : 'Aktiver'}
                  </button>
                </td>
                {oidcLabel === undefined || links === undefined ? null : (
                  <td>
                    {describeLink(user, links)}
                    {describeLink(user, links) === 'Ikke koblet' ? (
                      <form
                        className="inline-form"
                        onSubmit={(event) => {
                          event.preventDefault();
                          const input = event.currentTarget.elements.namedItem('hpr') as HTMLInputElement;
                          void act(
                            () => preRegisterHprNumber(user.id, input.value),
                            `HPR-nummeret er registrert; første innlogging med ${oidcLabel} kobles til ${user.displayName}.`,
                          );
                        }}
                      >
                        <input
                          name="hpr"
                          inputMode="numeric"
                          aria-label={`HPR-nummer for ${user.displayName}`}
                          required
                        />
                        <button type="submit" className="button" disabled={busy}>
                          Koble
                        </button>
                      </form>
                    ) : null}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Ny bruker</h2>
      <form onSubmit={submit} data-testid="new-user-form" className="card">
        <p>
          <label htmlFor="user-displayName">Navn (vises ved godkjenning)</label>
          <br />
          <input
            id="user-displayName"
            value={form.displayName}
            onChange={(event) => setForm({ ...form, displayName: event.target.value })}
            autoComplete="off"
            required
          />
        </p>
        <p>
          <label htmlFor="user-username">Brukernavn</label>
          <br />
          <input
            id="user-username"
            value={form.username}
            onChange={(event) => setForm({ ...form, username: event.target.value })}
            autoComplete="off"
            required
          />
        </p>
        <p>
          <label htmlFor="user-role">Rolle</label>
          <br />
          <select
            id="user-role"
            value={form.role}
            onChange={(event) => setForm({ ...form, role: event.target.value as UserRole })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label>
            <input
              type="checkbox"
              checked={form.administrator}
              onChange={(event) => setForm({ ...form, administrator: event.target.checked })}
            />{' '}
            Administrator (kan endre brukere og kjøre evalueringer)
          </label>
        </p>
        <p>
          <label htmlFor="user-password">Første passord</label>
          <br />
          <input
            id="user-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
            required
          />
          <br />
          <small>Minst 12 tegn. Gi det til brukeren på en trygg måte.</small>
        </p>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="create-user">
          Opprett bruker
        </button>
      </form>
    </section>
  );
}
