import type { Language } from '@kollega/domain';
import { lexiconFor } from '../language/index';
import { findDrugMentions } from '../language/drugs';
import { findMeasurements } from '../language/measurements';
import { wordPattern, wordsOf } from '../language/text';

/**
 * Sentence-level vocabulary tests shared by the fact extractor: is a sentence clinical, what does a
 * doctor's sentence do (examine, assess, plan), who is it about. General vocabulary only.
 */

const STEM_SETS = new Map<Language, Set<string>>();

function stemSet(language: Language): Set<string> {
  let set = STEM_SETS.get(language);
  if (!set) {
    set = new Set(lexiconFor(language).clinicalStems.map((stem) => stem.toLowerCase()));
    STEM_SETS.set(language, set);
  }
  return set;
}

const LONG_STEMS = new Map<Language, string[]>();
const WORD_MEMO = new Map<string, boolean>();

/**
 * True when a word starts with a clinical stem, or (Norwegian compounds) holds a longer clinical stem
 * inside it ("bihulebetennelse", "halsinfeksjon").
 */
export function isClinicalWord(word: string, language: Language): boolean {
  const lower = word.toLowerCase();
  const key = `${language}|${lower}`;
  const memo = WORD_MEMO.get(key);
  if (memo !== undefined) return memo;
  const set = stemSet(language);
  let found = set.has(lower);
  for (let length = Math.min(lower.length, 16); !found && length >= 3; length -= 1) {
    if (set.has(lower.slice(0, length))) found = true;
  }
  if (!found && language === 'nb' && lower.length >= 8) {
    let long = LONG_STEMS.get(language);
    if (!long) {
      long = [...set].filter((stem) => stem.length >= 5);
      LONG_STEMS.set(language, long);
    }
    found = long.some((stem) => lower.includes(stem, 2));
  }
  if (WORD_MEMO.size > 20000) WORD_MEMO.clear();
  WORD_MEMO.set(key, found);
  return found;
}

/** Stems that are clinical context but not symptoms or findings (work, habits, medicines). */
const NON_SYMPTOM_STEMS: Record<Language, RegExp> = {
  nb: /^(?:jobb|arbeid|studer|skole|barnehage|røyk|snus|alkohol|øl|vin|pils|sykmeld|medisin|tablett|resept|dose|milligram|mg|mikrogram|gram|kur|brukt|bruker|drikker|spiser|sover|trener)/u,
  en: /^(?:work|job|school|smok|cigarette|alcohol|drink|beer|wine|medic|pill|tablet|dose|mg|prescri|refill)/u,
};

/** Number of clinical words that name a symptom, body part or finding (not work, habits or medicines). */
export function countSymptomWords(text: string, language: Language): number {
  return wordsOf(text).filter(
    (word) => isClinicalWord(word, language) && !NON_SYMPTOM_STEMS[language].test(word),
  ).length;
}

/** Number of clinical words in a text. */
export function countClinicalWords(text: string, language: Language): number {
  return wordsOf(text).filter((word) => isClinicalWord(word, language)).length;
}

/** True when a sentence carries clinical content: a clinical word, a number with a unit, or a drug. */
export function isClinicalSentence(text: string, language: Language): boolean {
  if (countClinicalWords(text, language) > 0) return true;
  if (/\d/.test(text) && /\d+\s*(?:mg|g|mikrogram|kg|%|prosent|grader|mmol|cm)\b/iu.test(text)) return true;
  return findDrugMentions(text).length > 0;
}

