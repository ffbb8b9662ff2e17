import { setTimeout as sleep } from 'node:timers/promises';
import { createStorage } from '@kollega/storage';
import { hashPassword } from '../../apps/server/src/auth/password';
import { ApiClient } from './api-client';
import type { OperationSummary } from './latency-summary';
import { summarizeOperation } from './latency-summary';
import type { ProcessUsage, ServerProcess } from './server-process';
import { createRandom, createSyntheticConsultation } from './synthetic-consultation';

/** The load model: how many clients, how they pace themselves, and how long is measured. */
export interface LoadModel {
  /** Concurrent clients, each a signed-in doctor's browser. */
  clients: number;
  /** Doctors per practice (each practice one source address, like a practice behind one NAT). */
  doctorsPerPractice: number;
  /** Mean think time before each action, seconds (exponentially distributed, capped at 5× the mean). */
  thinkSeconds: number;
  /** Seconds of warm-up whose samples are dropped. */
  warmupSeconds: number;
  /** Seconds measured after the warm-up. */
  durationSeconds: number;
  seed: number;
}

/** What one database's run measured. */
export interface LoadResult {
  create: OperationSummary;
  draft: OperationSummary;
  usage: ProcessUsage;
  /** Seconds spent on setup and signing in all doctors. */
  setupSeconds: number;
  practices: number;
}

const PASSWORD = 'last-test-passord-2026';

interface Sample {
  operation: 'create' | 'draft';
  startedAtMs: number;
  latencyMs: number;
  status: number;
}

function practiceAddress(practice: number): string {
  return `127.77.${Math.floor(practice / 250)}.${(practice % 250) + 1}`;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(workers);
}

/**
 * First-time setup through the API (practice 1 and its first doctor), the other practices and doctors straight
 * in storage (Kollega has no user-administration API yet), then every doctor signs in through
 * `/api/auth/login` from their practice's address. Returns one signed-in client per doctor.
 */
