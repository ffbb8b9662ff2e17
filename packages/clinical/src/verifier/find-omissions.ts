/**
 * Omissions: clinically important things said in the consultation that the note leaves out — allergies,
 * red-flag answers, drugs prescribed or stopped, measured values, referrals, sick leave and safety-netting
 * advice. Each comes with its evidence, a suggested statement, the section it belongs in and a stable id.
 * Source for what must be documented: helsepersonelloven § 40 and pasientjournalforskriften § 6 (2019),
 * as summarised in shared/knowledge/norwegian-domain.md §1.3.
 */
import type { Language, Note, Omission } from '@kollega/domain';
import { drugKeysMatch, findDrugMentions } from './drug-names';
import type { OmissionKind } from './lexicon-types';
import type { Quantity } from './quantities';
import { extractQuantities, formatQuantityValue, quantitiesMatch } from './quantities';
import { rewritePhrases } from './text-analysis';
import type { TranscriptIndex, TranscriptUnit } from './transcript-index';
import { capitalizeFirst, foldText, hashText, wordRegExp } from './text-tools';

const CRITICAL: Record<OmissionKind, boolean> = {
  allergy: true,
  'red-flag': true,
  'drug-change': true,
  'measured-value': true,
  referral: true,
  'sick-leave': false,
  'safety-netting': false,
};

type SectionRole = 'history' | 'findings' | 'plan';

const SECTION_BY_KIND: Record<OmissionKind, SectionRole> = {
  allergy: 'history',
  'red-flag': 'history',
  'drug-change': 'plan',
  'measured-value': 'findings',
  referral: 'plan',
  'sick-leave': 'plan',
  'safety-netting': 'plan',
};

const SECTION_IDS: Record<SectionRole, readonly string[]> = {
  history: [
    'aktuelt',
    'anamnese',
    'subjective',
    'history_of_present_illness',
    'review_of_systems',
    'chief_complaint',
  ],
  findings: ['undersokelse', 'objective', 'physical_examination', 'results'],
  plan: ['tiltak', 'plan', 'assessment_and_plan', 'vurdering', 'assessment'],
};

const TEMPLATE_DEFAULTS: Record<string, Record<SectionRole, string>> = {
  fastlege: { history: 'aktuelt', findings: 'undersokelse', plan: 'tiltak' },
  soap: { history: 'subjective', findings: 'objective', plan: 'plan' },
  aci: {
    history: 'history_of_present_illness',
    findings: 'physical_examination',
    plan: 'assessment_and_plan',
  },
};

const COVERED: Record<
  Language,
  Record<Exclude<OmissionKind, 'red-flag' | 'drug-change' | 'measured-value'>, RegExp>
> = {
  nb: {
    allergy: /allergi|allergisk|cave|tålt|tåler|overfølsom|reaksjon/u,
    referral: /henv|henvis|remiss|pakkeforløp|fysioterap|kardiolog|gynekolog|spesialist|poliklin/u,
    'sick-leave': /sykmeld|sykemeld|egenmeld|\bsm\b/u,
    'safety-netting': /kontakt|legevakt|113|ved forverring|øh|116 ?117|ring/u,
  },
  en: {
    allergy: /allerg|nkda|tolerat/u,
    referral:
      /refer|specialist|physical therapy|cardiolog|neurolog|orthoped|dermatolog|surgeon|nutrition|consult/u,
    'sick-leave': /work note|off work|sick leave|out of work|light duty|excuse/u,
    'safety-netting': /call|contact|return|emergency|er\b|911|come back|let me know|reach out/u,
  },
};

