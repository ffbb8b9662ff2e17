import type { LanguageLexicon } from './lexicon-types';
import { rules } from './rewrite';

/**
 * Norwegian Bokmål language pack: spoken consultation Norwegian → GP journal shorthand.
 * Shorthand after norwegian-domain.md §1.2 (us., ua., h./v., bilat., BT, T, RF, SpO2, TH, AT, henv.,
 * kontroll) and common fastlege usage; vocabulary is general GP vocabulary, not case material.
 */

/** Clinical word stems: a sentence with none of these (and no number or drug) is small talk. */
const CLINICAL_STEMS = `
vondt vond smert verk verke sår svie svir stikk dunk banker brenn klø kløe kribl nummen prikk
hodepin migren svimm kvalm oppkast kastet kaster spy diaré diare forstopp obstipasjon avføring bæsj tilsøl
blod blød koagel klump menstru mensen bind blødningsdager utflod
feber febr frys nattesvet svett temperatur grader
host slim ekspektorat oppspytt snørr nese nesa tett rennende nys heshet
hals svelg mandl tonsill drøvel kjertl lymfeknut glandl
øre ørene øret øra ørebetennelse trommehinn hørsel
øye øyne øyet synet synsforstyrr dobbeltsyn flimmer
pust tungpust andpust dyspné pipe piping pipelyd knatr krepitasjon lunge bryst thorax
hjerte hjertebank palpitasjon puls rytme uregelmessig bilyd
mage navle buk abdomen endetarm rumpa tarm
rygg korsrygg nakke skulder skuldr arm albue håndledd hånd hender finger fingr tommel
hofte hofta lår kne knær legg ankel ankl fot føtter tå tær tåa lilletå hæl bein beina
hode hodet ansikt munn lepp tann tenner kjeve lyske skritt underliv kropp hud negl hjerne nerve nyre blære
ledd hevelse hoven hovne hovnet hovent øm rød rødme rødt utslett eksem
skorpe blemm flekk ringform føflekk vorte kul kuler ødem sekret puss gul gult grønn grønt
tiss urin vannlat dysuri lekk inkontinens
sliten slapp trøtt utmattet orker energi slitenhet søvn sover sove våkner våkn søvnløs
nedstemt nedfor trist deprimert depresjon angst urolig bekymr stress panikk gråt
selvmord dødsønske selvskad skade skadet livslyst livet død glede interesse planer forberedelse konsentrasjon egenmeld sykmeld jobb arbeid studer student pensjon omorganiser oppsig sorg dødsfall skilsmisse samlivsbrudd konflikt mobb ensom velstelt psykose psykotisk
allmenntilstand matlyst appetitt vekt vekttap veide veier kilo kg tørst drikk spis leker varm feberfri
vaksine vaksinert allergi allergisk reagerer reaksjon tåler tålt elveblest
medisin tablett resept dose doser milligram mg mikrogram kur
p-pille p-piller prevensjon spiral hormonspiral gravid graviditet fødsel født ammer
røyk sigarett snus alkohol øl vin pils
diabetes sukker blodsukker kolesterol blodtrykk astma kols hjerteinfarkt infarkt slag hjerneslag
kreft svulst tumor cøliaki prolaps brudd fraktur operert operasjon innlagt
forkjøl infeksjon betennelse virus bakterie streptokokk penicillin antibiotika borreli flått flåttbitt
fall falt falle svartner besvim synkope ustø balanse gange hukommelse glemsk forvirr kramp skjelv anfall
låser låst låsning svikt klikk stiv knekk knakk vrid vred refleks sensibilitet lasègue mcmurray lachman skuffe
snubl kraftsvikt lammelse lamme parese
`;

/** Blood relatives (family history) and other people (exposure or small talk). */
const BLOOD_RELATIVES =
  'mor|moren|mora|mamma|mammaen|far|faren|pappa|pappaen|bror|broren|brødre|brødrene|søster|søsteren|søstre|søstrene|søsken|søsknene|datter|datteren|døtre|sønn|sønnen|sønner|barn|barna|barnet|bestemor|bestemora|bestefar|farmor|farfar|mormor|morfar|onkel|onkelen|tante|tanta|fetter|kusine|foreldre|foreldrene|tvilling|tvillingen|halvbror|halvsøster|lillebror|storebror|lillesøster|storesøster|lillebroren|storebroren|lillesøsteren|storesøsteren|halvbroren|halvsøsteren|besteforeldre|bestemoren|bestefaren|farmoren|farfaren|mormoren|morfaren|tanten|kusinen|fetteren';
