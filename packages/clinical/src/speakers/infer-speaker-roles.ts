import type { Segment, SpeakerRole, Transcript } from '@kollega/domain';

/**
 * Infers who is who when a recogniser gives generic labels ("Speaker 1" arrives as role `annen` with the
 * label kept). Content cues, not positions: the doctor asks second-person questions, opens the visit
 * ("hva kan jeg hjelpe deg med", "what brings you in"), dictates findings and plans; the patient
 * reports first-person symptoms; an interpreter introduces themself and relays in the first person;
 * a relative talks about the patient in the third person. Roles already known are kept.
 */

interface Cue {
  pattern: RegExp;
  weight: number;
}

const DOCTOR_CUES: Cue[] = [
  {
    pattern:
      /\b(hva kan jeg hjelpe|hvordan kan jeg hjelpe|hva gjelder det|hva bringer deg|hva har skjedd|fortell)\b/iu,
    weight: 4,
  },
  {
    pattern: /\b(what brings you|how can i help|what can i do for you|what's going on|tell me about)\b/i,
    weight: 4,
  },
  {
    pattern:
      /(^|[.?!]\s*|\s)(har|er|bruker|tar|hoster|kjenner|merker|føler|får|tåler|røyker|drikker|sover|spiser|blir|kan) (du|dere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 1.5,
  },
  { pattern: /\b(do|did|have|are|were|is|does) you\b/i, weight: 1.5 },
  { pattern: /\b(hvor lenge|hvor mye|hvor ofte|hvilke[nt]?|hvordan er)\b/iu, weight: 1 },
  { pattern: /\b(how long|how often|how much|any (?:fever|pain|chest|shortness|nausea))\b/i, weight: 1 },
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(jeg skriver ut|resept|henvis\p{L}*|sykmeld\p{L}*|vi ses|kontroll om|blodprøve\p{L}*|ta kontakt|legevakt\p{L}*)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 2,
  },
  {
    pattern:
      /\b(i'm going to (?:prescribe|order|refer)|i'll (?:prescribe|order|refer)|let's (?:go ahead|get)|prescribe|refer you|follow[- ]up|physical exam|on exam)\b/i,
    weight: 2,
  },
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(lytter|undersøke|undersøker|trommehinne\p{L}*|lungene høres|pust dypt|gap\p{L}*|legg deg|blodtrykket er|pulsen er|temperatur\p{L}*|metningen)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 2,
  },
  {
    pattern:
      /\b(take a deep breath|i'm going to (?:examine|listen|take a look|press)|your lungs|your heart|blood pressure is|lungs are clear|heart sounds)\b/i,
    weight: 2,
  },
  {
    pattern: /\b(du har (?:en |et |ei )?\p{L}+(?:itt|ose|sykdom|betennelse|infeksjon|skade))\b/iu,
    weight: 1,
  },
];

const PATIENT_CUES: Cue[] = [
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(jeg har (?:hatt |fått |så |veldig |litt )?(?:vondt|feber|hoste|smerter|kvalme|problemer|plager))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 2,
  },
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(jeg (?:er|blir|føler meg|kjenner meg) (?:så |veldig |litt )?(?:sliten|svimmel|kvalm|slapp|trøtt|nedfor))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 2,
  },
  {
    pattern:
      /\b(i have (?:had |been having )?(?:pain|a fever|a cough|trouble|problems)|i've been (?:having|feeling)|i feel|it hurts|my (?:knee|back|chest|head|stomach|throat|arm|leg|shoulder))\b/i,
    weight: 2,
  },
  { pattern: /^(ja|nei|jo|yes|no|yeah|nope)\b/iu, weight: 0.5 },
  { pattern: /\b(takk,? doktor|tusen takk|thank you,? doctor|thanks,? doc)\b/iu, weight: 1 },
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(jeg tok|jeg målte|jeg merket|jeg bruker|i took|i noticed|i've been taking)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 1,
  },
];

const INTERPRETER_CUES: Cue[] = [
  {
    pattern:
      /\b(jeg er tolk|tolk i|tolken her|jeg tolker|tolker til|i jeg-form|taushetsplikt|i am the interpreter|i'll interpret|interpreting)\b/iu,
    weight: 5,
  },
];

const PATIENT_PLACEHOLDER =
  /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(svarer på \p{L}+|answers in \p{L}+)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu;

const RELATIVE_CUES: Cue[] = [
  {
    pattern: /\b(han|hun) (har|er|var|hadde|klarer|sover|spiser|drikker|sier|fikk|blir|ble)\b/iu,
    weight: 1.5,
  },
  { pattern: /\b(hans|hennes)\b/iu, weight: 0.5 },
  { pattern: /\b(he|she) (has|is|was|had|says|gets|got)\b/i, weight: 1.5 },
  {
    pattern:
      /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(jeg er (?:mor|moren|far|faren|kona|mannen|datteren|sønnen) (?:hans|hennes|til))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
    weight: 4,
  },
  { pattern: /\b(i'm (?:his|her) (?:wife|husband|mother|father|daughter|son))\b/i, weight: 4 },
];

function score(texts: string[], cues: Cue[]): number {
  let total = 0;
  for (const text of texts) for (const cue of cues) if (cue.pattern.test(text)) total += cue.weight;
  return total;
}

interface Group {
  key: string;
  segments: Segment[];
  doctor: number;
  patient: number;
  interpreter: number;
  relative: number;
  placeholder: number;
  words: number;
}

/**
 * Assigns `lege`, `pasient`, `pårørende` and `tolk` to segments whose role is `annen`, grouping them by
 * their kept label. Returns a new transcript; segments with a known role are untouched.
 */
export function inferSpeakerRoles(transcript: Transcript): Transcript {
  const unknown = transcript.segments.filter((segment) => segment.speaker === 'annen');
  if (unknown.length === 0) return transcript;
  const known = new Set<SpeakerRole>(
    transcript.segments.filter((segment) => segment.speaker !== 'annen').map((segment) => segment.speaker),
  );
  const groups = new Map<string, Group>();
  for (const segment of unknown) {
    const key = segment.label ?? 'annen';
    const group = groups.get(key) ?? {
      key,
      segments: [],
      doctor: 0,
      patient: 0,
      interpreter: 0,
      relative: 0,
      placeholder: 0,
      words: 0,
    };
    group.segments.push(segment);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const texts = group.segments.map((segment) => segment.text);
    group.doctor = score(texts, DOCTOR_CUES) / Math.sqrt(texts.length);
    group.patient = score(texts, PATIENT_CUES) / Math.sqrt(texts.length);
    group.interpreter = score(texts, INTERPRETER_CUES);
    group.relative = score(texts, RELATIVE_CUES) / Math.sqrt(texts.length);
    group.placeholder = texts.filter((text) => PATIENT_PLACEHOLDER.test(text)).length / texts.length;
    group.words = texts.join(' ').split(/\s+/).length;
  }
  const roles = new Map<string, SpeakerRole>();
  const remaining = [...groups.values()];
  const take = (group: Group, role: SpeakerRole): void => {
    roles.set(group.key, role);
    remaining.splice(remaining.indexOf(group), 1);
    known.add(role);
  };
  // interpreter: introduces themself
  const interpreter = [...remaining].sort((left, right) => right.interpreter - left.interpreter)[0];
  if (interpreter && interpreter.interpreter >= 5 && !known.has('tolk')) take(interpreter, 'tolk');
  // doctor: the strongest doctor-minus-patient profile
  if (!known.has('lege') && remaining.length > 0) {
    const doctor = [...remaining].sort(
      (left, right) => right.doctor - right.patient - (left.doctor - left.patient),
    )[0];
    if (doctor) take(doctor, 'lege');
  }
  // patient: an interpreted patient speaks in placeholders; otherwise the strongest first-person profile
  if (!known.has('pasient') && remaining.length > 0) {
    const byPlaceholder = [...remaining].sort((left, right) => right.placeholder - left.placeholder)[0];
    if (byPlaceholder && byPlaceholder.placeholder > 0.2) {
      take(byPlaceholder, 'pasient');
    } else if (remaining.length === 1) {
      const only = remaining[0];
      if (only) take(only, known.has('pårørende') && only.relative > only.patient ? 'pårørende' : 'pasient');
    } else {
      // with a relative present, the relative talks about the patient in the third person
      const patient = [...remaining].sort(
        (left, right) => right.patient - right.relative - (left.patient - left.relative),
      )[0];
      const relative = [...remaining].sort((left, right) => right.relative - left.relative)[0];
      if (patient && relative && patient !== relative) {
        take(patient, 'pasient');
      } else if (patient) {
        take(patient, 'pasient');
      }
    }
  }
  for (const group of remaining) roles.set(group.key, known.has('pasient') ? 'pårørende' : 'pasient');
  return {
    ...transcript,
    segments: transcript.segments.map((segment) => {
      if (segment.speaker !== 'annen') return segment;
      const role = roles.get(segment.label ?? 'annen');
      if (!role) return segment;
      return { ...segment, speaker: role, label: segment.label ?? 'annen' };
    }),
  };
}
