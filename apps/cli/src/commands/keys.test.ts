import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '@kollega/storage';
import { runCli } from '../testing/run-cli';
import { findAudioStoreUrl } from './keys';

const folder = mkdtempSync(join(tmpdir(), 'kollega-cli-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function keyMaterial(path: string): string[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { keys: Array<{ key: string }> }).keys.map(
    (key) => key.key,
  );
}

describe('kollega keys', () => {
  it('shows key ids with counts, rotates to a new key with progress on stderr, and never prints key material', async () => {
    const path = join(folder, 'kollega.db');
    const keyFile = join(folder, 'kollega.keys.json');
    const storage = await createStorage(`sqlite:${path}`, { encryption: { log: () => undefined } });
    const consultation = await storage.consultations.create({
      title: 'Syntetisk',
      language: 'nb',
      transcript: { segments: [{ id: 's1', speaker: 'pasient', text: 'Jeg har hatt feber i tre dager.' }] },
    });
    const oldKey = storage.encryption.keyring.activeKeyId;
    await storage.close();
    const env = { KOLLEGA_ENCRYPTION_KEY: '', KOLLEGA_ENCRYPTION_KEY_FILE: '', KOLLEGA_AUDIO_STORE: '' };

    const before = await runCli(['keys', 'status', '--database', `sqlite:${path}`], { env });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`${oldKey} (aktiv): 2 verdier, 0 lydfiler`);
    expect(before.stdout).toContain('Ukryptert (lagret før kryptering): 0 verdier');

    const rotated = await runCli(['keys', 'rotate', '--database', `sqlite:${path}`, '--batch-size', '1'], {
      env,
    });
    expect(rotated.code).toBe(0);
    expect(rotated.stderr).toContain('consultations.transcript: 1/1');
    const newKey = /Ny aktiv nøkkel: (\S+)/.exec(rotated.stdout)?.[1];
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(oldKey);
    expect(rotated.stdout).toContain('Verdier: 2 kryptert på nytt');

    const after = await runCli(['keys', 'status', '--database-url', `sqlite:${path}`], { env });
    expect(after.stdout).toContain(`${oldKey}: 0 verdier`);
    expect(after.stdout).toContain(`${newKey} (aktiv): 2 verdier`);

    const material = keyMaterial(keyFile);
    expect(material).toHaveLength(2);
    for (const output of [before, rotated, after]) {
      for (const key of material) expect(output.stdout + output.stderr).not.toContain(key);
    }
    const reopened = await createStorage(`sqlite:${path}`);
    try {
      expect(
        (await reopened.consultations.findById(consultation.id))?.transcript.segments[0]?.text,
      ).toContain('feber');
      expect((await reopened.audit.list({ action: 'encryption.rotate' }))[0]?.details).toMatchObject({
        keyId: newKey,
      });
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('refuses to rotate a single key from KOLLEGA_ENCRYPTION_KEY', async () => {
    const result = await runCli(['keys', 'rotate', '--database', `sqlite:${join(folder, 'env.db')}`], {
      env: {
        KOLLEGA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        KOLLEGA_ENCRYPTION_KEY_FILE: '',
      },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KOLLEGA_ENCRYPTION_KEY_FILE');
  }, 60_000);

  it('finds the audio store the server uses', () => {
    expect(findAudioStoreUrl('sqlite:/srv/kollega/kollega.db', {})).toBe('file:/srv/kollega/audio');
    expect(findAudioStoreUrl('sqlite::memory:', {})).toBeUndefined();
    expect(findAudioStoreUrl('postgres://db/kollega', { KOLLEGA_AUDIO_STORE: 'file:/lyd' })).toBe(
      'file:/lyd',
    );
  });
});