/** Diagnoses and assessment terms (suffixes and names), Norwegian and English. */
const DIAGNOSIS: Record<Language, RegExp> = {
  nb: /(?:itt|itten|itis|oser?|emi|pati|algi|syndrom|sykdom|betennelse|infeksjon|skade|brudd|fraktur|forverring|mangel|kreft|svulst|tumor|prolaps|migrene|hodepine|depresjon|angst|astma|kols|diabetes|hypertensjon|hypotensjon|flimmer|infarkt|slag|allergi|eksem|impetigo|erysipelas|pneumoni|isjias|lumbago|obstipasjon|forstoppelse|virus|viral|bakteriell|centor|score|forkjølelse|influensa|covid|borreli\p{L}*|erythema|migrans|stress|belastning|overforbruk|tegnene|kriteriene|katarr|hekseskudd|forstuing|strekk|cøliaki|epilepsi|demens|alzheimer|parkinson|psoriasis|gikt|polypp|polypper|blodpropp|emboli|aneurisme|schizofreni|bipolar|adhd|autisme|angina|hjertesvikt|streptokokker|streptokokk|kokker|bakterier|sopp|menisk|menisken|meniskskade|korsbånd|hjerneslag|drypp|brennkopper|impetigo|rosen|helvetesild|vannkopper|kusma|meslinger|borreliose|flåttbitt)(?:en|er|ene)?$/iu,
  en: /(?:itis|osis|emia|pathy|algia|syndrome|disease|infection|injury|fracture|strain|sprain|tear|failure|cancer|tumor|mass|migraine|depression|anxiety|asthma|copd|diabetes|hypertension|fibrillation|infarction|stroke|allergy|eczema|pneumonia|radiculopathy|neuropathy|arthritis|reflux|gerd|obesity|deficiency|exacerbation|disorder|dysfunction|insufficiency|hyperlipidemia|hypothyroidism|lesion|nodule|cyst|hernia|stenosis|bursitis|tendonitis|concussion|gout)$/i,
};

/** Generic words that count as an assessment term but name no particular diagnosis. */
const GENERIC_DIAGNOSIS =
  /^(?:infeksjon\p{L}*|betennelse\p{L}*|sykdom\p{L}*|skade\p{L}*|tegnene|kriteriene|stress|score|infection|disease|injury)$/iu;

/** True when the text names a particular diagnosis ("impetigo", "lungebetennelse"), not just "infeksjon". */
export function hasSpecificDiagnosis(text: string, language: Language): boolean {
  return wordsOf(text).some(
    (word) => word.length >= 6 && DIAGNOSIS[language].test(word) && !GENERIC_DIAGNOSIS.test(word),
  );
}

/** True when the text names a diagnosis or an assessment term. */
export function hasDiagnosisTerm(text: string, language: Language): boolean {
  return wordsOf(text).some((word) => word.length >= 6 && DIAGNOSIS[language].test(word));
}

/** What a doctor's (non-question) sentence does. */
export type DoctorSentenceKind =
  'instruction' | 'examination' | 'results' | 'assessment' | 'plan' | 'history' | 'other';

const INSTRUCTION: Record<Language, RegExp> = {
  nb: wordPattern(
    '^(?:(?:ja|ok|okei|så|da|og|nå|bra|fint|flott),? )*(?:pust|gap|si|legg|sett|reis|gå|stå|løft|bøy|strekk|se på|se opp|kan du|prøv å|hold|slapp av|ta av|åpne|lukk|hoste|host|press|trykk|klem|snu|vend|la oss|da skal vi|nå skal jeg|jeg skal bare|jeg skal|jeg må bare|jeg vil bare|jeg vil også|jeg lytter|jeg kjenner på|jeg tar en titt|kom|vent)',
    'iu',
  ),
  en: wordPattern(
    "^(?:(?:okay|ok|alright|all right|so|now|and|good|great|well|hey|um|uh),? )*(?:show me|please use|please|hey dragon|dragon|i want to (?:go ahead and )?(?:do|take|examine|listen|look|check)|i'm going to (?:go ahead and )?(?:do|take) (?:a|your)|take a deep breath|breathe|open|say|lie|lay|sit|stand|walk|push|pull|squeeze|look|follow|let me|let's|i'm going to (?:examine|listen|take a look|press|have you)|i am going to (?:examine|listen|take a look|press|have you)|go ahead and|can you|could you|hold)",
    'iu',
  ),
};

