/**
 * The triage vocabulary: named concepts (symptoms, body parts, qualifiers, modifiers) as data.
 *
 * Term syntax: a string lists alternative phrases separated by "|"; a phrase is words separated by spaces.
 * - "*" is a wildcard inside a word ("smert*", "bryst*smert*"); a lone "*" is any one word;
 * - a leading "=" forbids typo tolerance for that word;
 * - "ikke"/"not" also match an inability negation ("klarer ikke", "can't"), written `_unable_`;
 * - "#num" matches a number;
 * - up to one unrelated word may sit between two words of a phrase ("vondt i [hele] brystet").
 * Words are compared after normalisation (lower case, dialect mapped to Bokmål, ø→o, æ→ae, å→a) and
 * tolerate typos scaled to the word's length (see fuzzy-match.ts).
 *
 * `near` builds a concept from others found close together in one sentence: `all` lists concept references
 * ("@pain") or inline phrase lists ("bryst|brystet"), `window` is the largest distance in words.
 * `include` adds the hits of other concepts (for example measured temperatures to `fever`).
 *
 * Sources: the wording follows norwegian-domain.md §3 (NIMN 4th ed. 2018 trigger patterns, helsenorge.no
 * "Når skal du ringe 113") and everyday Norwegian/English patient language [GK].
 */

/** A concept found near other concepts; see the file comment. */
export interface NearDefinition {
  all: readonly string[];
  window: number;
  /** Require one clause (no comma or "men" between), not just one sentence. */
  sameClause?: boolean;
}

/** A named concept of the triage vocabulary; see the file comment for the term syntax. */
export interface ConceptDefinition {
  terms?: readonly string[];
  near?: readonly NearDefinition[];
  include?: readonly string[];
}

const PAIN_WORDS =
  'vondt|vondte|smerte|smerter|smertene|smerten|verk|verker|verke|verking|øm|ømt|ømme|ubehag|ubehagelig|pain|pains|painful|ache|aches|aching|hurts|hurting|hurt|sore|discomfort|boli';
const PRESSURE_WORDS =
  '=trykk|trykket|trykkende|press|presset|pressende|tyngde|tyngdefølelse|tungt|klem|klemmer|klemmende|knuger|knugende|snører|snørende|stramhet|strammer|pressure|tight|tightness|heavy|heaviness|squeezing|crushing';
const CHEST_WORDS =
  'bryst|brystet|brystkassa|brystkassen|brystkasse|brystbeinet|brystbenet|bringa|bringen|bringe|brøst|brøstet|chest|sternum|hjerteregionen';
const ARM_WORDS =
  'arm|armen|armene|armer|venstrearm*|høyrearm*|hånd|hånda|hånden|hender|hendene|arms|hand|hands';
const LEG_WORDS =
  'bein|beinet|beina|ben|benet|bena|fot|foten|føttene|legg|leggen|lår|låret|leg|legs|foot|feet|calf|thigh';
const JAW_SHOULDER_WORDS = 'kjeve|kjeven|kjaken|jaw|skulder|skuldra|skulderen|skuldrene|shoulder|shoulders';
const HEAD_WORDS = 'hode|hodet|hovudet|hovud|head|tinning|tinningen|panne|panna|pannen|bakhodet';
const NECK_WORDS = 'nakke|nakken|nakkemuskl*|neck';
const THROAT_WORDS = 'hals|halsen|svelg|svelget|throat|mandler|mandlene|tonsil*';
const ABDOMEN_WORDS =
  'mage|magen|buk|buken|underliv|underlivet|navle|navlen|stomach|belly|abdomen|tummy|mageregionen|magesekken';
const EYE_WORDS = 'øye|øyet|øyne|øynene|auga|auget|augo|eye|eyes';
const LIP_FACE_WORDS =
  'leppe|lepper|leppa|leppene|lip|lips|tunga|tungen|tongue|ansikt|ansiktet|face|øyelokk|øyelokkene|eyelids|svelget|munnen|mouth';
const FEVER_WORDS = 'feber|feberen|febern|febril|fever|feverish|gorączka|goraczka|høy temp';
const CHILD_WORDS =
  'sønn|sønnen|sønnen|datter|datteren|dattera|barn|barnet|ungen|unge|gutten|jenta|jenten|babyen|baby|spedbarn*|nyfødt*|guttungen|jentungen|gutt|jente|son|daughter|child|kid|toddler|infant|newborn|poden|minstemann|veslejenta';
const ANTICOAGULANT_WORDS =
  'marevan|warfarin|eliquis|elikvis|apixaban|xarelto|rivaroksaban|rivaroxaban|pradaxa|dabigatran|lixiana|edoksaban|edoxaban|fragmin|klexane|blodfortynnende|blodfortynnande|blood thinner*|anticoagul*';
const TABLET_WORDS =
  'tablett*|pille|piller|pillene|sovetablett*|sovepille*|medisin*|medisinene|paracet*|paracetamol|pinex|ibux|ibuprofen|ibumetin|imovane|zopiklon|vival|sobril|stesolid|pills|tablets|medication|medicine|sleeping pills';
const CRITICAL_MEDICATION_WORDS =
  'insulin*|novorapid|tresiba|lantus|humalog|fiasp|levemir|toujeo|abasaglar|apidra|actrapid|insulatard|humulin|lamictal|lamotrigin|keppra|levetiracetam|orfiril|valproat|tegretol|karbamazepin|trileptal|okskarbazepin|antiepilept*|epilepsimedisin*|madopar|sinemet|levodopa|kortison|hydrokortison|cortef|prograf|takrolimus|ciklosporin|sandimmun|hiv-medisin*';

