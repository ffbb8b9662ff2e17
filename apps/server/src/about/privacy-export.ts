import { hostOf, isProviderLocal } from '@kollega/ai';
import type { AppContext } from '../context';
import { getAudioService } from '../audio/audio-routes';
import { buildDataFlowReport } from './data-flow-report';
import type { DataFlowReport } from './data-flow-report';

/** What a known table holds, for the DPIA; tables not listed here are reported as `unknown`. */
const TABLE_CATEGORIES: Record<string, { category: string; healthData: boolean; description: string }> = {
  consultations: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Konsultasjoner med transkripsjon av samtalen',
  },
  notes: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Notatutkast og godkjente notater, verifikasjon, avviste flagg, godkjent av',
  },
  note_edits: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Legens endringer i notatet (før/etter per setning)',
  },
  audit_events: {
    category: 'tilgangslogg',
    healthData: false,
    description: 'Hvem gjorde hva med hvilken post (id-er, koder, tall; ingen tekst)',
  },
  review_events: {
    category: 'bruksdata',
    healthData: false,
    description: 'Hvilke setningers grunnlag legen åpnet (id-er og tid)',
  },
  audio_recordings: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Lydopptak (metadata, samtykke) og deres transkripsjon',
  },
  questionnaires: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Pasientens svar på forhåndsskjema',
  },
  patient_summaries: {
    category: 'helseopplysninger',
    healthData: true,
    description: 'Oppsummering til pasienten',
  },
};

function describeTable(name: string) {
  const known = TABLE_CATEGORIES[name];
  if (known !== undefined) return known;
  if (/audio|recording/.test(name))
    return { category: 'helseopplysninger', healthData: true, description: 'Lyd og transkripsjon' };
  if (/user|session|practice|auth/.test(name))
    return { category: 'brukerdata', healthData: false, description: 'Brukere, praksis, innlogging' };
  if (/record|document|code|decision|outcome/.test(name))
    return {
      category: 'helseopplysninger',
      healthData: true,
      description: 'Journal- og beslutningsstøttedata',
    };
  return { category: 'ukjent', healthData: true, description: 'Ikke beskrevet: vurder innholdet' };
}

function describeDatabase(url: string) {
  if (url.startsWith('sqlite:')) {
    const inMemory = url.includes(':memory:');
    return {
      dialect: 'sqlite' as const,
      location: inMemory ? 'minne (forsvinner ved omstart)' : 'fil på serveren',
      encryptedAtRest: false,
      encryptionNote: 'Kollega krypterer ikke SQLite-filen; bruk kryptert disk (f.eks. LUKS/BitLocker).',
      encryptedInTransit: null,
    };
  }
  let inTransit = false;
  try {
    const parsed = new URL(url);
    const mode = parsed.searchParams.get('sslmode') ?? '';
    inTransit =
      ['require', 'verify-ca', 'verify-full'].includes(mode) || parsed.searchParams.get('ssl') === 'true';
  } catch {
    inTransit = false;
  }
  return {
    dialect: 'postgres' as const,
    location: 'PostgreSQL-tjener',
    encryptedAtRest: null,
    encryptionNote: 'Kryptering på disk avhenger av PostgreSQL-tjeneren; sjekk hos driftsleverandøren.',
    encryptedInTransit: inTransit,
  };
}

/**
 * The privacy export for the practice's risk assessment (ROS) and DPIA: data categories from the running
 * database's tables, data flows and (sub)processors from the model configuration, the transcription engine,
 * retention, which actions the access log has recorded, and encryption status. Generated from the running
 * configuration; no secrets, no URLs' paths or keys, no patient data.
 */