const OTHER_PEOPLE =
  'kone|kona|mann|mannen|ektemann|ektemannen|samboer|samboeren|kjæreste|kjæresten|venn|vennen|venner|venninne|venninna|venninnen|kompis|kompisen|kollega|kollegaen|kolleger|naboen|nabo|sjefen|svigermor|svigerfar|svigerinne|svoger|partner|partneren';

/** The Norwegian lexicon. */
export const NB_LEXICON: LanguageLexicon = {
  language: 'nb',
  clinicalStems: CLINICAL_STEMS.split(/\s+/).filter((stem) => stem.length > 0),
  bloodRelatives: BLOOD_RELATIVES,
  otherPeople: OTHER_PEOPLE,
  firstPerson: 'jeg|meg|min|mitt|mine|vi|oss',
  thirdPersonPronouns: 'han|hun|ham|henne|hans|hennes|de|dem',
  secondPerson: 'du|deg|din|ditt|dine|dere',
  answerYes:
    'ja|jo|joda|jada|jepp|mm|mhm|stemmer|riktig|det stemmer|det har jeg|det gjør jeg|det er jeg|absolutt|definitivt',
  answerNo:
    'nei|neida|nope|nææ|næ|ikke|ingen|aldri|ingenting|ikke egentlig|egentlig ikke|tror ikke det|ikke som jeg vet|ikke som jeg har merket',
  answerUnsure: 'vet ikke|vet ikkje|usikker|husker ikke|kanskje|tja|nja|ikke sikker|litt usikker',
  /** Removed everywhere (fillers and hedges that carry no clinical content). */
  fillers: rules([
    ['e+h+m*|ehm+|ø+h+m*|hm+|mhm|m{2,}|æ+h+|eeh|öh', ''],
    ['ikke sant', ''],
    ['liksom|altså|ass|på en måte|du vet|skjønner du|vet du|for å si det sånn|på en måte', ''],
    ['og sånn|og sånt|og greier|og slikt|eller noe|eller noe sånt|eller sånn', ''],
    ['sånn(?= [\\p{L}\\d])', ''],
    ['tror jeg|tenker jeg|synes jeg|føler jeg(?=[,.]|$)', ''],
    ['skikkelig|utrolig|kjempe|helt|fryktelig|forferdelig|sykt|veldig|svært|jævlig|ganske', ''],
    ['jo|vel|egentlig|bare|da(?=[,.]|$)|nå da|så klart|selvfølgelig', ''],
    [
      'så(?= (?:utrolig |veldig )?(?:vondt|sår|dårlig|dårlige|sliten|slapp|trøtt|kvalm|svimmel|mye|lite|tung|tett|hoven|rød|øm|kraftig|kraftige|sterk|sterke|ille|redd|bekymret|vond|hovent|stivt|stiv|ofte|fort))',
      '',
    ],
    ['ehm|eh', ''],
  ]),
  /** Patient speech → history shorthand. */
  historyRewrites: rules([
    ['når jeg svelger|når man svelger', 'ved svelging'],
    ['når jeg hoster', 'ved hoste'],
    ['når jeg (?:puster inn|trekker pusten)', 'ved inspirasjon'],
    ['når jeg ligger', 'i liggende'],
    ['når jeg (?:reiser meg|står opp)', 'ved oppreisning'],
    ['når jeg bøyer meg(?: frem| fremover| forover)?', 'ved foroverbøying'],
    ['når jeg (?:går|gikk) (?:opp )?(?:i )?(?:trapper|trappa|trappen|trappene)', 'i trapper'],
    ['når jeg (?:går|gikk) (?:opp )?(?:i )?(?:motbakke|bakker|bakke)', 'i motbakke'],
    [
      '(?:jeg )?(?:har )?(?:fått|tatt|brukt) (\\p{L}+) (?:før|tidligere|flere ganger|mange ganger)(?:,? (?:da|som|når) [^,.;]{1,30})?,? (?:og )?(?:det gikk (?:fint|greit|bra)|uten problemer|uten reaksjon\\p{L}*)',
      'tålt $1 tidl.',
    ],
    ['(?:jeg )?tåler (?:det|den|dem) (?:fint|greit|bra)', 'tåler det'],
    ['(\\d+) komma noe', 'ca. $1'],
    ['(?:så |helt )?langt nede|helt nede|(?:så |veldig )?nedfor', 'nedstemt'],
    ['(?:vi |jeg og \\p{L}+ )?(?:gikk|flyttet) fra hverandre|slo opp|ble skilt|skilte oss', 'samlivsbrudd'],
    ['unnskyld', ''],
    ['(?:er )?i (?:helt )?vanlig form', 'vanlig allmenntilstand'],
    ['(?:er )?i (?:god|fin) form', 'god allmenntilstand'],
    ['(?:jeg )?vil (?:helst |gjerne )?ha (?=\\p{L})', 'ønsker '],
    ['ærlig talt|for å være ærlig', ''],
    ['(?:jeg|hun|han|vi) (?:veide|veier)|(?:veide|veier) (?:jeg|hun|han)', 'vekt'],
    ['ikke noe (?=\\p{L})', 'ingen '],
    ['når jeg løfter', 'ved løft'],
    ['om natta|om natten', 'om natten'],
    // symptoms in plain words → GP terms (common fastlege usage)
    ['(?:vondt|smerter?) i halsen|halsen (?:er |har vært )?(?:så )?(?:vond|sår)|halsvondt', 'sår hals'],
    ['vondt (?:å|når jeg|når man) svelger|vondt å svelge|smerter ved svelging', 'svelgsmerter'],
    ['(?:vondt|smerter?) i hodet', 'hodepine'],
    ['(?:vondt|smerter?) i magen', 'magesmerter'],
    ['(?:vondt|smerter?) i (?:korsryggen|nedre del av ryggen)', 'korsryggsmerter'],
    ['(?:vondt|smerter?) i ryggen', 'ryggsmerter'],
    // "vondt i sidene" (over the kidneys) is flank pain; "siden" alone also means "since" and is left alone
    ['(?:vondt|smerter?) i (?:sidene|flankene)', 'flankesmerter'],
    ['(?<=ryggsmerter(?:,| eller| og)) i (?:sidene|flankene)', ' flankesmerter'],
    ['(?:kaster|kastet) (?:ikke|aldri) opp|(?:har )?ikke kastet opp', 'ingen oppkast'],
    ['(?:det |kneet |den )?(?:har )?(?:ikke|aldri) låst seg|låser seg ikke', 'ingen låsninger'],
    ['(?:vondt|smerter?) i brystet', 'brystsmerter'],
    ['(?:vondt|smerter?) i (?:øret|øra|ørene|ørane)', 'øresmerter'],
    ['(?:vondt|smerter?) i (?:leddene|leddane)', 'leddsmerter'],
    ['(?:vondt|smerter?) i (?:kneet|knærne)', 'knesmerter'],
    [
      '(?:vondt|svir|svier|brenner|svie) når jeg tisser|(?:vondt|svie) ved vannlating|svir å tisse',
      'svie ved vannlating',
    ],
    [
      '(?:må|måtte) tisse (?:hele tiden|veldig ofte|ofte|mye)|tisser (?:hele tiden|veldig ofte|ofte|mye)',
      'hyppig vannlating',
    ],
    ['(?:blod|blodig) i (?:urinen|tissen)', 'blod i urinen'],
    ['(?:tung|tyngre|tungt) i pusten|tungpustet|andpusten|pusten er tung', 'tungpust'],
    ['tett i (?:nesa|nesen|nesa)', 'tett nese'],
    [
      'renner fra nesa|renner fra nesen|rennende nese|renningen fra nesa|(?:nesa|nesen) renner|det renner fra nesa',
      'rennende nese',
    ],
    ['(?:svidd|svir|svier|brent|brenner)(?= .{0,30}når jeg tisser)', 'svie'],
    ['når jeg tisser|når jeg later vannet', 'ved vannlating'],
    // painful urination is written as the GP term, also with the duration in between ("svie i 3 d ved vannlating")
    ['svie ved vannlating', 'dysuri'],
    ['svie( i \\d+ (?:d|dager|døgn|uker))? ved vannlating', 'dysuri$1'],
    ['kastet opp|kaster opp|har kastet opp|spydd|spyr', 'oppkast'],
    ['(?:løs|løst) i magen|løs mage|diare', 'diaré'],
    ['hovne kjertler|hovne lymfeknuter', 'forstørrede lymfeknuter'],
    ['kjertlene|kjertler', 'lymfeknuter'],
    ['helt utslått|slått ut|helt ferdig|helt tom for energi|ingen energi', 'slapp'],
    ['(?:hjertet|det) (?:hamrer|dunker|slår fort|banker)(?: fort| uregelmessig)?', 'hjertebank'],
    ['(stikkende|murrende|brennende|skarp|skarpe|konstant|verkende|dunkende|jevn|jevnt) vondt', '$1 smerter'],
    ['(?<=\\p{L} )her(?= [\\p{L}])|(?<=\\p{L}) her(?=[,.]|$)', ''],
    ['svartner for øynene|det svartner', 'svartner'],
    ['mensen|menstruasjonen', 'menstruasjon'],
    ['blodpropp', 'blodpropp'],
    ['ingen faste medisiner|ingen medisiner fast', 'ingen faste med.'],
    // first person frames → GP telegram style ("jeg har hatt feber" → "feber")
    ['(?:og |men |så )?jeg har (?:også |hatt |fått |vært )?(?=\\p{L})', ''],
    ['(?:og |men |så )?jeg er (?:også )?(?=\\p{L})', ''],
    [
      '(?:og |men |så )?jeg (?=(?:tok|målte|merket|kjente|kjenner|bruker|brukte|drikker|spiser|sover|tisser|hoster|røyker|røykte|sluttet|jobber|studerer|trener|går|gikk|fikk|ble|blir|føler|merker|tåler|tålte|pleier|har|hadde|var|reagerer|reagerte|våkner|orker|klarer|får|prøvde|prøvd|måtte|kan|kunne)\\b)',
      '',
    ],
    ['(?:det|den|han|hun) (?:har )?(?:begynte|begynt|startet|kom)', 'debut'],
    ['så det er', ''],
    ['^(?:og |men |så )?det (?:er|var) ', ''],
    ['^(?:og |men |så )?det (?=\\p{L})', ''],
    ['^(?:og |men |så )?(?:han|hun) (?:har|hadde|er|var)(?: hatt| vært| fått)? ', ''],
    ['^(?:og |men |så )?jeg (?=\\p{L})', ''],
    ['^(?:og |men |så )?(?:han|hun) (?=\\p{L})', ''],
    ['^(?:så )?du har (?:en |et )?', ''],
    ['(?:så ofte )?(?:du|han|hun|dere) trenger(?: det)?|etter behov', 'ved behov'],
    ['^(?:og |men |så )', ''],
    [/(?<=\p{L}) (?:min|mitt|mine|mi)(?=[ ,.]|$)/giu, ''],
    ['(?<=[\\p{L},] )jeg (?=\\S)', ''],
    [
      'litt(?= (?:vondt|hodepine|sår|rød|hoven|hovent|øm|feber|kvalm|svimmel|slapp|tungpust|hoste|nummen|hevelse|stiv|stivt|forstørr\\p{L}*|trøtt|sliten))',
      'lett',
    ],
    ['mye mer', 'økt'],
  ]),
  /** Doctor's examination dictation → findings shorthand. */
  examinationRewrites: rules([
    ['hun er|han er|du er', ''],
    ['^(?:først|så|deretter|og så)(?= )', ''],
    ['(?:i )?(?:god|fin|bra) form', 'god AT'],
    ['ikke noe (?=\\p{L})', 'ingen '],
    [
      '(?:ser|høres|kjennes|virker|er) (?:helt |også |fortsatt )?(?:fine?|normale?|normalt|bra|greie?|rolige?|ok|ua|i orden|uten anmerkning) ut|(?:ser|høres|kjennes) normalt ut',
      'ua.',
    ],
    [
      '(?:er|var) (?:helt |også |fortsatt )?(?:fine?|normale?|normalt|i orden|uten anmerkning)(?=[ ,.]|$)',
      'ua.',
    ],
    ['uten anmerkning(?:er)?|ingen anmerkning(?:er)?|helt normalt|helt normal', 'ua.'],
    ['temperatur(?:en)?(?: (?:er|var|på|målt til|nå))*|tempen(?: (?:er|var|på))*', 'T'],
    ['(?:jeg |vi )?(?:tar|måler|sjekker) T(?: først| nå| også)?', 'T'],
    ['^(?:ja|ok|okei|nei)[,.]? ', ''],
    ['(?:det )?ser (lett |litt )?(\\p{L}+) ut', '$1$2'],
    ['blodtrykk(?:et)?(?: (?:er|var|på|ligger på|i dag))*', 'BT'],
    ['(?:jeg )?(?:tar|måler|sjekker) BT(?: først| nå)?', 'BT'],
    ['puls(?:en)?(?: (?:er|var|på|ligger på))*', 'puls'],
    ['(?:oksygen|surstoff)?metning(?:en)?(?: (?:er|var|på|ligger på))*|saturasjon(?:en)?(?: er)?', 'SpO2'],
    [
      '(?:pusten|respirasjonsfrekvens(?:en)?|pustefrekvens(?:en)?)(?: (?:er|var|på))* (\\d+)(?: (?:i minuttet|per minutt|pust i minuttet))?',
      'RF $1',
    ],
    ['(\\d+) (?:i minuttet|per minutt|slag i minuttet)', '$1/min'],
    ['trommehinnen(?:e)?|trommehinne', 'TH'],
    ['mandlene|mandler|mandel', 'tonsiller'],
    ['drøvelen|drøvel', 'uvula'],
    ['står midt|står i midten|står midtstilt', 'midtstilt'],
    ['allmenntilstand(?:en)?', 'AT'],
    [
      'lungene (?:er |høres )?(?:helt |også )?ua\\.?|lungene (?:høres|er) (?:helt |også )?(?:fine|normale|fint|normalt)(?: ut)?',
      'pulm: ua.',
    ],
    ['lungene|lungane', 'pulm'],
    ['knatrelyder|knatring|knitrelyder', 'krepitasjoner'],
    ['(?:pipelyder|piping) i utpust', 'ekspiratoriske pipelyder'],
    ['hjertet', 'cor'],
    ['magen', 'abdomen'],
    ['(?:er |var )?myk og ikke øm', 'bløt, uøm'],
    ['(?:er |var )?myk', 'bløt'],
    ['positiv', 'pos.'],
    ['negativ', 'neg.'],
    // dictation frames ("her er", "jeg ser at", "da kjenner jeg") carry no finding
    ['^(?:ja,? |ok,? |så,? |da,? |og,? |nå,? |her,? )*(?:her|nå|da|så) (?:er|ser) (?:det )?', ''],
    [
      'jeg (?:ser|finner|hører|kjenner|måler)(?: at)?(?: det er)?(?: også)?|(?:ser|finner|hører|kjenner|måler) jeg(?: at)?(?: det er)?',
      '',
    ],
    ['(?:jeg )?dikterer(?: litt)?(?: høyt)?|unnskyld', ''],
    ['(?:så |og )?(?:jeg )?lytter(?: jeg)?(?: på (?:lungene|hjertet|deg))?', ''],
    [', og det er(?: også)?', ','],
    ['og det er(?: også)?', 'og'],
    ['(?:ørene|øret|øra),? (?=TH)', ''],
    ['^(?:og |så |men |da )?det er (?=\\p{L})', ''],
    ['^(?:og |så |men |da )', ''],
    ['(?<=\\p{L}) (?:er|var) (?=\\p{L})', ' '],
    ['litt', 'lett'],
  ]),
  /** Doctor's plan → plan shorthand. */
  planRewrites: rules([
    [
      'jeg (?:skal )?(?:skriver|skrive) ut(?: en resept på| resept på)?|(?:du får|jeg gir deg|jeg sender|jeg har sendt)(?: en)? (?:e-)?resept på',
      'resept',
    ],
    [
      'jeg (?:skal |vil )?(?:henviser|henvise|sende en henvisning|sender en henvisning|skriver en henvisning)(?: deg)?(?: til)?',
      'henv.',
    ],
    // the same after an adverb, with the verb second ("så henviser jeg deg til kardiolog")
    ['(?:så|da|nå|og) (?:henviser|sender) jeg (?:deg |henne |ham )?(?:også )?til', 'henv.'],
    [
      'jeg (?:skal |vil )?(?:sykmelder|sykmelde|skriver en sykmelding|skriver sykmelding)(?: deg)?',
      'sykmeldt',
    ],
    ['(?:så|da|nå|og) sykmelder jeg (?:deg|henne|ham)', 'sykmeldt'],
    ['(?:så|da|nå|og) skriver jeg ut(?: en resept på| resept på)?', 'resept'],
    ['(\\d+) (?:prosent|%) sykmelding', 'sykmeldt $1 %'],
    [
      'vi ses(?: igjen)? om|(?:jeg vil|vil jeg|og så vil jeg) se (?:deg|dere|henne|ham|han|hun)(?: igjen)? om|(?:du får )?(?:en )?ny (?:time|kontroll) om|kom tilbake om|kommer tilbake om|kontroll hos meg om|vi tar en ny (?:titt|kontroll) om',
      'kontroll om',
    ],
    ['(?:jeg vil|vil jeg) se (?:deg|dere|henne|ham|han|hun)(?: igjen)? (?:på|neste) ', 'kontroll '],
    [
      '(?:vi|jeg) (?:tar|skal ta|vil ta|bestiller|sjekker)(?: også)?(?: noen| en| nye| ny)? (?:blodprøver|blodprøve|prøver)',
      'blodprøver',
    ],
    [
      '(?:ta|ta en|tar) kontakt(?: igjen)?|kontakte (?:oss|meg|legen|kontoret)(?: igjen)?|ringe (?:oss|meg|kontoret)',
      'ny kontakt',
    ],
    [
      'ringe legevakten|ring legevakten|gå på legevakten|dra på legevakten|kontakte legevakten|oppsøke legevakten|legevakten',
      'legevakt',
    ],
    ['ringe 113|ring 113|ringer 113', '113'],
    ['ring(?:e|er)? (?:meg|oss|kontoret)', 'ta kontakt'],
    [
      '(?:hvis|om|dersom) (?:du|dere) (?:blir|føler deg) (?:verre|dårligere)|(?:hvis|om|dersom) det blir verre',
      'ved forverring',
    ],
    [
      '(?:du kan|du skal|du må|du bør|jeg vil at du skal|jeg anbefaler at du|prøv å)(?: fortsette å| fortsette med)? ',
      '',
    ],
    ['fortsett med|fortsette med', 'fortsette'],
    ['(\\p{L}+) slutter vi (?:helt )?med', 'seponere $1'],
    ['(?:\\d+|én|en) tablett som heter', ''],
    ['(?:så ofte )?(?:du|han|hun|dere) trenger(?: det)?|etter behov', 'ved behov'],
    [
      /,\s*(?:ellers|for da|sånn at|slik at|men det er kort tid|det kan hjelpe|det er viktig|det er lurt|så det)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^,.]*/giu,
      '',
    ],
    ['(?:nei,? )?(?:vi )?bruker (?:helst )?ikke (\\p{L}+) (?:lenger|mer)', 'ikke $1'],
    ['(\\p{L}+) slutter du (?:helt )?med|(?:du skal |du må )?slutte (?:helt )?med (?=\\p{L})', 'seponere $1'],
    ['(?:da |så )?(?:sender|skriver|gir) jeg (?:deg )?(?:en |et )?(e-resept|resept)(?: på)?', '$1'],
    ['(?:da |så )?(?:sender|skriver) jeg (?:en )?henvisning(?: til)?', 'henv.'],
    [', (?:det er )?(?:det )?(?:samme|det samme) som \\p{L}+', ''],
    [', så (?:vi|jeg) kan [^,.]*', ''],
    [
      '(?:nei,? )?(?:du trenger ikke|(?:det er|det trengs) ikke nødvendig med|vi (?:venter|avventer) med|jeg (?:gir|skriver) (?:deg )?ikke(?: ut)?|det er ingen grunn til|vi trenger ikke) (antibiotika|penicillin)(?: nå)?',
      'ingen $1 nå',
    ],
    ['(?:vi )?behandler (?:det|deg|dette) hjemme', 'behandles hjemme'],
    ['røntgen(?:bilde)? av (?:lungene|brystet|brystkassa)|lungerøntgen', 'rtg. thorax'],
    [', for å (?:se|sjekke|være sikker på|forsikre oss om) at [^,.]*', ''],
    [
      '(?:dette er )?(?:en )?god anledning til å slutte å røyke|du bør slutte å røyke|jeg anbefaler (?:deg )?å slutte å røyke',
      'råd om røykeslutt',
    ],
    ['(?:vil jeg|jeg vil)(?: gjerne)? at du (?:tar|tar et|tar en)', ''],
    ['(?:vil jeg|jeg vil)(?: gjerne)? at du', ''],
    ['(?:du kan )?ta(?= (?:\\d|én|en|ett|1))|^ta (?=\\p{L})', ''],
    ['(\\p{L}+) (?:gjør|tar) vi (?=hvis|om|dersom)', '$1 '],
    [
      'hvis det ikke (?:blir|går) bedre|om det ikke (?:blir|går) bedre|dersom det ikke blir bedre',
      'ved manglende bedring',
    ],
    ['(?:hvis|om|dersom) det blir verre', 'ved forverring'],
    ['jeg (?:vil|skal|tenker å|foreslår at vi|foreslår å) ', ''],
    ['vi (?:skal|får|tar|gjør) ', ''],
    ['^(?:og |så |men |da )', ''],
  ]),
  /** Everyone: units, doses, durations and sides as written in notes. */
  commonRewrites: rules([
    ['(\\d+(?:,\\d+)?) ?(?:milligram|milligrams|mg)', '$1 mg'],
    [/,\s*(\d+(?:,\d+)? ?(?:mg|milligram|g|gram|mikrogram)(?![\p{L}]))/giu, ' $1'],
    ['(\\d+(?:,\\d+)?) ?(?:mikrogram|µg|mcg)', '$1 mikrogram'],
    ['(\\d+(?:,\\d+)?) ?(?:gram)', '$1 g'],
    ['(\\d+(?:,\\d+)?) ?(?:kilo|kilogram)', '$1 kg'],
    ['(\\d+(?:,\\d+)?) ?(?:prosent)', '$1 %'],
    ['(\\d+(?:,\\d+)?) ?(?:centimeter)', '$1 cm'],
    ['(\\d+(?:,\\d+)?) ?(?:millimol per mol|millimol/mol|millimol)', '$1 mmol/mol'],
    ['1 tablett (?=\\d+ ganger|x)', ''],
    ['(?:én|en|1) (?:tablett|tabl\\.?|kapsel|dose) (?:om dagen|daglig|hver dag|per dag|i døgnet)', 'x 1'],
    [
      '(\\d+[-–]\\d+) ganger (?:daglig|om dagen|i døgnet|per dag|pr\\.? dag|hver dag|om døgnet)',
      '$1 ganger daglig',
    ],
    ['(?<![-–])(\\d+) ganger (?:daglig|om dagen|i døgnet|per dag|pr\\.? dag|hver dag|om døgnet)', 'x $1'],
    ['(?:én|en|1) gang (?:daglig|om dagen|i døgnet|per dag|hver dag)', 'x 1'],
    ['morgen og kveld', 'x 2'],
    [/(\d (?:mg|g|mikrogram)),\s*(?=x \d)/giu, '$1 '],
    ['i døgnet|per døgn|pr\\.? døgn', '/døgn'],
    [/ \/døgn/gu, '/døgn'],
    ['(\\d+(?:,\\d+)?) (?:dager|døgn)(?=[ ,.;:)]|$)', '$1 d'],
    ['(\\d+) måneder', '$1 mnd'],
    ['(\\d+) (?:til|-) (\\d+)(?= (?:d|uker|mnd|år|ganger|x|g|mg|timer)(?=[ ,.;:)]|$))', '$1–$2'],
    ['på begge sider|begge sider|på begge sidene|bilateralt|tosidig', 'bilat.'],
    ['på høyre side|høyre side', 'h. side'],
    ['på venstre side|venstre side', 'v. side'],
    ['(?:på |i )?høyre(?= \\p{L})', 'h.'],
    ['(?:på |i )?venstre(?= \\p{L})', 'v.'],
    ['cirka|omtrent|sånn ca\\.?|rundt(?= \\d)|ca\\.', 'ca'],
    // GP notes write nouns in the indefinite form ("smerter i kne", "sår rundt nese")
    ['halsen', 'hals'],
    ['nesa|nesen', 'nese'],
    ['øret|øra', 'øre'],
    ['ørene|ørane', 'ører'],
    ['øyet', 'øye'],
    ['øynene', 'øyne'],
    ['magen', 'mage'],
    ['ryggen', 'rygg'],
    ['korsryggen', 'korsrygg'],
    ['nakken', 'nakke'],
    ['skulderen|skuldra', 'skulder'],
    ['armen', 'arm'],
    ['armene', 'armer'],
    ['hånden|hånda', 'hånd'],
    ['hendene', 'hender'],
    ['beinet|benet', 'bein'],
    ['beina|bena', 'bein'],
    ['kneet', 'kne'],
    ['knærne', 'knær'],
    ['leggen', 'legg'],
    ['leggene', 'legger'],
    ['låret', 'lår'],
    ['foten', 'fot'],
    ['føttene', 'føtter'],
    ['ankelen', 'ankel'],
    ['anklene', 'ankler'],
    ['hofta|hoften', 'hofte'],
    ['brystet', 'bryst'],
    ['hodet', 'hode'],
    ['huden', 'hud'],
    ['sårene|såret', 'sår'],
    ['skorpene', 'skorper'],
    ['tærne', 'tær'],
    ['fingrene', 'fingre'],
    ['leddene', 'ledd'],
    ['urinen|tissen', 'urin'],
    ['avføringen', 'avføring'],
    ['hosten', 'hoste'],
    ['feberen', 'feber'],
    ['smertene', 'smerter'],
    ['slimet', 'slim'],
    ['utslettet', 'utslett'],
    ['blodet', 'blod'],
    ['menstruasjonen|mensen', 'menstruasjon'],
    ['svelget', 'svelg'],
    ['tonsillene', 'tonsiller'],
    ['lymfeknutene', 'lymfeknuter'],
    ['trommehinnene', 'TH'],
    ['øregangen', 'øregang'],
    ['kinnene', 'kinn'],
    ['ved behov', 'v/behov'],
    ['tidligere', 'tidl.'],
    ['eventuelt', 'ev.'],
    ['henvisning', 'henv.'],
    [
      /(?<=(?:^|\s))(?<!med |i |en |for |som |til |av )(?:en|et|ei) (?!gang|del|stund|annen|uke|måned|dag|time|halv|med |som |av |til )(?=\p{L})/giu,
      '',
    ],
    [/(?<![\p{L}\p{N}])(\p{L}{3,}), \1(?![\p{L}\p{N}])/giu, '$1'],
    ['et par (dager|uker|måneder|år)', 'ca. 2 $1'],
    ['(?<![x] \\d+ )om dagen|hver dag', 'daglig'],
    ['(?:noen gang|noen ganger)', ''],
  ]),
  questionFrames: [
    '^(?:og |men |så |ok,? |okei,? |ja,? |nei,? |bra,? |fint,? |flott,? |greit,? |da,? )*',
    '(?:er det (?:noen )?(?:mulighet|sjanse|fare) for at|kan det være at|tror du (?:at )?)(?: du| hun| han)?(?: kan)?(?: være| er)?',
    '(?:har du|har dere|har han|har hun|har det|du har|du hadde)(?: noen gang)?(?: hatt| fått| merket| kjent| sett| lagt merke til| opplevd| vært| målt| tatt| brukt| prøvd)?(?: at du| at det| at)?',
    '(?:er du|er han|er hun|er det|blir du|blir det|føler du deg|kjenner du deg|var du|var det)',
    '(?:bruker du|bruker han|bruker hun|tar du|tar han|tar hun|går du på)',
    '(?:merker du|merket du|kjenner du|kjente du|ser du|hører du|føler du|får du|fikk du)',
    '(?:kan du være|kan det være|kan du)',
    '(?:hender det at du|skjer det at du|pleier du å)',
    '(?:hva med|hvordan er det med|hvordan med|hvordan er)',
    '^(?:noe|noen|no)(?= )',
    '(?:for eksempel|noe sted|i det hele tatt|noen gang|i det siste|også|i tillegg|nå)(?=\\?|$)',
  ],
  verbTopics: [
    ['hoster', 'hoste'],
    ['kaster (?:du )?opp', 'oppkast'],
    ['svetter', 'svette'],
    ['røyker', 'røyking'],
    ['snorker', 'snorking'],
    ['fryser', 'frysninger'],
    ['blør', 'blødning'],
  ],
  allergyTopic: 'allergi|allergier|allergisk|tåler|tålt|reaksjon|reaksjoner|reagert',
  noKnownAllergies: 'Ingen kjente allergier.',
  noKnownDrugAllergies: 'Ingen kjente allergier mot legemidler.',
  drugWordsInQuestion: 'medisin|medisiner|legemidler|penicillin|antibiotika',
  smallTalk:
    'hei|hallo|god dag|god morgen|takk|tusen takk|velkommen|kom inn|sett deg|bare sett deg|bare hyggelig|god bedring|ha det|ha det bra|vi snakkes|været|ferie|fotball|fiske|fisket|hytta|helg|helgen|eksamen',
  negativeWord: 'Ingen',
  notWord: 'Ikke',
  nounSymptoms:
    'feber|hoste|smerter|smerte|allergier|allergi|frysninger|nattesvette|vekttap|oppkast|kvalme|diaré|utflod|blødning|blod|brystsmerter|hodepine|magesmerter|slim|ekspektorat|svimmelhet|tungpust|pipelyder|utslett|hevelse|nummenhet|lammelser|kraftsvikt|problemer|plager|reaksjoner|låsninger|svikt|sår|synsforstyrrelser|palpitasjoner|hjertebank|ødemer|tegn|endring|endringer|medisiner|faste medisiner|sykdommer',
  adjectiveSymptoms:
    'er|var|blir|kan|tung|tungpustet|tett|svimmel|kvalm|gravid|hoven|hovne|øm|ømme|stiv|nummen|sliten|slapp|trøtt|vaksinert|allergisk|syk|dårlig|verre|bedre|rød|røde|blek|varm|kald|tørst|sulten|redd|bekymret|deprimert|nedstemt|engstelig|urolig|forstoppet|løs|plaget|merket|sett|vært|hatt|fått|brukt|tatt|målt|hovent|hevet|tungt|vanskelig|lett|mulig|normal|riktig|bedre|i|på|med|blitt|følt|kjent|gått|falt|besvimt|våknet|røyker|drikker|bruker|tar|hoster|spiser|sover|tisser|trener|jobber',
  uncertaintyPrefix: 'Usikker:',
  familyHistoryPrefix: 'Fam.:',
  reportedPrefix: 'Ifølge',
};