/** All concepts of the triage vocabulary by id. */
export const TRIAGE_VOCABULARY: Readonly<Record<string, ConceptDefinition>> = {
  // ---------- building blocks ----------
  pain: { terms: [PAIN_WORDS, PRESSURE_WORDS, 'stikker|stikking|stikkende|brenner|brennende|svir|sviende'] },
  pressure_quality: { terms: [PRESSURE_WORDS, 'som en elefant|som et skruestikke|like an elephant'] },
  chest: { terms: [CHEST_WORDS] },
  arm: { terms: [ARM_WORDS] },
  leg: { terms: [LEG_WORDS] },
  limb: {
    terms: [
      ARM_WORDS,
      LEG_WORDS,
      'kroppshalvdel*|ene siden|høyre side|venstre side|one side|side av kroppen|halve kroppen|half of the body|side of the body',
    ],
  },
  head: { terms: [HEAD_WORDS] },
  eye: { terms: [EYE_WORDS] },
  child_word: { terms: [CHILD_WORDS] },
  child: { include: ['child_feature'] },
  infant: { terms: ['nyfødt*|newborn|nyfødte'], include: ['infant_feature'] },
  elderly: { include: ['elderly_feature'] },
  sudden: {
    terms: [
      'plutselig|plutselige|plutseleg|brått|brå|bråe|sudden|suddenly|med ett|out of nowhere|uten forvarsel|som lyn fra klar himmel',
    ],
  },
  severe: {
    terms: [
      'sterk|sterke|sterkt|kraftig|kraftige|voldsom|voldsomme|voldsomt|intens|intense|uutholdelig*|ekstrem*|verste|severe|terrible|excruciating|unbearable|awful|kjempevondt|sinnsykt vondt|veldig vondt|skikkelig vondt|grusomt',
    ],
  },
  worsening: {
    terms: [
      'verre|forverr*|økende|øker|tiltakende|tiltagende|mer og mer|blitt større|vokser|sprer seg|spredt|spreading|worse|worsening|increasing|getting bigger|dårligere',
      'ikke bedre|ingen bedring|uten bedring|not better|no better|no improvement|not improving',
    ],
    near: [
      {
        all: [
          'blitt|blir|got|become|gotten|getting|grown',
          'kraftigere|sterkere|hyppigere|oftere|større|verre|dårligere|vondere|heavier|stronger|worse|bigger|more frequent',
        ],
        window: 3,
      },
    ],
  },
  not_improving: {
    terms: [
      'ikke bedre|ingen bedring|uten bedring|går ikke over|gir seg ikke|vil ikke gi seg|not better|no better|no improvement|not improving|not getting better|verre|forverr*|worse',
    ],
  },
  onset_very_recent: {
    terms: [
      'siden i morges|i morges|siden frokost|siden lunsj|siden middag|for litt siden|nå nettopp|akkurat nå|nettopp|i dag tidlig|i natt|i kveld|i dag|halvtime|this morning|since this morning|just now|a few minutes ago|an hour ago|today|tonight|last night|våknet med|woke up with',
    ],
    include: ['sudden', 'duration_hours_feature'],
  },
  good_form: {
    terms: [
      'fin form|god form|ellers frisk|ellers fin|føler meg fin|føler meg bra|i fin form|ellers i fin form|ellers bra|feeling fine|otherwise well|otherwise healthy|fint ellers',
    ],
  },
  chronic_phrase: {
    terms: [
      'det siste året|siste året|det siste halve året|siste halvåret|i et år|over et år|the past year|the last year|past few months|last few months|several months',
      'en stund|i lang tid|har vart lenge|lenge nå|i årevis|i mange år|flere år|hele livet|for a while|for ages|for years|for months|flere måneder|noen måneder|mange måneder|halvt år|halvannet år|de siste =månedene|siste =månedene|siste =årene|de siste =årene|i lengre tid|kronisk|kroniske|chronic',
    ],
  },
  duration_chronic: { include: ['chronic_phrase', 'duration_chronic_feature'] },
  new_problem: {
    terms: [
      'nytt symptom|nye symptomer|nye plager|ny type|for første gang|første gang|nyoppstått|nylig oppstått|first time|new symptom|new symptoms',
    ],
  },

  // ---------- general symptoms ----------
  clammy_pale: {
    terms: [
      'klam|klamm|klamt|klamme|kaldsvett*|svett|svetter|svetta|svettet|svetting|blek|bleik|blekt|bleike|gusten|clammy|sweaty|sweating|pale|ashen|grey|gray',
      'grå i ansiktet|grå i huden|grå i fargen|kald og våt|grey in the face',
    ],
  },
  pale_clammy: {
    terms: [
      'klam|klamm|klamt|klamme|kaldsvett*|blek|bleik|blekt|bleike|gusten|clammy|pale|ashen|cold sweat|grå i ansiktet|grå i huden|kald og våt',
    ],
  },
  menstrual_context: { terms: ['mens|mensen|menstruasjon*|menssmert*|period|periods|period pain|menstrual'] },
  nausea_vomit: {
    terms: [
      'kvalm|kvalme|kvalmen|kvalmt|spyr|spydde|brekker|brekte|oppkast|nausea|nauseous|nauseated|vomit*',
      'kaster opp|kastet opp|kasta opp|kaste opp|throwing up|threw up|being sick|sick to my stomach',
    ],
  },
  syncope: {
    terms: [
      'besvim*|besvimte|besvimelse|svime*|svimte|dåna|dånte|svartnet|svartna|kollaps*|segnet|faint|fainted|fainting|collapsed|collapse',
      'gikk i svart|svart for øynene|sort for øynene|ser svart|alt ble svart|blir svart for øynene|passed out|pass out|blacked out|blackout',
    ],
  },
  near_syncope_now: {
    terms: [
      'holder på å besvime|holder på å svime|holdt på å besvime|holdt på å svime|føler at jeg skal besvime|kommer til å besvime|nær ved å besvime|about to faint|going to faint|feel faint|feels faint|nearly fainted|almost fainted',
    ],
  },
  dizzy: {
    terms: ['svimmel|svimmelhet|svimmelheit|svimla|ørsk|dizzy|dizziness|lightheaded|light-headed|vertigo'],
  },
  unwell: {
    terms: [
      'uvel|uvell|utilpass|medtatt|kraftløs|kraftlaus|elendig|unwell|weak|ill',
      'føler meg dårlig|veldig dårlig|svært dårlig|kjempedårlig|feel terrible|feels terrible|very ill|really ill',
    ],
  },
  very_ill_child: {
    terms: [
      'slapp og blek|slapp og grå|blek og slapp|grå og slapp|sløv og blek|limp and pale|pale and floppy',
      'dårlig kontakt|lite kontakt|vanskelig å få kontakt|reagerer lite|sløvere|blir sløvere|raskt sløvere|vil ikke våkne|vanskelig å vekke|floppy|lethargic|unresponsive|hard to wake|poor contact',
    ],
    near: [
      {
        all: [
          'veldig|svært|helt|ekstremt|kjempe|very|extremely|so|unormalt|uvanlig',
          'slapp|slappe|slapt|medtatt|sløv|sløve|limp|lethargic|floppy|blek|pale|grå',
        ],
        window: 2,
      },
    ],
  },
  limp_plain: {
    terms: [
      'slapp|slappe|slapt|sløv|sløve|medtatt|limp|lethargic|trøtt|ikke seg selv|not himself|not herself|sover hele tiden|vil ikke spise|spiser ikke|vil ikke leke|leker ikke|will not feed|not feeding|sleeping all the time|utrøstelig|gråter utrøstelig|skriker og skriker|inconsolable|will not stop crying|spiser dårlig|drikker dårlig|feeding poorly|not feeding well',
    ],
  },
  confusion: {
    terms: [
      'forvirr*|forvirra|=uklar|desorient*|omtåket|confused|confusion|disoriented|delirious|delir*|ble helt rar|ble så rar|virker helt rar|oppfører seg rart|acting strange|acting strangely',
      'vet ikke hvor hun er|vet ikke hvor han er|vet ikke hvor jeg er|kjenner ikke igjen|does not know where|does not know where|not making sense',
    ],
  },
  unsteady: {
    terms: [
      'ustø|ustødig|vinglete|sjangl*|ustabil på beina|unsteady|staggering|off balance',
      'mister balansen|mistet balansen|loss of balance|lost balance',
    ],
  },
  unconscious: {
    terms: [
      'bevisstløs*|bevisstlaus|medvitslaus|unconscious|unresponsive|nedsatt bevissthet',
      'reagerer ikke|våkner ikke|vil ikke våkne|ikke vekke|ikke vekket|ikke kontaktbar|not responding|will not wake|does not wake|not waking|can not wake',
      'ikke liv i ham|ikke liv i henne|ikke liv i han|ikke liv i ho|ikke liv i dem|no response from him|no response from her',
      'ikke våknet|har ikke våknet|not woken|not woken up|svarer ikke ordentlig|svarer ikke når jeg snakker|svarer ikke når vi snakker|svarer ikke på tiltale|svarer ikke når vi roper|not answering properly|responds poorly',
      'ikke helt våken|ikke ordentlig våken|vanskelig å vekke|vanskelig å få kontakt med|ikke kontakt med ham|ikke kontakt med henne|ingen kontakt med ham|ingen kontakt med henne|not fully awake|hard to wake|barely conscious',
    ],
  },
  treatment_response: {
    near: [
      {
        all: [
          'reagerer|responding|respond',
          `paracet*|ibux|medisin*|behandling*|antibiotika|penicillin|tablett*|kur|kuren|medicine|treatment|${TABLET_WORDS}`,
        ],
        window: 4,
      },
    ],
  },
  not_breathing: {
    terms: [
      'puster ikke|har sluttet å puste|sluttet å puste|stoppet å puste|not breathing|stopped breathing|is not breathing|puster ikke normalt',
    ],
  },

  // ---------- chest / heart (NIMN 11) ----------
  chest_pain: {
    terms: [
      'brystsmert*|bryst*smert*|brysttrykk*|bryst*trykk|hjertesmert*|angina*|chest pain*|chestpain|heart pain',
    ],
    near: [
      { all: ['@pain', '@chest'], window: 4 },
      { all: ['@pain', '@chest'], window: 7, sameClause: true },
      {
        all: [
          'elefant|jerngrep|skruestikke|skrustikke|tyngde|klem|klemmer|knuger|snører|elephant|vice|weight',
          '@chest',
        ],
        window: 6,
      },
    ],
  },
  suspected_emergency: {
    terms: [
      'tror jeg har hjerteinfarkt|tror jeg har infarkt|tror jeg har fått hjerteinfarkt|tror jeg har fått infarkt|tror han har hjerteinfarkt|tror hun har hjerteinfarkt|tror han har fått hjerteinfarkt|tror hun har fått hjerteinfarkt|tror det er hjerteinfarkt|kan det være hjerteinfarkt|kan det være infarkt',
      'tror jeg har fått slag|tror han har fått slag|tror hun har fått slag|tror han har fått hjerneslag|tror hun har fått hjerneslag|tror jeg har fått hjerneslag|kan det være slag|kan det være hjerneslag|tror det er slag|tror det er hjerneslag|tror det er drypp|tror han har fått drypp|tror hun har fått drypp',
      'having a heart attack|had a heart attack just now|having a stroke|is having a stroke|think it is a heart attack|think it is a stroke|blodpropp i hjertet|blodpropp i hjernen',
    ],
  },
  seizure: {
    near: [
      {
        all: [
          'rykker|rykninger|rister|kramper|krampet|krampa|jerking|shaking|twitching|convulsing',
          'hele kroppen|armer og bein|armene og beina|all over|whole body',
        ],
        window: 4,
      },
      {
        all: [
          'anfall|attack|fit',
          'rykker|rykninger|kramper|krampet|bevisstløs|stiv|jerking|shaking|unconscious',
        ],
        window: 6,
      },
    ],
    terms: [
      'krampeanfall|krampet|kramper i hele kroppen|fikk kramper|anfall med kramper|krampeanfallet|epileptisk anfall|epilepsianfall|feberkramper|feberkrampe|rykninger i hele kroppen|seizure|seizures|fitting|convulsion*|fit',
    ],
  },
  seizure_ongoing: {
    terms: [
      'pågår|varer fortsatt|holder fortsatt på|fortsatt kramper|første gang|for første gang|still fitting|still seizing|first time|first seizure|lasting|mer enn fem minutter|over fem minutter|more than five minutes|flere minutter|i flere minutter|several minutes|minutes now',
    ],
  },
  found_on_floor: {
    near: [
      { all: ['fant|funnet|ligger|lå|found|lying|lay', 'gulvet|bakken|golvet|floor|ground'], window: 5 },
    ],
  },
  cannot_bear_weight: {
    near: [
      {
        all: [
          '_unable_',
          'stå|gå|belaste|støtte|reise seg|reise meg|komme seg opp|stand|walk|bear weight|get up|stå på',
        ],
        window: 3,
      },
    ],
  },
  fall_or_injury: {
    terms: [
      'falt|fall|fell|skled|sklei|snublet|skadet|skade|vrikket|tråkket over|overtråkk|slo|injured|tripped|slipped|ulykke|accident',
    ],
  },
  dehydration_adult: {
    terms: [
      'ikke holde på vann|ikke holde på væske|ikke holde på noe|ikke holde noe nede|ikke holde på drikke|ikke holde på noe drikke|får ikke i meg noe|holder ikke på noe|kaster opp alt|kaster opp all drikke|kaster opp alt jeg drikker|not keep anything down|not keep fluids down|can not keep anything down',
    ],
  },
  hot_joint: {
    near: [
      {
        all: [
          'kne|kneet|ankel|ankelen|hofte|hofta|albue|albuen|ledd|leddet|håndledd*|skulder*|stortå*|knee|ankle|elbow|joint|wrist|shoulder',
          'rødt|rød|varmt|varm|hovent|hoven|red|hot|warm|swollen',
        ],
        window: 6,
      },
    ],
  },
  wound_infection: {
    near: [
      {
        all: [
          'såret|et sår|operasjonssår*|sårene|bitt|hundebitt|kattebitt|bittet|kutt|kuttet|stikksår*|bite|wound|cut|incision',
          'rødt|rød|hovent|hoven|puss|verker|varmt|varm|svart|stinker|lukter|illeluktende|red|swollen|pus|warm|oozing|infisert|betent|infected|black|smells',
        ],
        window: 8,
      },
    ],
  },
  zoster_face: {
    near: [
      {
        all: [
          'helvetesild|herpes zoster|zoster|shingles',
          'øye|øyet|ansikt*|panne*|nese*|eye|face|forehead|nose',
        ],
        window: 6,
      },
    ],
  },
  suicide_means: {
    near: [{ all: ['alle|hele|mange|samlet|samla|all|whole|bunch', TABLET_WORDS], window: 3 }],
  },
  neck_back_pain: {
    near: [
      { all: ['@pain', 'nakke|nakken|nakkjen|rygg|ryggen|korsryggen|neck|back|spine|ryggraden'], window: 3 },
    ],
  },
  limb_neurology: {
    near: [
      {
        all: [
          'prikking|prikker|nummen|numment|nummenhet|kraftløs*|svak|svake|lam|lammet|numb|tingling|weak|pins and needles',
          `${ARM_WORDS}|${LEG_WORDS}`,
        ],
        window: 4,
      },
    ],
  },
  airway_foreign_body: {
    terms: [
      'satt i halsen|satt fast i halsen|sitter fast i halsen|kveles|kvelning|holder på å kveles|choking|choked|something stuck in * throat|inhaled',
    ],
    near: [
      {
        all: [
          'fått|satt|sitter|fast|svelget|inhalert|stuck|got',
          'i halsen|i luftrøret|i svelget|in the throat|in his throat|in her throat|in the airway',
        ],
        window: 4,
      },
    ],
  },
  foreign_body_eye: {
    terms: [
      'fremmedlegeme i øyet|noe i øyet|rusk i øyet|flis i øyet|splint i øyet|something in my eye|something in the eye',
    ],
    near: [
      {
        all: ['vinkelsliper*|sliping|sliper|metallflis*|metall*|grinder|grinding|spiker|hammer*', EYE_WORDS],
        window: 8,
      },
    ],
  },
  burn: {
    terms: [
      'brannskade*|brent meg|brent seg|brent hånda|brent armen|skåldet|skoldet|skolda|kokende vann|varmt vann over|varm kaffe over|burned|burnt|scald*|burn',
    ],
  },
  burn_extent: {
    terms: [
      'store blemmer|stor del|stort område|store områder|hele armen|hele hånda|hele beinet|large blisters|large area|big blisters|i ansiktet|on the face',
    ],
  },
  facial_swelling: {
    near: [
      {
        all: [
          'kinn|kinnet|ansikt*|ansiktet|kjeve|kjeven|kjaken|øyelokk*|cheek|face|jaw',
          'hoven|hovent|hevelse|hovnet|hovner|swollen|swelling',
        ],
        window: 4,
      },
    ],
  },
  behind_ear_swelling: {
    near: [
      {
        all: [
          'bak øret|bak øra|bak ørene|behind the ear|behind his ear|behind her ear',
          'hovent|hoven|rødt|rød|utstående|stikker ut|swollen|red',
        ],
        window: 5,
      },
    ],
  },
  jaundice: {
    terms: [
      'gulsott|gul i huden|gule i huden|gule øyne|gult i øynene|blitt gul|jaundice|jaundiced|yellow skin|yellow eyes|gulfarget',
    ],
  },
  deformity: {
    terms: [
      'står skjevt|står helt skjevt|står på skrå|feilstilling|feilstilt|deformert|ser feil ut|ute av ledd|gått ut av ledd|hoppet ut av ledd|bent wrong|deformed|out of place|dislocated|looks broken|ser brukket ut|brukket|knekt|broken',
    ],
  },
  remote_past: {
    terms: [
      'i fjor|for ett år siden|for et år siden|for flere år siden|for mange år siden|for lenge siden|last year|years ago|a year ago|i 20*|tidligere år',
    ],
  },
  resolved: {
    terms: [
      'helt borte|er borte|har gått over|gikk over|er over|bra igjen|helt bra|helt fin nå|forsvant|are gone|is gone|went away|resolved|all gone',
    ],
  },
  nosebleed: {
    terms: ['neseblod*|neseblødning*|blør fra nesen|nosebleed*|nose bleed*|bleeding from the nose'],
  },
  breast_context: {
    terms: [
      'amm*|ammer|ammet|ammingen|brystvorte*|melkespreng*|brystbetennelse*|mastitt|breastfeed*|nipple*|mammograf*|brystkreft*|brystimplantat*|silikon*',
    ],
    near: [{ all: ['kul|kuler|knute|knuter|klump|klumper|lump|lumps|hevelse', '@chest'], window: 5 }],
  },
  radiation: {
    terms: [
      'stråler|stråle|stråla|strålte|utstråling*|utstråler|radiat*|spreads|spreading|spread',
      'går ut i|går ned i|går opp i|sprer seg til|sprer seg ut i',
    ],
    near: [
      { all: ['@pain', `${JAW_SHOULDER_WORDS}|arm|armen|venstrearm*`], window: 3 },
      {
        all: [
          'stråler|stråle|stråla|strålte|utstråling*|utstråler|radiat*|spreads|spreading|går ut|går ned',
          `${JAW_SHOULDER_WORDS}|${ARM_WORDS}|ryggen|back`,
        ],
        window: 5,
      },
    ],
  },
  palpitations: {
    terms: [
      'hjertebank*|hjerteklapp*|palpitat*|uregelmessig puls|ujevn puls|irregular pulse|irregular heartbeat|racing heart|heart racing|heart is racing|heart pounding|rask puls|høy puls|lav puls|langsom puls|slow pulse',
    ],
    near: [
      {
        all: [
          'hjertet|hjerte|puls|pulsen|heart|pulse',
          'slår|dunker|hamrer|banker|galopp*|raser|jager|springer|flimrer|ujevn*|uregelmessig*|hopper|racing|pounding|irregular|skipping|fluttering|flagrer|fort|raskt',
        ],
        window: 3,
      },
    ],
  },
  nitroglycerin_failure: {
    near: [
      {
        all: [
          'nitro*|nitroglyserin*|nitroglycerin|glyceryl*|nitrospray|nitromex|gtn',
          'hjelper ikke|hjalp ikke|virker ikke|virket ikke|hjelper bare|hjelper lite|kortvarig|forbigående|ikke hjelpet|not helping|did not help|does not help|no effect|ingen effekt|flere ganger',
        ],
        window: 6,
      },
    ],
  },
  icd_shock: {
    near: [
      {
        all: [
          'icd|icd-en|defibrillator*|hjertestarter*|pacemaker*',
          'støt|stød|sjokk|shock*|fyrte|fyrer|fired|zapped|smell',
        ],
        window: 5,
      },
    ],
  },

  // ---------- breathing (NIMN 30) ----------
  dyspnea: {
    terms: [
      'tyngre i pusten|tyngre pust|tyngre å puste|verre å puste|vanskeligere å puste|harder to breathe|more breathless|more short of breath',
      'tung i pusten|tungt å puste|tung pust|tungpust*|pustevansk*|pusteproblem*|pustebesvær*|andpust*|kortpust*|dyspn*',
      'vanskelig å puste|vanskelig for å puste|puster tungt|puster fort|puster raskt|puster anstrengt|puster med besvær|strever med å puste|sliter med å puste',
      'ikke nok luft|lufthunger|trangt for pusten|trangt i brystet|surkl*|piper i brystet|hvesende pust',
      'short of breath|shortness of breath|breathless*|difficulty breathing|trouble breathing|hard to breathe|struggling to breathe|out of breath|wheez*|catch * breath',
    ],
    near: [
      {
        all: [
          'puster|pustet|pusten|breathing|breathes',
          'tungt|tung|rart|anstrengt|besværet|fort|raskt|overfladisk|pesende|heavily|hard|strange|fast|labored|laboured|shallow',
        ],
        window: 3,
      },
      {
        all: ['hoster|hoste|puster|pusten|coughing|breathing', 'piper|hveser|hvesende|wheezes|wheezing'],
        window: 3,
      },
    ],
    include: ['breathe_unable'],
  },
  breathe_unable: {
    near: [{ all: ['_unable_', 'puste|pusten|pust|puster|breathe|breath|breathing|luft|air'], window: 3 }],
    include: ['not_breathing'],
  },
  severe_dyspnea: {
    terms: [
      '_unable_ snakke sammenhengende|_unable_ snakke i hele setning*|_unable_ si hele setning*|_unable_ fullføre setning*|_unable_ prate sammenhengende|_unable_ å snakke sammenhengende|_unable_ å si hele setning*|_unable_ fullføre sentence*|_unable_ finish * sentence*',
      'bare si noen få ord|bare si noen ord|bare si få ord|bare si et par ord|klarer bare å si|only say a few words|can only say|a few words at a time|noen ord om gangen|få ord om gangen|not finish sentences|can not finish',
      'cyanose|cyanotic',
    ],
    near: [
      {
        all: [
          'lepper|leppene|leppa|lips|munnen|rundt munnen|ansiktet|face|fingrene',
          'blå|blåe|blålige|blålig|blue|bluish|blåfarget',
        ],
        window: 4,
      },
      { all: ['_unable_', 'nesten|nærmest|barely|hardly', 'puste|pusten|breathe|breath'], window: 4 },
    ],
    include: ['not_breathing'],
  },
  gurgling: { terms: ['surkl*|gurgl*|rallende|rattling'] },
  airway_disease: {
    terms: [
      'astma*|kols|copd|asthma|emfysem|lungesykdom*|inhalator*|inhaler|ventolin*|airomir|bricanyl|symbicort|seretide|flutiform|spiriva|relvar|trimbow|astmamedisin*|pustemedisin*|puffer',
    ],
  },
  medicine_not_helping: {
    near: [
      {
        all: [
          'astma*|inhalator*|inhaler|ventolin*|airomir|bricanyl|symbicort|medisin*|medisinen|spray*|puffer|forstøver*|medicine|medication',
          'hjelper ikke|hjalp ikke|virker ikke|virket ikke|ikke hjelper|ikke virker|hjelper ingenting|hjelper lite|hjelper dårlig|ingen effekt|uten effekt|not helping|is not helping|does not help|did not help|not working|no effect',
        ],
        window: 6,
      },
    ],
  },
  rapid_worsening: {
    terms: [
      'raskt verre|fort verre|verre og verre|dårligere og dårligere|rask forverring|raskt dårligere|fort dårligere|mye verre på få timer|getting worse quickly|rapidly worse|worse and worse|deteriorat*',
    ],
    near: [
      {
        all: ['raskt|fort|brått|rapid*|quickly|fast|timevis', 'verre|dårligere|worse|forverr*|sløvere'],
        window: 3,
      },
    ],
  },
  breathes_fast: {
    terms: [
      'puster raskt|puster fort|puster veldig fort|rask pust|breathing fast|rapid breathing|breathing quickly',
    ],
  },
  recent_surgery: {
    terms: [
      'nylig operert|ble operert|operert for|etter operasjonen|etter inngrepet|nyoperert|recent surgery|had surgery|after surgery|keisersnitt|c-section',
    ],
  },
  pregnancy: {
    terms: ['gravid|gravide|svanger|pregnant|venter barn|svangerskap*|svangerskapsuke|termin|graviditet'],
  },
  possible_pregnancy: {
    terms: [
      'kan være gravid|mulig gravid|muligens gravid|kanskje gravid|might be pregnant|could be pregnant|positiv graviditetstest|positiv test|mensen har ikke kommet|mensen er forsinket|menstruasjonen har uteblitt|menstruasjonen har ikke kommet|late period|missed period|over tiden|på overtid|har ikke fått mensen|mensen uteblitt|period is late',
    ],
    include: ['pregnancy'],
  },
  postpartum: {
    terms: [
      'nylig født|nettopp født|fødte for|født for|barsel|barseltid|postpartum|gave birth|just had a baby|etter fødselen',
    ],
  },
  bedridden: {
    terms: [
      'sengeliggende|langvarig sengeleie|sengeleie|gipset|gips|bedridden|bed rest|plaster cast|immobil*',
    ],
  },
  long_travel: {
    terms: [
      'langdistansefly|langtur med fly|lang flytur|lang biltur|long flight|long-haul|timer fly|timers fly|timer i fly|timer på fly',
    ],
  },

  // ---------- stroke (NIMN 28) ----------
  speech_disturbance: {
    terms: [
      'talevansk*|taleforstyrr*|språkvansk*|afasi|uklar tale|utydelig tale|sludrete tale|snøvlete',
      'finner ikke ordene|finner ikke ord|ikke fram ordene|ikke frem ordene|ikke fram ord|ikke frem ord|ikke få ut ordene|ikke ut ordene|ikke ut ord|ikke ut et ord',
      'snakker ikke tydelig|snakker ikke rent|prater ikke tydelig|_unable_ snakke|_unable_ prate|_unable_ finne ord|_unable_ finne ordene',
      'slurred|slurring|slurs|trouble speaking|difficulty speaking|garbled|speech is strange|speaking strangely|_unable_ speak|_unable_ talk|words out',
    ],
    near: [
      {
        all: [
          'snakker|snakket|snakke|prater|pratet|prate|tale|talen|språket|speech|speaking|talks|talking',
          'utydelig*|=uklart|=uklar|sludre*|sludret*|sludrete|snøvl*|=rart|=rar|vrøvl*|usammenhengende|uforståelig*|uforståeleg|slurred|strange|funny|weird|oddly|unintelligible|gibberish',
        ],
        window: 3,
        sameClause: true,
      },
    ],
  },
  face_droop: {
    terms: [
      'ansiktslamm*|facial droop|face drooping|face is drooping|skjevt smil|skjev i ansiktet|skjevt ansikt|crooked smile',
    ],
    near: [
      {
        all: [
          'munnvik*|munnviken|munn|munnen|kjeften|ansikt*|ansiktet|fjeset|fjes|face|mouth|smil|smilet|smile|kinnet|øyelokket',
          'henger|hengende|heng|hang|skjev*|skeiv*|lam|lammet|droop*|drooping|crooked|uneven|lopsided|sagging|sigen|siget',
        ],
        window: 3,
      },
    ],
  },
  limb_weakness: {
    terms: [
      'lammelse*|lammet|lamma|halvsidig*|hemipar*|paralys*|paralyzed|paralysed|kraftløs i armen|kraftløs i beinet|kraftløs i hånda',
    ],
    near: [
      {
        all: [
          '_unable_',
          'løfte|løfta|holde|holda|bruke|bevege|lift|hold|raise|move|use|grip|gripe|kjenne|feel',
          '@limb',
        ],
        window: 5,
      },
      {
        all: [
          '@limb',
          'lam|lammet|lammelse|kraftløs*|kraftlaus|svak|svake|svakere|slapp|dead|weak|weakness|paraly*|mistet kraften|uten kraft|lost strength|lost power',
        ],
        window: 4,
      },
      {
        all: [
          'mistet|mister|miste|mista|slapp|slipper|sleppte|dropped|drops|dropping|drop',
          'hånd|hånda|hånden|handa|grepet|grep|hand|grip|fingrene|fingers',
        ],
        window: 6,
      },
    ],
  },
  one_sided_numbness: {
    near: [
      {
        all: [
          'nummen|numment|nummenhet|prikking|prikker|numb|numbness|tingling|føler ingenting',
          'ene siden|halve kroppen|one side|halvsidig|høyre side|venstre side|ene armen|ene siden av ansiktet',
        ],
        window: 5,
      },
    ],
  },
  musculoskeletal_context: {
    terms: [
      'isjias|sciatica|prolaps|skiveprolaps|stråler ned i beinet|radiates down my leg|over hodet|overhead|frossen skulder|frozen shoulder|senebetennelse|tennisalbue|musearm|slimposebetennelse|artrose|leddgikt|gikt|falt på|vrikket|forstuet|tendinitt|bursitt|sprain*',
    ],
    near: [
      {
        all: [
          '@pain',
          'skulder|skuldra|skulderen|skuldrene|shoulder|albue|albuen|elbow|håndledd*|wrist|nakke|nakken|neck|kne|kneet|knee|hofte|hofta|hip|tommel*|finger|fingeren|ledd|leddet|rygg|ryggen|korsrygg*|back|lower back',
        ],
        window: 4,
      },
    ],
  },
  vision_loss: {
    terms: [
      'mistet synet|synet forsvant|synet er borte|blind på|ble blind|lost my vision|lost vision|went blind|lost sight|synstap|svart på ett øye|svart på det ene øyet',
    ],
    near: [
      { all: ['ser ikke|ser ingenting|kan ikke se|not see|can not see', 'øye|øyet|eye|ene|one'], window: 5 },
      {
        all: ['synet|syn|vision|sight', 'borte|forsvant|forsvunnet|mistet|svart|lost|gone|black'],
        window: 3,
      },
    ],
  },
  double_vision: { terms: ['ser dobbelt|dobbeltsyn|double vision|seeing double'] },
  blurred_vision: {
    terms: [
      'tåkesyn|sløret syn|uklart syn|tåkete syn|blurred|blurry|ser dobbelt|dobbeltsyn|double vision|nedsatt syn|ringer rundt lys|regnbueringer|glorier rundt lys|halos',
    ],
    near: [
      {
        all: [
          'ser|synet|syn|vision|see|sight',
          'tåkete|tåke|uklart|uklar|dårlig|dårligere|sløret|utydelig|blurry|blurred|foggy|hazy|misty',
        ],
        window: 2,
      },
    ],
  },
  photophobia: {
    terms: [
      'lyssky*|lysømfintlig*|lysfølsom*|photophob*|sensitive to light|light sensitive|tåler ikke lys|tåler ikke lyset',
    ],
    near: [{ all: ['lys|lyset|light|sola|sollys|sollyset', '@pain'], window: 3 }],
  },

  // ---------- headache (NIMN 20) ----------
  headache: {
    terms: ['hodepine|hovudverk|hodeverk|hodesmert*|headache*|migrene*|migraine*'],
    near: [{ all: ['@pain', HEAD_WORDS], window: 3 }],
  },
  thunderclap: {
    terms: [
      'plutselig voldsom|plutselig verste|plutselig ekstrem|plutselig veldig sterk|sudden severe|sudden worst|sudden excruciating|brått og voldsomt|eksplosiv*',
      'verste hodepine|verste * i livet|verste * i mitt liv|worst headache|worst * of my life|som et smell|som et slag i hodet|som å bli slått|tordenskrall*|thunderclap|like being hit|eksploderte|eksplosjon i hodet|smalt i hodet|aldri hatt så vondt',
    ],
  },
  neck_stiffness: {
    terms: ['nakkestiv*|stiv nakke|stiv i nakken|stiff neck|neck stiffness|neck is stiff'],
    near: [
      {
        all: [
          NECK_WORDS,
          'stiv|stivt|stive|stiff|bøye|bøyer|bend|ta på|tar på|røre|rører|berør*|touch*|haka mot brystet|chin to chest',
        ],
        window: 4,
      },
    ],
  },

  // ---------- fever / sepsis (NIMN 16) ----------
  fever: { terms: [FEVER_WORDS], include: ['fever_measured_feature'] },
  high_fever: { terms: ['høy feber|høg feber|high fever|kjempehøy feber'], include: ['fever_high_feature'] },
  rigors: {
    terms: [
      'frysning*|frostanfall*|frost*anfall|skjelvinger|hakker tenner|chills|rigors|shivering|shaking chills|fryser og skjelver',
    ],
  },
  petechiae: {
    terms: [
      'petekkie*|petechia*|purpura|ikke blekner ved trykk|blødninger under huden|små blødninger i huden|bleeding under the skin|blodprikker|blødningsflekker',
    ],
    near: [
      {
        all: [
          'prikk*|prikker|flekk*|flekker|utslett*|spots|rash|dots|marks|blødninger',
          'forsvinner ikke|ikke forsvinner|går ikke bort|ikke går bort|blekner ikke|ikke blekner|blir ikke borte|ikke blir borte|ikke borte|ikke forsvinne|does not fade|not fade|does not disappear|not disappear|not blanch|non-blanching|glasstest*',
        ],
        window: 10,
      },
      {
        all: [
          'prikk*|prikker|flekk*|flekker|utslett*|spots|rash|dots',
          'mørkerød*|lilla|fiolett*|blålilla|purple|dark red|blåsvart*',
        ],
        window: 3,
      },
    ],
  },
  cannot_swallow: {
    terms: [
      'svelgvansk*|svelgevansk*|svelgebesvær|difficulty swallowing|sikler|drooling',
      'ikke svelge spyttet|ikke få ned spyttet',
    ],
    near: [{ all: ['_unable_', 'svelge|svelga|swallow|få ned'], window: 5 }],
  },
  drooling: { terms: ['sikler|siklar|drooling|dribbling'] },
  necrotising_signs: {
    near: [
      {
        all: [
          'rød|rødt|hoven|hovent|hevelse|mørk|lilla|blemmer|red|swollen',
          'uutholdelig*|ekstreme|ekstrem|unbearable|excruciating|verre enn det ser ut',
        ],
        window: 8,
      },
    ],
  },
  cold_and_ill: {
    near: [
      {
        all: [
          'kald|kalde|iskald|cold',
          'medtatt|slapp|dårlig|ill|unwell|svært|klam|klamt|klamme|svett|blek|clammy|pale',
        ],
        window: 4,
      },
    ],
  },

  // ---------- abdomen and bleeding (NIMN 26) ----------
  abdominal_pain: {
    terms: [
      'magesmert*|buksmert*|magevondt|mageknip|stomach ache|stomachache|abdominal pain|tummy ache|bellyache',
    ],
    near: [{ all: ['@pain', ABDOMEN_WORDS], window: 4 }],
  },
  right_lower_quadrant: {
    terms: [
      'nede til høyre|nedre høyre|høyre nedre|lower right|right lower|høyre side av magen|høyre del av magen|høyre lyske|nede på høyre side|til høyre|på høyre side|on the right|right side',
    ],
  },
  migrating_pain: {
    terms: ['rundt navlen|startet ved navlen|flyttet seg|vandret|around the belly button|moved to'],
  },
  pain_on_movement: {
    terms: [
      'vondt å gå|vondt å hoste|vondt når jeg går|vondt når jeg hoster|vondt å hoppe|hurts to walk|hurts when i cough|vondt ved gange|vondt ved hoste|vondt å bevege|vil ikke hoppe|_unable_ hoppe|will not jump|hurts to jump',
    ],
  },
  colicky_pain: {
    terms: [
      'takvis|takvise|kommer og går|i rier|i anfall|anfallsvis|i bølger|bølgevis|comes and goes|comes in waves|colicky|skriker i perioder',
    ],
  },
  hematemesis: {
    terms: [
      'kaffegrut*|coffee ground*|hematemes*|blodig oppkast|blod i oppkastet|vomiting blood|vomited blood|throwing up blood',
    ],
    near: [
      {
        all: [
          'kaster|kastet|kasta|kaste|spyr|spydde|oppkast*|brekker|vomit*|threw|throwing',
          'blod|blodig|blood|bloody',
        ],
        window: 3,
        sameClause: true,
      },
    ],
  },
  melena: {
    terms: ['melena|tjæreaktig*|black stool*|tarry stool*'],
    near: [
      {
        all: [
          'avføring*|avføringa|avføringen|bæsj*|bæsjen|stool*|poo|poop|feces',
          'svart*|sort*|tjære*|black|tarry',
        ],
        window: 4,
      },
    ],
  },
  blood_in_stool: {
    terms: [
      'blod i avføringen|blodig avføring|blod i bæsjen|blood in the stool|blood in stool|blood in my stool|bloody stool|rectal bleeding|blødning fra endetarmen',
    ],
    near: [
      {
        all: [
          'avføring*|bæsj*|bleie*|bleia|stool|poo|nappy|diaper|endetarm*|toalettpapir*|dopapir*',
          'blod|blodig|blood|bloody|blødning',
        ],
        window: 4,
      },
    ],
  },
  heavy_bleeding: {
    terms: [
      'blør mye|blør kraftig|blør voldsomt|blør masse|blør veldig|blør fortsatt mye|stor blødning|kraftig blødning|massiv blødning|voldsom blødning|fosser|spruter blod|blodet spruter|blodet fosser',
      'slutter ikke å blø|stopper ikke å blø|blødningen stopper ikke|blødningen vil ikke stoppe|bleeding heavily|bleeding a lot|bleeding badly|heavy bleeding|will not stop bleeding|blood everywhere',
    ],
    near: [
      {
        all: [
          'blør|blødd|blødde|blødning|blødningen|blødningene|bleeding|bled|bleeds',
          'kraftig|kraftige|mye|masse|voldsomt|voldsom|heavily|a lot|badly|heavy|massivt',
        ],
        window: 2,
      },
    ],
  },
  menstrual_bleeding: {
    terms: [
      'menstruasjonsblødning*|mensblødning*|kraftig mens|kraftige mens|kraftig menstruasjon|mye mens|heavy period*|heavy menstrual*|period is heavy|blødningsforstyrr*',
    ],
    near: [
      {
        all: [
          'blør|blødning|blødningen|blødningene|bleeding|bleed',
          'under mensen|når jeg har mensen|når jeg har mens|ved mensen|i mensen|under menstruasjonen|during my period|during period|with my period|on my period',
        ],
        window: 5,
      },
    ],
  },
  hemoptysis: {
    terms: [
      'hoster opp blod|hostet opp blod|blod i spyttet|blodig slim|blodig oppspytt|blod når jeg hoster|coughing up blood|coughed up blood|blood when i cough|hemoptys*',
    ],
  },

  // ---------- mental health (NIMN 29) ----------
  suicidal_ideation: {
    terms: [
      'selvmord*|sjølmord*|suicid*|selvskad*|sjølskad*',
      'ta livet mitt|ta livet av meg|ta livet sitt|ta livet av seg|ta mitt eget liv|ta mitt liv|ta sitt eget liv|ende livet|avslutte livet|gjøre slutt på livet|gjøre slutt på alt|gjøre slutt på det hele',
      'ikke vil leve|vil ikke leve|ikke lyst til å leve|ikke lyst å leve|orker ikke å leve|orker ikke leve|vil dø|ønsker å dø|lyst til å dø|bedre om jeg var død|bedre uten meg|dødsønske*|tanker om å dø',
      'kill myself|end my life|end it all|want to die|wanna die|do not want to live|take my own life|take my life|better off dead|suicidal|self harm|self-harm|hurt myself|kutte meg|skade meg selv',
    ],
  },
  weak_ideation: {
    terms: [
      'vil ikke mer|vil ikke leve mer|gidder ikke mer|gidder ikke leve|do not want to go on',
      'orker ikke mer|orker ikke lenger|orker ikke meir|holder ikke ut lenger|klarer ikke mer|ser ingen utvei|ingen vei ut|ingen utvei|håpløst|gi opp alt|can not go on|can not take it anymore|can not do this anymore|no way out|hopeless',
      'ikke være her lenger|ikke her lenger|ikke lenger være her|ikke være her i morgen|være borte for godt|forsvinne for godt|will not be here|not be here anymore|be gone for good',
    ],
  },
  suicide_plan: {
    include: ['suicide_means'],
    terms: [
      'spart opp|samlet opp|samla opp|sparte opp|hamstret|saved up|stockpil*|hoarding|har samlet',
      'bestemt meg|har planlagt|har en plan|har plan|planen er|decided to|have a plan|made a plan|planned it',
      'skal ta livet|skal ta livet sitt|skal ta livet mitt|skal ta livet av seg|skal ta livet av meg|going to kill|låst seg inne|låst meg inne|locked herself in|locked himself in|i natt|i kveld|tonight',
      'tablettene klare|pillene klare|har alt klart|har alt klar|pills ready|everything ready',
      'avskjedsbrev|skrevet brev|skrevet et brev|ta farvel|sagt farvel|si farvel|ikke noens feil|ingen sin feil|ingens feil|say goodbye|said goodbye|goodbye letter|nobodys fault|not anyones fault|not your fault',
      'tau|repet|hoppe fra|hoppe foran|hoppe ut|jump off|jump from|rope|bro|brua|brokanten|stupet',
      'våpen|gevær|hagle|pistol|weapon|gun|rifle',
    ],
  },
  overdose: {
    terms: [
      'overdos*|overdose*|tatt alle tablettene|tatt alle pillene|tok alle tablettene|tok alle pillene|took all my pills|took all the pills|svelget alle',
    ],
    near: [
      {
        all: [
          'tatt|tok|svelget|svelgde|inntatt|spist|took|swallowed|taken',
          'alle|hele|mange|masse|brett*|brettet|pakke*|pakka|eske*|esken|glass*|boks*|all|whole|bottle|lots|handful|many|bunch',
          TABLET_WORDS,
        ],
        window: 6,
      },
      {
        all: ['tatt|tok|svelget|svelgde|inntatt|took|swallowed|taken', '@large_number_feature', TABLET_WORDS],
        window: 5,
      },
    ],
  },
  poison_chemical: {
    terms: ['forgiftning|forgiftet|forgifta|poisoning|poisoned'],
    near: [
      {
        all: [
          'spist|svelget|svelgde|drukket|drakk|fått i seg|slikket|ate|swallowed|drank|eaten|drunk|tygget',
          'batteri*|knappebatteri*|magnet*|vaskemiddel*|oppvaskmiddel*|maskinoppvask*|klor|klorin|lampeolje*|rødsprit*|frostvæske*|kaustisk*|lut|avløpsåpner*|giftig*|gift|bleach|battery|batteries|detergent|poison*|antifreeze|lighter fluid|tennvæske*',
        ],
        window: 5,
      },
    ],
  },
  medication_ingestion: {
    near: [
      {
        all: ['spist|svelget|svelgde|fått i seg|tygget|ate|swallowed|eaten|got into', TABLET_WORDS],
        window: 5,
      },
    ],
  },

  // ---------- allergy (GK) ----------
  allergen_trigger: {
    terms: [
      'stukket|stikk|stakk|veps*|bie|bier|humle|stung|sting|bee|wasp|hornet',
      'allergi*|allergisk*|allergic|nøtt*|nøtter|peanøtt*|nut|nuts|peanut*|reker|skalldyr|shellfish',
      'etter at jeg spiste|etter at han spiste|etter at hun spiste|after eating',
    ],
  },
  drug_trigger: {
    terms: [
      'begynt på|begynt med|startet med|nye tabletter|nye tablettene|nye blodtrykkstabletter|ny tablett|byttet medisin|økt dosen|økte dosen',
      'begynte på|startet på|etter at jeg tok|etter at jeg begynte|ny medisin|nye medisinen|nytt legemiddel|after starting|since starting|after taking|new medicine|new medication|bivirkning*|side effect*|reaksjon på|reaction to',
    ],
  },
  angioedema: {
    near: [
      {
        all: [
          LIP_FACE_WORDS,
          'hovner|hovne|hoven|hovent|hevelse|hevet|hovna|hovnet|svulmer|swell*|swollen|puffy|tykk|tykke',
        ],
        window: 4,
      },
    ],
  },
  throat_tightness: {
    terms: [
      'trangt i halsen|trang i halsen|snører seg i halsen|tett i halsen|halsen snører seg|throat closing|tight throat|throat is tight|throat feels tight|vanskelig å svelge og puste',
    ],
    near: [
      {
        all: ['hals|halsen|svelget|throat', 'trang|trangt|snører|snevr*|lukker|lukke|tight|closing|closes'],
        window: 3,
      },
    ],
  },
  hives_generalized: {
    terms: ['elveblest*|urtikaria|hives'],
    near: [
      {
        all: [
          'klør|kløe|utslett|elveblest|itch*|itchy|rash|hives|prikker',
          'hele kroppen|over alt|overalt|all over|whole body|hele meg',
        ],
        window: 4,
      },
    ],
  },

  // ---------- injury (GK / NIMN) ----------
  head_injury: {
    terms: [
      'hodeskade|slo hodet|slått hodet|slag mot hodet|slag i hodet|hjernerystelse|head injury|hit my head|hit his head|hit her head|bumped * head|banged * head|concussion',
    ],
    near: [
      { all: ['slo|slått|slag|traff|dunket|falt|fall|fell|hit|bumped|banged|smalt', HEAD_WORDS], window: 4 },
    ],
  },
  anticoagulant: { terms: [ANTICOAGULANT_WORDS] },
  major_trauma: {
    terms: [
      'åpent brudd|beinet stikker ut|bone sticking out|open fracture|bilulykke|trafikkulykke|påkjørt|car crash|car accident|hit by a car|knivstukket|stukket med kniv|stabbed|skutt|shot|amputert|amputat*|stor brannskade|brannskade over store|severe burn|large burn|falt ned fra|fell off',
    ],
    near: [
      {
        all: ['falt|fell|fall', 'stige|stigen|taket|tak|høyde|ladder|roof|height|balkong*|balcony'],
        window: 4,
      },
    ],
  },

  // ---------- urinary, back and pregnancy (NIMN 26, GK) ----------
  uti_symptoms: {
    terms: [
      'blærekatar*|blærebetennelse*|urinveisinfeksjon*|uvi|cystitt*|uti|bladder infection|urinary tract infection|urinary infection',
      'tisser ofte|tisse ofte|hyppig vannlating|må tisse ofte|må tisse hele tiden|tisser hele tiden|pee a lot|pee often|peeing often|frequent urination',
    ],
    near: [
      {
        all: [
          'svie|svir|sviende|brenner|brennende|svi|vondt|burning|burns|burn|stings|stinging|hurts',
          'tisser|tisse|tissa|tisset|vannlating*|urinere*|urinering|pee|peeing|urinat*|urinating|wee',
        ],
        window: 4,
      },
    ],
  },
  flank_pain: {
    terms: ['flankesmert*|nyresmert*|vondt i nyrene|vondt i nyra|vondt i nyren|flank pain|kidney pain'],
    near: [
      { all: ['@pain', 'flanke|flanken|flankene|nyre|nyrene|nyra|flank|kidney|kidneys'], window: 3 },
      {
        all: ['@pain', 'rygg|ryggen|korsryggen|back|siden|side', 'høyre|venstre|ene|right|left|one'],
        window: 8,
      },
    ],
  },
  back_pain: {
    terms: ['ryggsmert*|ryggvondt|isjias|lumbago|hekseskudd|back pain|sciatica'],
    near: [{ all: ['@pain', 'rygg|ryggen|korsrygg*|back|lower back'], window: 3 }],
  },
  leg_weakness: {
    near: [
      {
        all: [
          LEG_WORDS,
          'svak|svake|kraftløs*|lam|lammet|svikter|svikta|nummen|numment|nummenhet|numb|weak|gives way|gir etter',
        ],
        window: 3,
      },
    ],
  },
  urination_problem: {
    terms: [
      'ikke tisse|ikke fått tisset|ikke tisset|urinretensjon|can not pee|can not urinate|unable to pee|unable to urinate|not peed|not urinated',
      'problemer med å holde på urinen|problemer med å holde urinen|vansker med å holde på urinen|problemer med å tisse|vanskelig å tisse|vansker med å tisse|lekker urin|trouble holding urine|trouble peeing|difficulty passing urine',
      'urinlekkasje|inkontinen*|ikke holde på urinen|ikke holde på avføringen|ikke holde tett|nummen i skrittet|nummen rundt endetarmen|nummen mellom beina|ridebukse*|incontinen*|saddle numb*',
    ],
    near: [{ all: ['_unable_', 'tisse|tisset|tiss|pee|urinate|late vannet'], window: 3 }],
  },
  urinary_retention: {
    terms: [
      'ikke fått tisset|ikke tisset på|urinretensjon|can not pee|can not urinate|unable to pee|unable to urinate|not peed|not urinated',
    ],
    near: [{ all: ['_unable_', 'tisse|tisset|tiss|pee|urinate|late vannet'], window: 3 }],
  },
  vaginal_bleeding: {
    terms: ['blødning|blør|blødd|blødde|bleeding|spotting|blod fra skjeden|vaginal bleeding|blodig utflod'],
  },

  // ---------- children (NIMN 32) ----------
  dehydration_child: {
    terms: [
      'få våte bleier|lite våte bleier|færre våte bleier|few wet nappies|few wet diapers|fewer wet nappies',
      'tisser ikke|har ikke tisset|ikke tisset|tørre bleier|tørr bleie|ingen våte bleier|vil ikke drikke|drikker ikke|drikker nesten ingenting|no wet nappies|no wet diapers|not drinking|will not drink|refuses to drink',
    ],
  },
  abuse_suspicion: {
    terms: [
      'mishandl*|blåmerker uten forklaring|uforklarlige blåmerker|unexplained bruises|abuse|slått av|vold i hjemmet|domestic violence',
    ],
  },

  // ---------- eye, ear, throat (GK) ----------
  eye_problem: {
    near: [
      { all: [EYE_WORDS, '@pain'], window: 4 },
      { all: [EYE_WORDS, 'rødt|rød|røde|red|bloodshot|blodsprengt'], window: 4 },
    ],
  },
  chemical_in_eye: {
    near: [
      {
        all: [
          'klor|klorin|lut|kjemikal*|vaskemiddel*|maling|sement|kalk|bleach|chemical*|acid|syre|rengjøringsmiddel*|oppvaskmiddel*|avløpsåpner*|spray',
          EYE_WORDS,
        ],
        window: 5,
      },
    ],
  },
  sudden_hearing_loss: {
    terms: ['plutselig hørselstap|sudden hearing loss|døv på ett øre|døv på det ene øret|hører ingenting på'],
    near: [
      {
        all: [
          'hører|hørsel*|hørselen|hearing|hear',
          'ingenting|borte|forsvunnet|mistet|lost|gone|nothing|forsvant',
        ],
        window: 5,
      },
    ],
  },
  throat_pain: {
    terms: ['sår hals|vondt i halsen|halsvondt|halssmert*|sore throat|throat pain|halsbetennelse'],
    near: [{ all: ['@pain', THROAT_WORDS], window: 3 }],
  },
  trismus: {
    terms: ['gapesperre|trismus|can not open my mouth|can not open his mouth|can not open her mouth'],
    near: [{ all: ['_unable_', 'åpne|gape|open', 'munnen|kjeften|mouth|munn'], window: 4 }],
  },
  muffled_voice: {
    terms: [
      'potet i munnen|grøtete stemme|grøtet stemme|hot potato|muffled voice|stemmen er helt rar|stemmen er rar',
    ],
  },
  testicular_pain: {
    near: [
      {
        all: ['@pain', 'testikkel*|testikler|testiklene|pungen|pung|testicle*|scrotum|balle*|ballen|ballene'],
        window: 4,
      },
    ],
  },
  severe_pain: {
    terms: [
      'uutholdelig*|ekstreme smerter|ekstrem smerte|verste smerte*|unbearable pain|excruciating|sinnsykt vondt|kjempevondt',
    ],
  },
  medication_error: {
    terms: [
      'dobbel dose|dobbelt dose|dobbeldose|feil medisin|feil dose|feil tablett*|tatt for mye|tok for mye|for mange tabletter|double dose|wrong medicine|wrong dose|too many tablets|took too much',
    ],
  },
  adverse_reaction: {
    terms: ['bivirkning*|side effect*|reaksjon på|reaction to'],
  },
  rash_or_swelling: {
    terms: [
      'utslett|elveblest|klør|kløe|hoven|hovent|hevelse|rash|hives|itchy|swelling|swollen|blemmer|blisters',
    ],
  },

  // ---------- innen_uke findings (GK: pakkeforløp, allmennpraksis) ----------
  lump: {
    near: [
      {
        all: [
          'kul|kuler|kulen|knute|knuter|knuten|klump|klumper|klumpen|kuljel|hevelse|lump|lumps|mass|swelling',
          'bryst|brystet|brystene|testikkel*|testikler|pung|pungen|hals|halsen|armhule*|lyske*|breast|testicle*|armpit|groin|neck|nakken',
        ],
        window: 5,
      },
    ],
  },
  changing_mole: {
    near: [
      {
        all: [
          'føflekk*|fødselsmerke*|leverflekk*|mole|moles|birthmark|pigmentflekk*',
          'større|vokser|vokst|mørkere|endret|forandret|forandring|blør|blødd|blødde|klør|ujevn*|bigger|growing|grown|darker|changed|changing|bleeding|bled|itchy|irregular',
        ],
        window: 8,
      },
    ],
  },
  weight_loss: {
    terms: [
      'vekttap|ufrivillig vekttap|weight loss|lost weight|gått ned i vekt|mistet vekt|slanket meg uten',
    ],
    near: [{ all: ['gått ned|mistet|tapt|lost', 'kg|kilo|kilos|vekt|vekta|weight|pounds'], window: 4 }],
  },
  blood_in_urine: {
    terms: [
      'blod i urinen|blod i tissen|blodig urin|blodig tiss|hematuri|blood in urine|blood in my urine|rød urin',
    ],
  },
  tick_bite: { terms: ['flått*|flåttbitt|tick|ticks|tick bite|skogbjørn*'] },
  redness: {
    terms: [
      'rød ring|rødt område|rød flekk|rødme|rødhet|red ring|red rash|redness|rødt|rød|red|bullseye|blink',
    ],
  },
  spreading_redness: {
    near: [
      {
        all: [
          'rød|rødt|rødme|rødhet|red|redness|hoven|hovent',
          'spre*|spredt|sprer|vokser|større|øker|spreading|growing|bigger|utover|oppover',
        ],
        window: 8,
      },
    ],
  },
  leg_swelling_painful: {
    near: [
      {
        all: [
          LEG_WORDS + '|ankel|ankelen|ankle',
          'hoven|hovent|hovne|hevelse|hevet|tykk*|tjukk*|swollen|swelling|puffy',
          'øm|ømt|vond|vondt|smerte*|varm|varmt|rød|rødt|painful|tender|warm|red|sore|hurts',
        ],
        window: 8,
      },
    ],
  },
  both_sides: { terms: ['begge|both|begge beina|begge bena|begge leggene|both legs|both ankles'] },
  immunosuppressed: {
    terms: [
      'cellegift|cytostatika|kjemoterapi|chemo*|immundempende|immunsvikt|immunsupprim*|nøytropen*|transplantert|transplant|metotreksat|methotrexate|biologisk behandling|biologiske legemidler|stråleterapi|under kreftbehandling|kreftbehandling',
    ],
  },

  // ---------- medication running out (GK) ----------
  critical_medication: { terms: [CRITICAL_MEDICATION_WORDS] },
  running_out_soon: {
    terms: [
      'går tom i dag|går tom i kveld|går tom i morgen|gått tom|har gått tom|er tom for|tom for|tomt for|har ingen igjen|ingen igjen|har ikke mer igjen|siste dosen|siste dose|ran out|run out|running out today|none left|no more left|last dose',
    ],
    near: [
      {
        all: ['igjen|tom|tomt|slutt|left|out', 'i kveld|i dag|i morgen|i natt|tonight|today|tomorrow'],
        window: 4,
      },
    ],
  },

  // ---------- non-clinical requests ----------
  prescription_renewal: {
    terms: [
      'ny resept|nye resepter|resepten|resepter|e-resept|eresept|*resepten|reseptfornyelse|resept på nytt|repeat prescription|prescription renewal|refill',
    ],
    near: [
      {
        all: [
          'går tom|gått tom|tom for|slutt på|snart tom|run out|running out|fornye|fornyet|=forny*|renew*',
          'resept*|medisin*|medisinen|tablett*|piller|pillene|inhalator*|spray*|insulin*|dosett*|=den|=dem|prescription|medication|pills',
        ],
        window: 6,
      },
    ],
  },
  renewal_verb: { terms: ['=forny*|fornyet|fornye|fornyelse|renew*|refill'] },
  prescription_word: { terms: ['resept|reseptet|prescription|prescribe|medisin|medisinen'] },
  sick_leave: {
    terms: [
      'sykmeld*|sykemeld*|sjukmeld*|sjukemeld*|sykemelding|egenmeld*|sick note|sick leave|fit note|arbeidsufør*|gradert sykmelding|aktivitetskrav*',
    ],
  },
  sick_leave_expiry: {
    terms: ['går ut|utløper|løper ut|slutter|avsluttes|varer til|gjelder til|ends|expires|runs out'],
  },
  lab_result: {
    terms: [
      'svar på *prøv*|svaret på *prøv*|svar fra *prøv*|svar på *test*|prøvesvar*|prøvesvaret|svar på prøv*|svar på blodprøv*|svarene på|svaret på|resultat*|test results|lab results|blood test results|blodprøvesvar*|prøveresultat*',
    ],
    near: [
      {
        all: [
          'kalium*|natrium*|kolesterol*|ldl|hdl|hba1c|langtidsblodsukker|hemoglobin|blodprosent|jern|jernlager|ferritin|b12|folat|folsyre|vitamin|d-vitamin*|vitamin-d|tsh|t4|stoffskifte*|crp|senkning|leukocytt*|trombocytt*|blodplater|kreatinin|egfr|nyreverdi*|leververdi*|alat|asat|psa|inr|glukose|urinsyre|kalsium|troponin|potassium|sodium|cholesterol|glucose|iron|thyroid|hb|blodprøv*|prøven|prøvene|testen|urinprøv*|blood test|blood tests|test|tests|bloods',
          '#num|lav|lavt|lave|høy|høyt|høye|forhøy*|svar|svaret|resultat*|viste|low|high|elevated|raised|normal|normalt|avvik*|utenfor|came back|result|results',
        ],
        window: 5,
      },
    ],
  },
  admin_request: {
    terms: [
      'attest*|legeattest*|førerkort*|journal*|journalkopi|kopi|bytte fastlege|ny fastlege|fastlegeliste*|faktura*|regning*|betal*|kvittering*|egenandel*|frikort*|adresse*|telefonnummer*|åpningstid*|fastende|før timen|timebestilling|innkalling*|vaksine*|vaksinasjon*|reiseattest|skjema*|erklæring*|uttalelse|helseattest|certificate|invoice|medical records|drivers licence',
    ],
    near: [
      {
        all: [
          'flytte|endre|avbestille|avlyse|bytte|utsette|booke|cancel|reschedule|move|change|book',
          'time|timen|timer|avtale*|appointment|konsultasjon*',
        ],
        window: 4,
      },
    ],
  },
  clinical_request: {
    terms: [
      'henvis*|sjekke|sjekket|undersøke|undersøkt|vurdere|vurdering|se på|check|examine|referral|refer',
      'blodprøve*|blood test|blood tests|kolesterol*|cholesterol|helsesjekk|health check|check-up',
      'røykeslutt|slutte å røyke|slutte å snuse|stop smoking|quit smoking|hjelp til å slutte|prevensjon|spiral|p-stav|svangerskapskontroll|fjerne|fjernet|remove|removal',
    ],
  },
  symptom: {
    terms: [
      'vondt|vond|smerte*|verk|verker|feber|hoste|hoster|hostet|hosten|utslett|kløe|klør|svie|svir|kvalm*|svimmel*|sliten|slitne|trøtt|tretthet|utmattet|utmatta|utmattelse|energiløs|lite energi|orkeløs|slapp|sløv',
      'nedfor|nedstemt|deprimert|depresjon|trist|lei meg|gråter|angst*|panikk*|uro|urolig|stress*|stressa|utbrent|bekymret|engstelig|søvn|søvnen|sover dårlig|søvnløs*|mareritt',
      'hevelse|hoven|hovent|hovne|kul|knute|klump|vorte*|eksem*|lus|lusa|skabb|springmark|snørr*|snørrete|lice|scabies|lekker|lekkasje|blør|blod|blødning*|blødde|blødd|diaré|løs mage|forstopp*|oppkast|kaster opp|tett nese|snue|forkjøl*|sår hals|halsvondt|influensa',
      'plager|plage|symptom*|stiv|stivt|stive|stivhet|nummen*|prikking|infeksjon|betennelse|rødt|rød|utflod|inkontinens|halsbrann|sure oppstøt|refluks|oppblåst|luft i magen|vekttap|gått ned i vekt',
      'problemer med å tisse|tisser ofte|må opp og tisse|må opp om natta|må opp mange ganger|gulsott|gul i huden|gule øyne|jaundice|yellow skin|feeling low|feel low|feeling down|low mood|not enjoy|no energy',
      'sår|såret|gror ikke|vil ikke gro|mensen|neseblod*|kramper|krampe|anfall|helvetesild|puss|bitt|not healing|seizure|fit|nosebleed|shingles',
      'glemmer|glemsk*|hukommelse*|demens|hørsel*|hørselen|hører dårlig|øresus|tinnitus|ser dårlig|migrene|nattesvette|tørst|håravfall|kviser|akne|neglesopp|hemoroider|krampe*|skjelv*|hes|heshet|brudd|forstuet|vrikket|kutt|brannskade*|bitt|stikk|hjertebank',
      'pain|ache|aches|sore|fever|cough|coughing|rash|itch*|tired|fatigue|exhausted|depressed|depression|anxiety|anxious|panic|stress|stressed|sleep|insomnia|swelling|swollen|lump|bleeding|blood in',
      'diarrh*|constipat*|nausea|vomit*|dizzy|sick|ill|infection|hurts|wart|mole|heartburn|reflux|upset stomach|bloated|headache|migraine|forgetful|memory|hearing|tinnitus|discharge|burning|stiff|numb|tingling|eczema|acne|injury|injured|sprain*|burn|bite',
    ],
    include: [
      'chest_pain',
      'dyspnea',
      'headache',
      'abdominal_pain',
      'fever',
      'uti_symptoms',
      'bp_elevated_feature',
      'bp_normal_feature',
      'confusion',
      'suicidal_ideation',
      'weak_ideation',
      'limb_weakness',
      'speech_disturbance',
      'face_droop',
      'eye_problem',
      'palpitations',
      'syncope',
      'dizzy',
      'back_pain',
      'throat_pain',
      'lump',
      'changing_mole',
      'tick_bite',
      'weight_loss',
      'unconscious',
      'hematemesis',
      'melena',
      'blood_in_stool',
      'blood_in_urine',
      'heavy_bleeding',
      'overdose',
      'poison_chemical',
      'medication_ingestion',
      'angioedema',
      'hives_generalized',
      'head_injury',
      'major_trauma',
      'leg_swelling_painful',
      'sudden_hearing_loss',
      'vision_loss',
      'blurred_vision',
      'petechiae',
      'rigors',
      'testicular_pain',
      'hemoptysis',
      'urinary_retention',
      'medication_error',
      'very_ill_child',
      'limp_plain',
      'dehydration_child',
      'suspected_emergency',
      'seizure',
      'found_on_floor',
      'dehydration_adult',
      'hot_joint',
      'wound_infection',
      'zoster_face',
      'nosebleed',
      'cannot_bear_weight',
      'minor_condition',
      'urination_problem',
      'jaundice',
      'deformity',
      'nausea_vomit',
      'burn',
      'facial_swelling',
      'foreign_body_eye',
      'airway_foreign_body',
      'behind_ear_swelling',
      'limb_neurology',
    ],
  },
  body_part: {
    terms: [
      `${ARM_WORDS}|${LEG_WORDS}|${HEAD_WORDS}|${CHEST_WORDS}|${ABDOMEN_WORDS}|${EYE_WORDS}|${THROAT_WORDS}|${NECK_WORDS}`,
      'øre|øret|ørene|ear|ears|rygg|ryggen|back|hud|huden|skin|kne|kneet|knee|skulder|skulderen|shoulder|hofte|hofta|hip|finger|fingeren|tå|tærne|toe|penis|pungen|skjeden|underlivet|nese|nesen|nose|munn|munnen|tenner|tann|tooth|negl|neglen|nail|ledd|leddene|joint|joints|albue|albuen|elbow|håndledd*|wrist|ankel|ankelen|ankle|hæl|hælen|heel',
    ],
  },
  minor_condition: {
    terms: [
      'lus|lusa|hodelus|lice|vorte|vorter|vorten|vortene|wart|warts|tørr hud|dry skin|flass|dandruff|kviser|akne|acne|neglesopp|nail fungus|hudmerke*|skin tag*|liktorn*|fotsopp|munnsår|forkjølelsessår|cold sore*',
      'snorker|snorking|snoring|snakker i søvne|snakker i søvnen|sleep talking|talks in * sleep',
    ],
  },
  mild_respiratory: {
    terms: [
      'forkjøl*|tett nese|snue|sår hals|halsvondt|vondt i halsen|hoste|hoster|hostet|cold|runny nose|stuffy nose|sore throat|cough|bihule*|snørr*|snørrete',
    ],
  },

  // ---------- prompt injection ----------
  injection_override: {
    terms: [
      'note to the ai|message to the ai|to the ai|dear ai|til ki-en|til kien|beskjed til ki|melding til ki|til roboten|til chatboten|to the bot|to the chatbot|to the model|til modellen|til assistenten|to the assistant|til algoritmen|to the algorithm',
      'system prompt|systemprompt|jailbreak|developer mode|utviklermodus|du er en språkmodell|du er en ki|you are an ai|you are a language model|as an ai|nye instruksjoner|new instructions|ny instruks',
    ],
    near: [
      {
        all: [
          'ignorer*|ignore|ignorere|glem|glemt|forget|disregard|overse|se bort fra|tilsidesett*|override|overstyr*',
          'instruks*|instruksjonene|instructions|instruction|regler|reglene|rules|prompt*|retningslinjer*|guidelines|programmering*',
        ],
        window: 5,
      },
      {
        all: [
          'marker*|merk|mark|klassifiser*|classify|kategoriser*|categori*|sett|set|label*|triager*|triage|prioriter*|prioritize|prioritise|flag|rate|score',
          'som|as|to|til',
          'rutine|routine|lav|lavt|low|grønn|green|ikke haster|ikke akutt|not urgent|non urgent|lowest|laveste|lav prioritet|low priority|hastegrad*|urgency|innen uke|samme dag|rutinesak',
        ],
        window: 6,
      },
    ],
  },
};