export async function buildPrivacyExport(context: AppContext) {
  const tables = await context.storage.reviewEvents.listDatabaseTables();
  const dataFlow: DataFlowReport = buildDataFlowReport(context.models, 'nb');
  const { config } = context.models;
  const processors = Object.entries(config.providers).map(([id, provider]) => {
    const host =
      provider.type === 'openai-compatible'
        ? hostOf(provider.baseURL)
        : provider.type === 'azure-openai'
          ? hostOf(provider.endpoint)
          : undefined;
    const url =
      provider.type === 'openai-compatible'
        ? provider.baseURL
        : provider.type === 'azure-openai'
          ? provider.endpoint
          : '';
    return {
      id,
      type: provider.type,
      ...(provider.type !== 'node-llama-cpp' && provider.displayName
        ? { displayName: provider.displayName }
        : {}),
      ...(host === undefined ? {} : { host }),
      local: isProviderLocal(provider),
      encryptedInTransit: provider.type === 'node-llama-cpp' ? null : url.startsWith('https:'),
      purposes: dataFlow.purposes
        .filter((purpose) => purpose.model?.startsWith(`${id}:`))
        .map((purpose) => purpose.purpose),
    };
  });
  const audio = getAudioService(context);
  const transcription = audio.describeEngine();
  const auditEvents = await context.storage.audit.list({ limit: 100_000 });
  const actions = new Map<string, number>();
  for (const event of auditEvents) actions.set(event.action, (actions.get(event.action) ?? 0) + 1);
  return {
    generatedAt: context.now().toISOString(),
    version: context.version,
    controller: 'Legekontoret (dataansvarlig); Kollega-leverandøren og modelleverandører er databehandlere',
    dataCategories: tables.map((table) => ({
      table: table.name,
      ...describeTable(table.name),
      columns: table.columns,
    })),
    dataFlows: dataFlow.purposes.map((purpose) => ({
      purpose: purpose.purpose,
      engine: purpose.engine,
      kind: purpose.kind,
      deidentified: purpose.deidentified,
      ...(purpose.host === undefined ? {} : { host: purpose.host }),
      description: purpose.description,
    })),
    localOnlyPolicy: dataFlow.localOnly,
    processors,
    transcription: {
      ...(transcription.id === undefined ? {} : { engine: transcription.id }),
      ...(transcription.displayName === undefined ? {} : { displayName: transcription.displayName }),
      local: transcription.local ?? null,
      configured: transcription.error === undefined,
    },
    retention: {
      audio:
        audio.config.retention.policy === 'on_approval'
          ? { policy: 'on_approval' as const, description: 'Lydopptaket slettes når notatet godkjennes' }
          : {
              policy: 'hours' as const,
              hours: audio.config.retention.hours,
              description: `Lydopptaket slettes ${audio.config.retention.hours} timer etter opptaket`,
            },
      transcriptsAndNotes: 'Beholdes i Kollega til de slettes; det godkjente notatet føres i EPJ',
      modelTraining: 'Data brukes aldri til modelltrening',
    },
    accessLog: {
      modelCallsAudited: true,
      hashChained: true,
      eventsRecorded: auditEvents.length,
      actions: [...actions]
        .sort(([first], [second]) => first.localeCompare(second))
        .map(([action, count]) => ({ action, count })),
    },
    encryption: {
      database: describeDatabase(context.config.databaseUrl),
      audioStore: {
        location: audio.config.storeUrl.startsWith('file:') ? 'fil på serveren' : 'annet lager',
        encryptedAtRest: false,
      },
      server: {
        tls: false,
        listensOnLoopback: ['127.0.0.1', '::1', 'localhost'].includes(context.config.host),
        note: 'Kollega snakker HTTP; sett en TLS-terminerende proxy foran når serveren nås fra nettverket.',
      },
    },
  };
}

/** The privacy export; see `buildPrivacyExport`. */
export type PrivacyExport = Awaited<ReturnType<typeof buildPrivacyExport>>;

/** The privacy export as Markdown, for printing or pasting into the DPIA. */
export function renderPrivacyMarkdown(report: PrivacyExport): string {
  const lines = [
    `# Personvernoversikt for Kollega ${report.version}`,
    '',
    `Generert ${report.generatedAt} fra kjørende konfigurasjon.`,
    '',
    `Roller: ${report.controller}.`,
    '',
    '## Data som behandles',
    '',
    '| Tabell | Kategori | Helseopplysninger | Innhold |',
    '| --- | --- | --- | --- |',
    ...report.dataCategories.map(
      (table) =>
        `| ${table.table} | ${table.category} | ${table.healthData ? 'ja' : 'nei'} | ${table.description} |`,
    ),
    '',
    '## Dataflyt',
    '',
    `Bare lokale modeller: ${report.localOnlyPolicy ? 'ja' : 'nei'}.`,
    '',
    ...report.dataFlows.map((flow) => `- ${flow.purpose}: ${flow.description} (motor ${flow.engine})`),
    '',
    '## Databehandlere og underleverandører',
    '',
    ...(report.processors.length === 0
      ? ['- Ingen språkmodell-leverandør er satt opp (den innebygde motoren kjører på serveren).']
      : report.processors.map(
          (processor) =>
            `- ${processor.displayName ?? processor.id} (${processor.type}) ${processor.host ?? 'på serveren'}: ${processor.local ? 'lokal' : 'ekstern'}, kryptert overføring: ${processor.encryptedInTransit === null ? 'ikke aktuelt' : processor.encryptedInTransit ? 'ja' : 'NEI'}; formål: ${processor.purposes.join(', ') || 'ingen'}`,
        )),
    `- Talegjenkjenning: ${report.transcription.configured ? `${report.transcription.displayName ?? report.transcription.engine ?? 'ukjent'} (${report.transcription.local === false ? 'ekstern' : 'lokal'})` : 'ikke satt opp'}`,
    '',
    '## Lagringstid',
    '',
    `- Lyd: ${report.retention.audio.description}`,
    `- Transkripsjoner og notater: ${report.retention.transcriptsAndNotes}`,
    `- ${report.retention.modelTraining}`,
    '',
    '## Tilgangslogg',
    '',
    `- ${report.accessLog.eventsRecorded} hendelser, hash-kjedet; modellkall logges.`,
    ...report.accessLog.actions.map((action) => `- ${action.action}: ${action.count}`),
    '',
    '## Kryptering',
    '',
    `- Database (${report.encryption.database.dialect}): ${report.encryption.database.encryptionNote}`,
    `- Lydlager: ukryptert på disk (${report.encryption.audioStore.location}).`,
    `- Server: ${report.encryption.server.note}`,
    '',
  ];
  return lines.join('\n');
}