const PLAN: Record<Language, RegExp> = {
  nb: wordPattern(
    'resept|antibiotika|penicillin|beskjed|hjemmesykepleie\\p{L}*|multidose\\p{L}*|oppdater\\p{L}*|se (?:deg|dere|henne|ham|han|hun) igjen|ser (?:deg|dere|henne|ham) igjen|ses igjen|ny avtale|\\p{L}*time om|(?:du|han|hun|dere) bør|kontakt|ganger i døgnet|ganger per dag|kan (?:hun|han|du) gå (?:i|på|tilbake)|behandle\\p{L}*|ringer meg|ring meg|slutte å røyke|røykeslutt|skriv\\p{L}* ut|henvis\\p{L}*|henv\\.|sykmeld\\p{L}*|egenmeld\\p{L}*|kontroll|vi ses|ny time|ses igjen|blodprøve\\p{L}*|ny prøve|urinprøve\\p{L}*|dyrkning|ta kontakt|kontakte|legevakt\\p{L}*|113|116 ?117|anbefal\\p{L}*|råd\\p{L}*|bør du|du bør|unngå|fortsett\\p{L}*|slutte med|seponer\\p{L}*|trapp\\p{L}* ned|reduser\\p{L}*|øke\\p{L}*|starte\\p{L}*|begynne med|du får|du kan ta|du kan bruke|du kan prøve|ved behov|hvis du|dersom|om det ikke|bestill\\p{L}*|vaksine\\p{L}*|røntgen|MR|CT|ultralyd|fysioterap\\p{L}*|hvile|dagbok|maks|tablett\\p{L}*|kur|ganger daglig|ganger om dagen|x \\d',
    'iu',
  ),
  en: wordPattern(
    "prescri\\p{L}*|refill|refer\\p{L}*|follow[- ]?up|come back|see you (?:back|again|in)|schedule|order\\p{L}*|get (?:a|an|some) (?:x-ray|mri|ct|ultrasound|blood|labs?)|blood work|labs?|x-ray|mri|ct scan|ultrasound|echo\\p{L}*|physical therapy|therapy|recommend\\p{L}*|advise\\p{L}*|continue|stop|start|increase|decrease|go ahead and|i want you to|you should|make sure|avoid|call (?:me|us|the office)|emergency|er|brace|injection|shot|surgery|medication|mg|twice a day|once a day|daily|as needed|i'm going to|i am going to|we're going to|we will|i'll|i will|plan",
    'iu',
  ),
};

/** A safety-net instruction anywhere in the sentence ("…: hvis du får X, må du ringe 113"). */
const SAFETY_NET: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:hvis|dersom|om) (?:du|dere|det|han|hun|sårene|\\p{L}+)\\b.{0,160}\\b(?:kontakt|ringe|ring|ringer|legevakt\\p{L}*|113|kontakte)',
    'iu',
  ),
  en: wordPattern(
    'if (?:you|it|things|the|your)\\b.{0,160}\\b(?:call|come back|go to the (?:er|emergency)|emergency|911|let (?:me|us) know|reach out)',
    'iu',
  ),
};

/** An assessment inside a longer sentence ("…, tror jeg du har lungebetennelse"). */
export const ASSESSMENT_INSIDE: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:høres|ser) (?:mer )?ut (?:som|til å være)|passer (?:\\p{L}+ ){0,2}med|tyder på|(?:tror|mener|tenker) jeg (?:at )?(?:du har|det er|dette er)|jeg (?:tror|mener|tenker) (?:at )?(?:du har|det er|dette er)|du har (?:sannsynligvis|nok|trolig|antakelig)|det (?:er|dreier seg) (?:sannsynligvis|nok|trolig|antakelig) (?:om )?',
    'iu',
  ),
  en: wordPattern(
    "i think (?:that )?(?:you have|this is|it is|it's)|you (?:probably|likely) have|this is (?:most likely|likely|probably)",
    'iu',
  ),
};