const LABEL_TEXT: Record<Language, Record<string, string>> = {
  nb: {
    temperature: 'T',
    pulse: 'Puls',
    'blood-pressure': 'BT',
    'respiratory-rate': 'RF',
    'oxygen-saturation': 'SpO2',
    crp: 'CRP',
    hemoglobin: 'Hb',
    ferritin: 'Ferritin',
    hba1c: 'HbA1c',
    ldl: 'LDL',
    egfr: 'eGFR',
    creatinine: 'Kreatinin',
    potassium: 'K',
    sodium: 'Na',
    tsh: 'TSH',
    t4: 'fritt T4',
    liver: 'ALAT',
    weight: 'Vekt',
    height: 'Høyde',
    phq: 'PHQ-9',
    'pain-score': 'VAS',
    fev1: 'FEV1',
    inr: 'INR',
    glucose: 'Glukose',
    'ejection-fraction': 'EF',
    bmi: 'BMI',
  },
  en: {
    temperature: 'Temperature',
    pulse: 'Heart rate',
    'blood-pressure': 'Blood pressure',
    'respiratory-rate': 'Respiratory rate',
    'oxygen-saturation': 'Oxygen saturation',
    crp: 'CRP',
    hemoglobin: 'Hemoglobin',
    ferritin: 'Ferritin',
    hba1c: 'Hemoglobin A1c',
    ldl: 'LDL',
    egfr: 'eGFR',
    creatinine: 'Creatinine',
    potassium: 'Potassium',
    sodium: 'Sodium',
    tsh: 'TSH',
    t4: 'Free T4',
    liver: 'ALT',
    weight: 'Weight',
    height: 'Height',
    phq: 'PHQ-9',
    'pain-score': 'Pain score',
    fev1: 'FEV1',
    inr: 'INR',
    glucose: 'Glucose',
    'ejection-fraction': 'Ejection fraction',
    bmi: 'BMI',
  },
};

function sectionFor(kind: OmissionKind, note: Note): string {
  const role = SECTION_BY_KIND[kind];
  const present = note.sections.map((section) => section.id);
  const preferred = SECTION_IDS[role].find((id) => present.includes(id));
  if (preferred) return preferred;
  return (
    TEMPLATE_DEFAULTS[note.template]?.[role] ??
    TEMPLATE_DEFAULTS[note.language === 'nb' ? 'fastlege' : 'soap']?.[role] ??
    role
  );
}

const UNIT_TEXT: Record<Language, Partial<Record<string, (value: string) => string>>> = {
  nb: { mass: (value) => value, frequency: (value) => `x ${value}`, time: (value) => `i ${value}` },
  en: {
    mass: (value) => value,
    frequency: (value) => `${value} times daily`,
    time: (value) => `for ${value}`,
  },
};

/** A dose as a GP writes it: "660 mg x 4 i 5 d" (or "660 mg 4 times daily for 5 days"). */
function formatDose(quantities: readonly Quantity[], language: Language): string {
  const parts: string[] = [];
  for (const quantity of quantities) {
    const value = formatQuantityValue(quantity, language);
    if (quantity.family === 'mass') {
      const unit =
        quantity.factor >= 1_000_000
          ? 'kg'
          : quantity.factor >= 1000
            ? 'g'
            : quantity.factor < 1
              ? language === 'nb'
                ? 'mikrogram'
                : 'mcg'
              : 'mg';
      parts.push(`${value} ${unit}`);
    } else if (quantity.family === 'frequency') {
      parts.push(UNIT_TEXT[language].frequency?.(value) ?? value);
    } else if (quantity.family === 'time') {
      const unit =
        quantity.factor >= 365
          ? language === 'nb'
            ? 'år'
            : 'years'
          : quantity.factor >= 30
            ? language === 'nb'
              ? 'mnd'
              : 'months'
            : quantity.factor >= 7
              ? language === 'nb'
                ? 'uker'
                : 'weeks'
              : language === 'nb'
                ? 'd'
                : 'days';
      parts.push(UNIT_TEXT[language].time?.(`${value} ${unit}`) ?? value);
    }
  }
  return parts.join(' ');
}

/** The object of an allergy ("allergisk mot penicillin", "reagerer på plaster", "allergic to sulfa"). */
function allergyObject(text: string): string | undefined {
  const match =
    /(?:allergisk|allergi|reagerer|reagert|tåler ikke|overfølsom|allergic|allergy|reaction)\s+(?:mot|på|for|to)\s+([\p{L}-]{3,})/iu.exec(
      text,
    );
  return match?.[1]?.toLowerCase();
}

function polarityOf(
  unit: TranscriptUnit,
  pattern: RegExp,
  text: string,
): 'negative' | 'positive' | 'unknown' {
  if (unit.isQuestion) return unit.answer ?? 'unknown';
  const match = pattern.exec(text);
  if (!match) return 'positive';
  const before = text.slice(Math.max(0, match.index - 40), match.index);
  return /(?:^|[\s,])(?:ikke|ingen|nei|aldri|uten|no|not|denies|never|without|none)(?:\s+\S+){0,3}\s*$/u.test(
    before,
  )
    ? 'negative'
    : 'positive';
}

interface Candidate {
  kind: OmissionKind;
  content: string;
  text: string;
  suggestion: string;
  evidence: string[];
}

