import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { API_OPERATIONS } from '../http/openapi';
import type { SignedInTestApp, TestUser } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import { createTestEngine } from '../testing/test-engines';

// Malformed, oversized and wrongly typed input at every documented operation, as a signed-in doctor:
// the answer is a response with a status below 500 and, for errors, the `{error: {code, message}}` body.

let testApp: SignedInTestApp;
let doctor: TestUser;
let realIds: Record<string, string>;

beforeAll(async () => {
  testApp = await createSignedInTestApp({ context: { engine: createTestEngine() } });
  doctor = await testApp.createPracticeUser();
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/consultations',
    headers: doctor.headers,
    payload: { title: 'Fuzz', language: 'nb', transcript: [{ speaker: 'pasient', text: 'Vondt i halsen.' }] },
  });
  const consultation = created.json<Consultation>();
  const note = (
    await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/note`,
      headers: doctor.headers,
    })
  ).json<NoteRecord>();
  realIds = { id: consultation.id, noteId: note.id };
});
afterAll(async () => {
  await testApp.close();
});

const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'æ'.repeat(length));
const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  hugeString,
  fc.constantFrom(null, -1, 1e308, Number.MAX_SAFE_INTEGER, '', '\u0000', '__proto__', [], {}, true),
);
const body = fc.oneof(
  wrongValue,
  fc.dictionary(
    fc.constantFrom(
      'title',
      'language',
      'transcript',
      'content',
      'format',
      'version',
      'note',
      'approvedBy',
      'flagId',
      'reason',
      'by',
      'setting',
      'template',
      'style',
      'codes',
      'kind',
      'text',
      '__proto__',
      'constructor',
    ),
    wrongValue,
  ),
);
const rawBody = fc.oneof(
  body.map((value) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' })),
  fc.string({ maxLength: 300 }).map((text) => ({ payload: text, contentType: 'application/json' })),
  fc.string({ maxLength: 100 }).map((text) => ({ payload: text, contentType: 'text/plain' })),
  fc.constant({ payload: '--x\r\nbroken multipart', contentType: 'multipart/form-data; boundary=x' }),
);
const pathValue = fc.oneof(
  fc.constantFrom('real', 'real', 'x', '..', '%00', '%ZZ', 'ü', '0'.repeat(3000)),
  fc.string({ minLength: 1, maxLength: 40 }).map((text) => encodeURIComponent(text)),
);

describe('bad input at every API operation', () => {
  for (const operation of API_OPERATIONS) {
    it(`${operation.method.toUpperCase()} ${operation.path} answers 4xx, never 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(pathValue, rawBody, async (value, input) => {
          const url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
            value === 'real' ? (realIds[name] ?? 'x') : value,
          );
          const response = await testApp.app.inject({
            method: operation.method.toUpperCase() as 'POST',
            url,
            headers: { ...doctor.headers, 'content-type': input.contentType },
            payload: operation.method === 'get' ? undefined : input.payload,
          });
          expect(response.statusCode, `${operation.method} ${url}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.json<{ error: { code: string; message: string } }>().error.code).toEqual(
              expect.any(String),
            );
          }
        }),
        { numRuns: 12, seed: 20_250_601 },
      );
    }, 120_000);
  }
});