/** Advice given as an imperative ("Bløt opp skorpene …", "Drikk godt", "Unngå NSAID"). */
const ADVICE_IMPERATIVE: Record<Language, RegExp> = {
  nb: /^(?:(?:og|så|da|nå|etterpå),?\s+)*(?:bløt|vask|smør|klipp|drikk|unngå|hev|kutt|spis|tren|følg|bruk|gi|hold deg|skyll|rens|kjøp|øk|reduser|pass på|husk|fortsett|slutt|start|begynn|ta (?:tablett|medisin|\d|én|en |to )|sørg for)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu,
  en: /^(?:(?:and|so|now|then),?\s+)*(?:drink|avoid|elevate|apply|wash|keep|use|take (?:the|your|it|one|two|\d)|continue|stop|start|try|make sure|ice|rest)\b/iu,
};

/** "Vi har fått blodprøvene dine": an announcement of results, not a result. */
const RESULTS_INTRO: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:vi|jeg) (?:har )?(?:fått|fikk|tok|har tatt) (?:\\p{L}+ ){0,2}(?:blodprøve\\p{L}*|prøvesvar\\p{L}*|svar\\p{L}*)|nå skal jeg fortelle',
    'iu',
  ),
  en: wordPattern('(?:we|i) (?:got|have|received) (?:your|the) (?:results|labs|blood work)', 'iu'),
};

/** Words that make a drug mention a prescription or a change, not a medication list. */
const PRESCRIPTION_CHANGE: Record<Language, RegExp> = {
  nb: wordPattern(
    'resept|e-resept|bruker (?:vi )?(?:helst )?ikke|ikke lenger|halver\\p{L}*|kutt\\p{L}*|slutter vi|skriv\\p{L}* ut|du får|får du|start\\p{L}*|begynn\\p{L}*|øk\\p{L}*|reduser\\p{L}*|sett\\p{L}* ned|seponer\\p{L}*|slutt\\p{L}*|trapp\\p{L}*|fortsett\\p{L}*|bytt\\p{L}*|i stedet|vurdere|vurderer|kan du (?:ta|bruke|gi)|du kan (?:ta|bruke|gi|fortsette)|gi |ta |legge til|tillegg|fornye\\p{L}*|fornyer|skal (?:ha|få|ta|bruke)|vent\\p{L}* med|avvent\\p{L}*|maks|inntil|ved behov|i \\d+ (?:dager|uker|måneder)|kur',
    'iu',
  ),
  en: wordPattern(
    "prescri\\p{L}*|start\\p{L}*|increase|decrease|stop|continue|switch|refill|take|i'm going to|i am going to|we'll|we will|i want you to|as needed",
    'iu',
  ),
};

/** A test or imaging planned for later ("røntgen om 6 uker", "vi tar nye blodprøver"). */
const FUTURE_TEST: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:vil jeg at du tar|(?:jeg|vi) (?:vil|skal)(?: også)? ta|skal ta|tar vi|vi tar|bestiller|jeg bestiller|ny|nye|nytt) (?:\\p{L}+ ){0,2}(?:røntgen\\p{L}*|blodprøve\\p{L}*|prøve\\p{L}*|MR|CT|ultralyd|EKG|urinprøve)|(?:røntgen\\p{L}*|blodprøve\\p{L}*|prøver|MR|CT|ultralyd)(?: \\p{L}+){0,4} om \\d+ (?:uker|dager|d|måneder|mnd)',
    'iu',
  ),
  en: wordPattern(
    "(?:i'm going to|i am going to|we'll|we will|let's|i'd like to|i want to) (?:go ahead and )?(?:order|get|schedule|repeat)",
    'iu',
  ),
};