/** Lists what the transcript says that the note should contain but does not. */
export function findOmissions(index: TranscriptIndex, note: Note): Omission[] {
  const compiled = index.compiled;
  const language = compiled.language;
  const patterns = compiled.lexicon.omissionPatterns;
  const noteText = note.sections
    .flatMap((section) => section.statements.map((statement) => statement.text))
    .join(' \n ');
  const noteLower = foldText(noteText);
  const noteRewritten = rewritePhrases(noteText, compiled);
  const noteQuantities = extractQuantities(noteText, language);
  const noteDrugs = findDrugMentions(noteText, compiled.lexicon);
  const candidates: Candidate[] = [];
  const nb = language === 'nb';

  for (const unit of index.units) {
    const lower = foldText(unit.text);
    const rewritten = rewritePhrases(unit.text, compiled);
    const relativeShare =
      unit.subjects.filter((subject) => subject === 'relative').length / Math.max(1, unit.subjects.length);
    if (relativeShare > 0.5) continue;
    const answer = unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
    const evidence = [...new Set([unit.segmentId, ...(answer ? [answer.segmentId] : [])])];

    // Allergies, asked or told.
    const allergyPattern = wordRegExp(patterns.allergy);
    if (allergyPattern.test(lower) && !unit.hypothetical && (unit.speaker !== 'lege' || unit.isQuestion)) {
      const polarity = unit.isQuestion
        ? (unit.answer ?? 'unknown')
        : polarityOf(unit, new RegExp(allergyPattern.source, 'iu'), lower);
      if (polarity !== 'unknown') {
        const drugs = [...unit.drugs, ...(answer?.drugs ?? [])].filter((drug) => !drug.isClass);
        const drugName =
          polarity === 'positive'
            ? (drugs[0]?.text.toLowerCase() ?? allergyObject(`${unit.text} ${answer?.text ?? ''}`))
            : undefined;
        const suggestion =
          polarity === 'negative'
            ? nb
              ? 'Ingen kjente legemiddelallergier.'
              : 'No known drug allergies.'
            : nb
              ? `CAVE: allergi${drugName ? ` mot ${drugName}` : ''}.`
              : `Allergy${drugName ? ` to ${drugName}` : ''}.`;
        if (polarity === 'positive' && !drugName) continue;
        candidates.push({
          kind: 'allergy',
          content: `${polarity}|${drugName ?? ''}`,
          text: suggestion,
          suggestion,
          evidence,
        });
      }
    }

    // Red-flag questions and answers.
    if (!unit.hypothetical && (unit.isQuestion || unit.speaker !== 'lege')) {
      for (const flag of compiled.lexicon.redFlags) {
        const flagPattern = wordRegExp(`[\\p{L}]*(?:${flag.pattern})[\\p{L}]*`);
        if (!flagPattern.test(rewritten)) continue;
        const polarity = unit.isQuestion
          ? (unit.answer ?? 'unknown')
          : polarityOf(unit, new RegExp(flagPattern.source, 'iu'), rewritten);
        if (polarity === 'unknown') continue;
        const suggestion =
          polarity === 'negative'
            ? nb
              ? `Ingen ${flag.text}.`
              : `Denies ${flag.text}.`
            : capitalizeFirst(`${flag.text}.`);
        candidates.push({
          kind: 'red-flag',
          content: `${flag.text}|${polarity}`,
          text: suggestion,
          suggestion,
          evidence,
        });
      }
    }

    if (unit.speaker === 'lege' && !unit.isQuestion) {
      // Drugs prescribed, changed or stopped.
      if (!unit.hypothetical && wordRegExp(patterns['drug-change']).test(rewritten)) {
        for (const drug of unit.drugs) {
          if (drug.isClass || drug.subject === 'relative') continue;
          const doses = unit.quantities.filter(
            (quantity) =>
              quantity.family === 'mass' || quantity.family === 'frequency' || quantity.family === 'time',
          );
          const dose = formatDose(doses, language);
          const suggestion = capitalizeFirst(`${drug.text.toLowerCase()}${dose === '' ? '' : ` ${dose}`}.`);
          candidates.push({
            kind: 'drug-change',
            content: drug.key,
            text: suggestion,
            suggestion,
            evidence: [unit.segmentId],
          });
        }
      }
      // Measured values dictated by the doctor.
      if (!unit.hypothetical) {
        for (const quantity of unit.quantities) {
          if (!quantity.label || quantity.subject === 'relative' || quantity.label === 'pain-score') continue;
          const label = LABEL_TEXT[language][quantity.label] ?? quantity.label;
          const suggestion = `${label} ${formatQuantityValue(quantity, language)}${quantity.family === 'percent' ? ' %' : ''}.`;
          candidates.push({
            kind: 'measured-value',
            content: `${quantity.label}|${formatQuantityValue(quantity, 'en')}`,
            text: suggestion,
            suggestion,
            evidence: [unit.segmentId],
          });
        }
      }
      if (!unit.hypothetical && wordRegExp(patterns.referral).test(rewritten)) {
        const target = wordRegExp(patterns.referral).exec(rewritten)?.[0] ?? '';
        const destination =
          /(?:henvis\w*|henvisning|refer\w*|send\w* (?:deg|you))\s+(?:deg\s+|you\s+)?(?:til|to)\s+([^.,;?]{3,60})/iu
            .exec(unit.text)?.[1]
            ?.trim();
        const suggestion = nb ? `Henv. ${destination ?? target}.` : `Referred to ${destination ?? target}.`;
        candidates.push({
          kind: 'referral',
          content: foldText(target),
          text: suggestion,
          suggestion,
          evidence: [unit.segmentId],
        });
      }
      if (wordRegExp(patterns['sick-leave']).test(rewritten)) {
        const percent = unit.quantities.find((quantity) => quantity.family === 'percent');
        const period = unit.quantities.find((quantity) => quantity.family === 'time');
        const amounts = [
          percent ? `${formatQuantityValue(percent, language)} %` : '',
          period ? formatDose([period], language) : '',
        ]
          .filter((part) => part !== '')
          .join(' ');
        const suggestion = nb
          ? `Sykmeldt ${amounts}.`.replace(/ \./, '.')
          : `Work note ${amounts}.`.replace(/ \./, '.');
        candidates.push({
          kind: 'sick-leave',
          content: amounts,
          text: suggestion,
          suggestion,
          evidence: [unit.segmentId],
        });
      }
      if (new RegExp(patterns['safety-netting'], 'iu').test(lower)) {
        const suggestion = nb
          ? 'Info om ny kontakt / legevakt ved forverring.'
          : 'Advised to return or seek care if worse.';
        candidates.push({
          kind: 'safety-netting',
          content: 'safety-netting',
          text: suggestion,
          suggestion,
          evidence: [unit.segmentId],
        });
      }
    }
  }

  const omissions = new Map<string, Omission>();
  for (const candidate of candidates) {
    if (isCovered(candidate, { noteLower, noteRewritten, noteQuantities, noteDrugs, language, index }))
      continue;
    const id = `omission-${candidate.kind}-${hashText(`${candidate.kind}|${foldText(candidate.content)}`)}`;
    const existing = omissions.get(id);
    if (existing) {
      existing.evidence = [...new Set([...existing.evidence, ...candidate.evidence])];
      continue;
    }
    omissions.set(id, {
      id,
      kind: candidate.kind,
      text: candidate.text,
      suggestion: candidate.suggestion,
      sectionId: sectionFor(candidate.kind, note),
      evidence: candidate.evidence,
      critical: CRITICAL[candidate.kind],
    });
  }
  return [...omissions.values()];
}