async function signInDoctors(
  server: ServerProcess,
  options: { databaseUrl: string; doctors: number; doctorsPerPractice: number; env: Record<string, string> },
): Promise<{ clients: ApiClient[]; practices: number }> {
  const first = new ApiClient({ baseUrl: server.url, localAddress: practiceAddress(0) });
  const setup = await first.send('POST', '/api/setup', {
    setupCode: server.setupCode,
    practiceName: 'Lastlegene 1',
    username: 'lege0',
    displayName: 'Lege 0',
    password: PASSWORD,
  });
  if (setup.status !== 201) throw new Error(`first-time setup answered ${setup.status}`);
  first.adoptSession(setup);
  const practiceId = (setup.body as { practice: { id: string } }).practice.id;

  const practices = Math.ceil(options.doctors / options.doctorsPerPractice);
  const previousEnvironment = { ...process.env };
  Object.assign(process.env, options.env);
  const storage = await createStorage(options.databaseUrl);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const practiceIds = [practiceId];
    for (let practice = 1; practice < practices; practice += 1) {
      const created = await storage.auth.createPracticeWithUser({
        practiceName: `Lastlegene ${practice + 1}`,
        user: {
          username: `lege${practice * options.doctorsPerPractice}`,
          displayName: `Lege ${practice}`,
          role: 'lege',
          passwordHash,
        },
      });
      practiceIds.push(created.practice.id);
    }
    for (let doctor = 1; doctor < options.doctors; doctor += 1) {
      if (doctor % options.doctorsPerPractice === 0) continue;
      const practice = Math.floor(doctor / options.doctorsPerPractice);
      await storage.auth.createUser({
        practiceId: practiceIds[practice] ?? practiceId,
        username: `lege${doctor}`,
        displayName: `Lege ${doctor}`,
        role: 'lege',
        passwordHash,
      });
    }
  } finally {
    await storage.close();
    for (const name of Object.keys(options.env)) {
      if (previousEnvironment[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = previousEnvironment[name];
    }
  }

  const clients: ApiClient[] = [first];
  const others = Array.from({ length: options.doctors - 1 }, (_, index) => index + 1);
  const signedIn = new Map<number, ApiClient>();
  await forEachLimited(others, 16, async (doctor) => {
    const client = new ApiClient({
      baseUrl: server.url,
      localAddress: practiceAddress(Math.floor(doctor / options.doctorsPerPractice)),
    });
    const response = await client.send('POST', '/api/auth/login', {
      username: `lege${doctor}`,
      password: PASSWORD,
    });
    if (response.status !== 200) throw new Error(`sign-in of doctor ${doctor} answered ${response.status}`);
    client.adoptSession(response);
    signedIn.set(doctor, client);
  });
  for (const doctor of others) clients.push(signedIn.get(doctor) as ApiClient);
  return { clients, practices };
}

function thinkTimeMs(random: () => number, meanSeconds: number): number {
  if (meanSeconds <= 0) return 0;
  const seconds = Math.min(5 * meanSeconds, -Math.log(1 - random()) * meanSeconds);
  return seconds * 1000;
}

/**
 * Runs the load model against a started server: signs the doctors in, then each client loops
 * think → create a consultation → think → draft its note, until the warm-up plus the measured time is over.
 * Samples whose request started inside the measured window count.
 */
export async function runLoad(
  server: ServerProcess,
  options: { databaseUrl: string; model: LoadModel; env: Record<string, string> },
): Promise<LoadResult> {
  const { model } = options;
  const setupStarted = process.hrtime.bigint();
  const { clients, practices } = await signInDoctors(server, {
    databaseUrl: options.databaseUrl,
    doctors: model.clients,
    doctorsPerPractice: model.doctorsPerPractice,
    env: options.env,
  });
  const setupSeconds = Number(process.hrtime.bigint() - setupStarted) / 1e9;

  const samples: Sample[] = [];
  const runStarted = process.hrtime.bigint();
  const sinceStartMs = () => Number(process.hrtime.bigint() - runStarted) / 1e6;
  const warmupEndMs = model.warmupSeconds * 1000;
  const endMs = warmupEndMs + model.durationSeconds * 1000;
  let consultationNumber = 0;
  let samplingStarted = false;
  const startSamplingAfterWarmup = setTimeout(() => {
    samplingStarted = true;
    server.startSampling();
  }, warmupEndMs);

  await Promise.all(
    clients.map(async (client, index) => {
      const random = createRandom(model.seed * 1_000 + index);
      const measure = async (
        operation: Sample['operation'],
        send: () => Promise<{ status: number; latencyMs: number; body: unknown }>,
      ) => {
        const startedAtMs = sinceStartMs();
        const response = await send();
        samples.push({ operation, startedAtMs, latencyMs: response.latencyMs, status: response.status });
        return response;
      };
      // Think, but never past the end of the run (then stop without another request).
      const think = async () => {
        await sleep(Math.min(thinkTimeMs(random, model.thinkSeconds), Math.max(0, endMs - sinceStartMs())));
        return sinceStartMs() < endMs;
      };
      for (;;) {
        if (!(await think())) break;
        consultationNumber += 1;
        const consultation = createSyntheticConsultation(random, consultationNumber);
        const created = await measure('create', () =>
          client.send('POST', '/api/consultations', consultation),
        );
        const id = (created.body as { id?: unknown } | undefined)?.id;
        if (created.status !== 201 || typeof id !== 'string') continue;
        if (!(await think())) break;
        await measure('draft', () => client.send('POST', `/api/consultations/${id}/note`));
      }
    }),
  );
  clearTimeout(startSamplingAfterWarmup);
  if (!samplingStarted) server.startSampling();
  const usage = server.stopSampling();
  for (const client of clients) client.close();

  const measured = samples.filter(
    (sample) => sample.startedAtMs >= warmupEndMs && sample.startedAtMs < endMs,
  );
  return {
    create: summarizeOperation(
      measured.filter((sample) => sample.operation === 'create'),
      model.durationSeconds,
    ),
    draft: summarizeOperation(
      measured.filter((sample) => sample.operation === 'draft'),
      model.durationSeconds,
    ),
    usage,
    setupSeconds,
    practices,
  };
}