const ASSESSMENT_OPENER: Record<Language, RegExp> = {
  nb: wordPattern(
    '^(?:(?:ja|ok|okei|så|da|og|men|nei),? )*(?:du har|det er (?:nok |sannsynligvis |trolig |mest sannsynlig |helt klart |tydelig )?|dette er|det ser (?:mer )?ut (?:som|til)|jeg tror|jeg mener|jeg tenker|det virker som|det passer|det tyder på|det dreier seg om|mest sannsynlig|sannsynligvis|trolig|mistanke om|jeg mistenker|jeg er bekymret for|det kan være|det høres ut som|vurderingen min|min vurdering)|(?:ingen|ikke|uten) (?:tegn|holdepunkt\\p{L}*|mistanke)|(?:ingenting|ikke noe) som tyder|ingen røde flagg|ingen tegn på noe farlig',
    'iu',
  ),
  en: wordPattern(
    'i think (?:you|this|it|that)|i suspect|it (?:looks|sounds|seems) like|this is (?:most likely|likely|probably|consistent)|you have|most likely|my impression|my assessment|consistent with|concerning for|suspicious for|(?:no|not) (?:sign|evidence) of|diagnos\\p{L}*|impression',
    'iu',
  ),
};

const EXAMINATION: Record<Language, RegExp> = {
  nb: wordPattern(
    'ua\\.?|\\p{L}*ømhet|\\p{L}+øm|\\p{L}*hevelse|\\p{L}*ødem\\p{L}*|klar og orientert|våken og klar|orientert|velstelt|god kontakt|stemningsleie|affekt|psykose|psykotisk\\p{L}*|logisk|tankegang|våken|upåvirket|medtatt|allmenntilstand\\p{L}*|rød|rødt|røde|rødme|hoven|hovent|hovne|hevelse|øm|ømt|ømme|ømhet|uøm|belegg|bulende|fin|fine|normal|normale|normalt|bløt|myk|stiv|nedsatt|svekket|økt|positiv|negativ|pos\\.|neg\\.|bilyd\\p{L}*|krepitasjon\\p{L}*|knatrelyd\\p{L}*|pipelyd\\p{L}*|sekret|puss|erytem|utslett|lesjon\\p{L}*|skorpe\\p{L}*|væske|klikk|stabil\\p{L}*|reflekse?r?\\p{L}*|kraften|kraft i|kraft lik|normal kraft|nedsatt kraft|sensibilitet|bevegelighet|fleksjon|ekstensjon|like|symmetrisk\\p{L}*|regelmessig|uregelmessig|blek|varm|grader|centimeter|cm|diameter|perforasjon|lysrefleks|midtstilt|forstørr\\p{L}*|palpabel|palpable|lyder|slimhinne\\p{L}*|ødem\\p{L}*|avgrens\\p{L}*|hevet|hovne|grå|matt',
    'iu',
  ),
  en: wordPattern(
    'tender\\p{L}*|swollen|swelling|edema|erythema|effusion|clear|normal|murmur|rales|crackles|wheez\\p{L}*|rhonchi|range of motion|strength|reflexes|sensation|intact|palpat\\p{L}*|ecchymosis|bruising|positive|negative|regular rate|rhythm|distress|auscultation|bilaterally|appreciate|exam|lesion|rash|warm|soft|nontender|non-tender|distended|supple|lymphadenopathy|pulses|gait|lungs|heart',
    'iu',
  ),
};

const RESULTS: Record<Language, RegExp> = {
  nb: wordPattern(
    'blodprøve\\p{L}*|prøvesvar\\p{L}*|svarene|lab|EKG(?:-\\p{L}+)?|røntgen\\p{L}*|spirometri\\p{L}*|CRP|Hb|HbA1c|ferritin\\p{L}*|TSH|LDL|kreatinin\\p{L}*|eGFR|natrium|kalium|ALAT|D-vitamin\\p{L}*|hemoglobin\\p{L}*|blodprosent\\p{L}*|urinstix|stix|hurtigtest|strep a|streptokokktest',
    'iu',
  ),
  en: wordPattern(
    'x-ray|xray|mri|ct|ultrasound|echo\\p{L}*|ekg|ecg|labs?|blood work|bloodwork|results?|a1c|hemoglobin|cholesterol|ldl|creatinine|urinalysis|biopsy|imaging|scan|shows|showed|revealed|demonstrat\\p{L}*',
    'iu',
  ),
};