function isCovered(
  candidate: Candidate,
  context: {
    noteLower: string;
    noteRewritten: string;
    noteQuantities: Quantity[];
    noteDrugs: ReturnType<typeof findDrugMentions>;
    language: Language;
    index: TranscriptIndex;
  },
): boolean {
  switch (candidate.kind) {
    case 'allergy':
    case 'referral':
    case 'sick-leave':
    case 'safety-netting':
      return COVERED[context.language][candidate.kind].test(context.noteLower);
    case 'red-flag': {
      const flag = context.index.compiled.lexicon.redFlags.find((entry) =>
        candidate.content.startsWith(`${entry.text}|`),
      );
      return flag !== undefined && new RegExp(flag.pattern, 'u').test(context.noteRewritten);
    }
    case 'drug-change':
      return context.noteDrugs.some((drug) => drugKeysMatch(drug.key, candidate.content));
    case 'measured-value': {
      const [label, value] = candidate.content.split('|');
      return (
        context.noteQuantities.some(
          (quantity) =>
            (!quantity.label || quantity.label === label) && formatQuantityValue(quantity, 'en') === value,
        ) ||
        context.noteQuantities.some((quantity) => {
          const probe = extractQuantities(value ?? '', 'en')[0];
          return probe !== undefined && quantitiesMatch(probe, quantity);
        })
      );
    }
  }
}