const DOCTOR_HISTORY: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:du har|du hadde|du bruker|du brukte|du tar|du fikk|du var)(?:(?: \\p{L}+){0,6}) (?:fra før|tidligere|i fjor|sist|forrige|for \\d+ (?:år|måneder|uker) siden)|(?:i fjor|sist|tidligere|forrige \\p{L}+) viste|\\p{L}+ har du ikke|du har ikke|du bruker ikke|du røyker ikke|^(?:(?:ok|ja|greit),? )?så (?:ikke|ingen|du har|du er)|du har målt|du har (?:hatt )?(?:kjent )?\\p{L}+ (?:i|siden) ',
    'iu',
  ),
  en: wordPattern(
    "you (?:have|had) (?:a )?(?:history|past medical history)|history of|past medical history|i see (?:that )?you|looks like you (?:have|had)|you're on|you are on|you take",
    'iu',
  ),
};

/** Classifies a doctor's statement (not a question). */
export function classifyDoctorSentence(text: string, language: Language): DoctorSentenceKind {
  const lower = text.toLowerCase();
  const conditional =
    language === 'nb' ? /^(?:og |men |så )?(?:hvis|dersom|om) /iu : /^(?:and |but |so )?if /i;
  if (conditional.test(lower) && PLAN[language].test(lower)) return 'plan';
  if (SAFETY_NET[language].test(lower)) return 'plan';
  if (ASSESSMENT_INSIDE[language].test(lower) && hasDiagnosisTerm(lower, language)) return 'assessment';
  const noSignOf =
    /(?:ingen|ikke|no|not) (?:tegn|holdepunkt\p{L}*|sign|evidence) (?:til|på|for|of) (?!det(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|dette(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|that(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|this(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|it(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))|røde flagg|noe farlig|noe alvorlig/iu.test(
      lower,
    );
  if (ASSESSMENT_OPENER[language].test(lower) && (hasDiagnosisTerm(lower, language) || noSignOf)) {
    if (!/\b(?:resept|skriver ut|henvis|prescribe|refer)\b/iu.test(lower)) return 'assessment';
  }
  // reported values are results, whatever else the sentence says ("blodprøvene: natrium er 131")
  if (
    RESULTS[language].test(lower) &&
    findMeasurements(text, language).length > 0 &&
    !FUTURE_TEST[language].test(lower)
  )
    return 'results';
  if (RESULTS_INTRO[language].test(lower) && !/\d/.test(lower)) return 'other';
  const drugs = findDrugMentions(text).length > 0;
  if (
    drugs &&
    !PRESCRIPTION_CHANGE[language].test(lower) &&
    !/\b(?:hvis|om|dersom|if)\b/iu.test(lower) &&
    /\d/.test(lower)
  )
    return 'history';
  if (
    PLAN[language].test(lower) &&
    (drugs ||
      !EXAMINATION[language].test(lower) ||
      /\b(?:resept|henvis|sykmeld|kontroll|ta kontakt|legevakt|113|prescri|refer|follow up)/iu.test(lower))
  ) {
    if (!INSTRUCTION[language].test(lower) || findDrugMentions(text).length > 0) return 'plan';
  }
  if (ADVICE_IMPERATIVE[language].test(lower)) return 'plan';
  const afterInstruction = lower
    .replace(INSTRUCTION[language], '')
    .replace(/(?:a |your )?(?:quick )?(?:physical )?(?:exam|examination|look|listen)\b/giu, '');
  if (
    INSTRUCTION[language].test(lower) &&
    !/\d/.test(lower) &&
    !EXAMINATION[language].test(afterInstruction)
  ) {
    return 'instruction';
  }
  if (DOCTOR_HISTORY[language].test(lower)) return 'history';
  if (FUTURE_TEST[language].test(lower)) return 'plan';
  if (
    RESULTS[language].test(lower) &&
    /\d|positiv|negativ|normal|pos\.|neg\.|ua\.|viser|showed|shows|revealed|demonstrat/iu.test(lower)
  )
    return 'results';
  if (findDrugMentions(text).length > 0 && !EXAMINATION[language].test(lower))
    return PRESCRIPTION_CHANGE[language].test(lower) ? 'plan' : 'history';
  if (EXAMINATION[language].test(lower)) return 'examination';
  if (ASSESSMENT_OPENER[language].test(lower) && hasDiagnosisTerm(lower, language)) return 'assessment';
  return 'other';
}

/** The subject of a sentence: the patient, a blood relative (family history) or another person. */
export type SentenceSubject = 'patient' | 'relative' | 'other';

const PERSON_PATTERNS = new Map<
  Language,
  { relative: RegExp; other: RegExp; firstPerson: RegExp; thirdPerson: RegExp }
>();

function personPatterns(language: Language): {
  relative: RegExp;
  other: RegExp;
  firstPerson: RegExp;
  thirdPerson: RegExp;
} {
  let patterns = PERSON_PATTERNS.get(language);
  if (!patterns) {
    const lexicon = lexiconFor(language);
    patterns = {
      relative: wordPattern(lexicon.bloodRelatives, 'iu'),
      other: wordPattern(lexicon.otherPeople, 'iu'),
      firstPerson: wordPattern(lexicon.firstPerson, 'iu'),
      thirdPerson: wordPattern(
        `^(?:(?:og|men|så|and|but|so|ja|nei|yes|no),? )*(?:${lexicon.thirdPersonPronouns})`,
        'iu',
      ),
    };
    PERSON_PATTERNS.set(language, patterns);
  }
  return patterns;
}

/**
 * Who a patient's sentence is about. A relative or other person named before the first "jeg"/"I"
 * (or in "det er X som …") is the subject; a sentence opening with "han/hun" continues the
 * previous subject.
 */
export function detectSubject(text: string, language: Language, previous: SentenceSubject): SentenceSubject {
  const patterns = personPatterns(language);
  const lower = text.toLowerCase();
  const relativeMatch = patterns.relative.exec(lower);
  const otherMatch = patterns.other.exec(lower);
  const firstPersonMatch = patterns.firstPerson.exec(lower);
  const firstPersonAt = firstPersonMatch ? firstPersonMatch.index : Number.POSITIVE_INFINITY;
  const personAt = Math.min(
    relativeMatch?.index ?? Number.POSITIVE_INFINITY,
    otherMatch?.index ?? Number.POSITIVE_INFINITY,
  );
  const isRelative =
    (relativeMatch?.index ?? Number.POSITIVE_INFINITY) <= (otherMatch?.index ?? Number.POSITIVE_INFINITY);
  const cleft =
    language === 'nb' ? /\bdet (?:er|var) (?:\p{L}+ ){0,2}(?:som)\b/iu : /\bit's (?:my )?\p{L}+ who\b/iu;
  if (personAt < Number.POSITIVE_INFINITY) {
    const possessiveOwn = language === 'nb' ? /\b(?:min|mitt|mine)\b/iu : /\bmy\b/i;
    const personFirst =
      personAt < firstPersonAt || (possessiveOwn.test(lower) && personAt <= firstPersonAt + 8);
    if (personFirst || cleft.test(lower)) {
      // "jeg fikk det av kona" keeps the patient as subject: the person must come first
      const verbAfterPerson =
        language === 'nb'
          ? /^(?:\p{L}+ ){0,3}(?:har|hadde|fikk|er|var|måtte|ble|har hatt|døde|sliter|bruker|tok)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu
          : /^(?:\p{L}+ ){0,3}(?:has|had|got|is|was|died|passed|takes|took|suffers)\b/iu;
      const rest = lower.slice(personAt);
      const opensSentence = /^(?:(?:ja|nei|og|men|så|altså|yes|no|and|but|so),?\s+)*$/iu.test(
        lower.slice(0, personAt),
      );
      if (opensSentence || verbAfterPerson.test(rest.replace(/^[\p{L}]+\s*/u, '')) || cleft.test(lower))
        return isRelative ? 'relative' : 'other';
    }
  }
  if (firstPersonAt < Number.POSITIVE_INFINITY) return 'patient';
  if (previous !== 'patient' && patterns.thirdPerson.test(lower)) return previous;
  return 'patient';
}
