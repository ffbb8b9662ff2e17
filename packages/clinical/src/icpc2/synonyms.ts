/**
 * Lay and clinical Norwegian words → ICPC-2 codes, for retrieval before choosing from the official list.
 * Built from the common GP codes and titles in the domain knowledge file (§5.2, titles from the 2025
 * Helsedirektoratet/NAV list) and everyday Norwegian usage: each entry maps the words patients and GPs
 * say ("blærekatarr", "vondt i halsen", "høyt blodtrykk") to the code whose title names that problem.
 * Patterns are regular-expression bodies matched at a word start in lower-case text; `\w*` covers
 * inflections. Every code here is checked against the list in a unit test.
 */

/** One synonym entry. */
export interface Icpc2Synonym {
  pattern: string;
  codes: string[];
  /** A feared or suspected diagnosis (cancer): counted only when said as certain, never when ruled out or referred for. */
  needsCertainty?: boolean;
}

/** The synonym table. */
export const ICPC2_SYNONYMS: readonly Icpc2Synonym[] = [
  // A – general
  { pattern: 'feber\\b|febril|høy temp', codes: ['A03'] },
  { pattern: 'frysninger|frøs og skalv', codes: ['A02'] },
  { pattern: 'slapphet|slapp\\b|tretthet|utmattet|utslitt|sliten\\b|energiløs', codes: ['A04'] },
  { pattern: 'sykdomsfølelse|føler meg syk', codes: ['A05'] },
  { pattern: 'besvim\\w*|synkope|svimte av', codes: ['A06'] },
  { pattern: 'brystsmerte\\w*|vondt i brystet|smerter i brystet|trykk i brystet', codes: ['A11'] },
  {
    pattern:
      'bivirkning(?:en|er|ene)? av|legemiddelutløst|legemiddelindusert|forskrivningskaskade|medisinene (?:er|kan være) (?:en viktig del av )?(?:forklaringen|årsaken)',
    codes: ['A85'],
  },
  { pattern: 'virusinfeksjon|virussykdom|virose', codes: ['A77'] },
  { pattern: 'borreliose|borrelia\\w*|erythema migrans|erytema migrans|lyme', codes: ['A78'] },
  { pattern: 'allergisk reaksjon|anafylaksi', codes: ['A92'] },
  { pattern: 'mononukleose|kyssesyke', codes: ['A75'] },
  { pattern: 'vannkopper', codes: ['A72'] },
  // B – blood
  { pattern: 'jernmangel\\w*|lave jernlagre|jernlagrene er lave|lav ferritin', codes: ['B80'] },
  { pattern: 'b12-mangel|folatmangel|folsyremangel|perniciøs', codes: ['B81'] },
  { pattern: 'anemi\\b|blodmangel|lav blodprosent|lavt hemoglobin|blodprosenten er lav', codes: ['B82'] },
  { pattern: 'hovne lymfeknuter|forstørrede lymfeknuter|hovne kjertler', codes: ['B02'] },
  // D – digestive
  { pattern: 'vondt i magen|magesmert\\w*|magevondt|mageknip|abdominalsmert\\w*', codes: ['D01'] },
  { pattern: 'vondt (?:øverst )?i mellomgulvet|epigastri\\w*', codes: ['D02'] },
  { pattern: 'halsbrann|sure oppstøt', codes: ['D03'] },
  { pattern: 'kvalm\\w*', codes: ['D09'] },
  { pattern: 'oppkast|kaster opp|kastet opp|brekninger', codes: ['D10'] },
  { pattern: 'diaré|løs mage|tynn avføring', codes: ['D11'] },
  { pattern: 'forstopp\\w*|obstipasjon|hard avføring|treg mage', codes: ['D12'] },
  {
    pattern:
      'blod i avføringen|blod på papiret|blødning fra endetarmen|rektalblødning|blod på hansken|blødning fra tarmen',
    codes: ['D16'],
  },
  {
    pattern:
      'endret avføring\\w*|forandring i avføring\\w*|endring i avføring\\w*|avføringsvane\\w*|avføringsmønster\\w*|oftere på do',
    codes: ['D18'],
  },
  { pattern: 'svelgebesvær|vanskelig å svelge|dysfagi', codes: ['D21'] },
  { pattern: 'omgangssyke|gastroenteritt|magesjau', codes: ['D73'] },
  {
    pattern:
      'tarmkreft|tykktarmskreft|endetarmskreft|tykk- og endetarmskreft|kolorektal kreft|koloncancer|rektalcancer',
    codes: ['D75'],
    needsCertainty: true,
  },
  { pattern: 'magesår|ulcus', codes: ['D86'] },
  { pattern: 'dyspepsi|funksjonell dyspepsi|sur mage', codes: ['D07'] },
  { pattern: 'irritabel tarm\\w*|ibs\\b', codes: ['D93'] },
  { pattern: 'hemoroider', codes: ['K96'] },
  { pattern: 'analfissur|sprekk i endetarmen', codes: ['D95'] },
  { pattern: 'gallestein|galleanfall', codes: ['D98'] },
  { pattern: 'blindtarmbetennelse|appendisitt', codes: ['D88'] },
  { pattern: 'cøliaki|glutenintoleranse', codes: ['D99'] },
  { pattern: 'reflukssykdom|refluks|spiserørsbetennelse', codes: ['D84'] },
  // F – eye
  { pattern: 'øyekatarr|infeksiøs konjunktivitt|bakteriell konjunktivitt', codes: ['F70'] },
  { pattern: 'allergisk konjunktivitt', codes: ['F71'] },
  { pattern: 'rødt øye|røde øyne', codes: ['F02'] },
  // H – ear
  { pattern: 'vondt i øret|vondt i ørene|øresmert\\w*|øreverk', codes: ['H01'] },
  { pattern: 'ørebetennelse\\w*|mellomørebetennelse\\w*|otitis media|akutt otitt', codes: ['H71'] },
  { pattern: 'ytre otitt|øregangsbetennelse|betennelse i øregangen', codes: ['H70'] },
  { pattern: 'serøs otitt|væske bak trommehinnen', codes: ['H72'] },
  { pattern: 'ørevoks|vokspropp', codes: ['H81'] },
  { pattern: 'øresus|tinnitus', codes: ['H03'] },
  // K – circulation
  { pattern: 'hjertebank|palpitasjon\\w*', codes: ['K04'] },
  {
    pattern: 'uregelmessig\\w* (?:hjerte)?(?:rytme|puls|hjerteslag)|hjertet slår (?:helt )?ujevnt|ujevn puls',
    codes: ['K05'],
  },
  { pattern: 'hovne ankler|ankelødem\\w*|hovne bein|beinødem\\w*', codes: ['K07'] },
  { pattern: 'angina|hjertekrampe', codes: ['K74'] },
  { pattern: 'hjerteinfarkt', codes: ['K75'], needsCertainty: true },
  { pattern: 'hjertesvikt', codes: ['K77'] },
  { pattern: 'atrieflimmer\\w*|atrieflutter|hjerteflimmer|forkammerflimmer', codes: ['K78'] },
  {
    pattern:
      'hypertensjon|høyt blodtrykk|blodtrykkskontroll|blodtrykket (?:er )?(?:for )?høyt|blodtrykket må ned|høye blodtrykket',
    codes: ['K86'],
  },
  { pattern: 'forhøyet blodtrykk', codes: ['K85'] },
  {
    pattern:
      'ortostatisk hypotensjon|postural hypotensjon|ortostatisk blodtrykksfall|blodtrykket faller når|blodtrykksfall (?:når|ved)|fall når (?:du|hun|han|jeg) reiser|svartner (?:for øynene )?når',
    codes: ['K88'],
  },
  { pattern: 'drypp|tia\\b|forbigående cerebral iskemi', codes: ['K89'] },
  { pattern: 'hjerneslag|slag\\b', codes: ['K90'], needsCertainty: true },
  { pattern: 'lungeemboli|blodpropp i lungene', codes: ['K93'], needsCertainty: true },
  { pattern: 'dyp venetrombose|blodpropp i (?:leggen|beinet|låret)', codes: ['K94'], needsCertainty: true },
  { pattern: 'åreknuter', codes: ['K95'] },
  // L – musculoskeletal
  { pattern: 'nakkesmert\\w*|vondt i nakken|stiv nakke', codes: ['L01'] },
  { pattern: 'ryggsmert\\w*|vondt i ryggen', codes: ['L02'] },
  { pattern: 'korsrygg\\w*|lumbago|vondt nederst i ryggen|låsning i ryggen|hekseskudd', codes: ['L03'] },
  { pattern: 'vondt i skulderen|skuldersmert\\w*', codes: ['L08'] },
  { pattern: 'vondt i kneet|knesmert\\w*|vondt i knærne', codes: ['L15'] },
  { pattern: 'vondt i hofta|hoftesmert\\w*', codes: ['L13'] },
  { pattern: 'fibromyalgi|utbredte muskelsmerter', codes: ['L18'] },
  { pattern: 'forstuing\\w* (?:av )?ankel\\w*|forstuet ankel\\w*|overtråkk|tråkket over', codes: ['L77'] },
  { pattern: 'vred kneet|vridningsskade i kneet|forstuet kne\\w*', codes: ['L78'] },
  { pattern: 'nakkesyndrom|nakkeslengskade|whiplash', codes: ['L83'] },
  {
    pattern:
      'isjias|skiveprolaps|prolaps\\b|utstråling (?:ned )?i (?:beinet|benet|foten)|stråler ned|nerverot\\w*|lumbago-isjias|lasègue positiv',
    codes: ['L86'],
  },
  { pattern: 'ryggsyndrom uten|mekaniske ryggsmerter', codes: ['L84'] },
  { pattern: 'senebetennelse|tendinitt|bursitt|slimposebetennelse', codes: ['L87'] },
  { pattern: 'revmatoid artritt|leddgikt', codes: ['L88'] },
  { pattern: 'hofteleddsartrose|artrose i hofta', codes: ['L89'] },
  { pattern: 'kneleddsartrose|artrose i kneet', codes: ['L90'] },
  { pattern: 'slitasjegikt|artrose\\b', codes: ['L91'] },
  { pattern: 'frossen skulder|impingement|skuldersyndrom', codes: ['L92'] },
  { pattern: 'tennisalbue|lateral epikondylitt', codes: ['L93'] },
  { pattern: 'beinskjørhet|osteoporose', codes: ['L95'] },
  { pattern: 'menisk\\w*|korsbåndskade|korsbåndet er røket|akutt indre kneskade', codes: ['L96'] },
  { pattern: 'brudd\\b|fraktur\\w*', codes: ['L76'], needsCertainty: true },
  // N – nervous system
  { pattern: 'hodepine\\w*|vondt i hodet', codes: ['N01'] },
  { pattern: 'svimmel\\w*|vertigo', codes: ['N17'] },
  { pattern: 'prikking|parestesi\\w*|sovner (?:i )?(?:hendene|føttene)', codes: ['N05'] },
  { pattern: 'migrene\\w*', codes: ['N89'] },
  { pattern: 'spenningshodepine|tensjonshodepine', codes: ['N95'] },
  { pattern: 'karpaltunnel\\w*|carpal tunnel', codes: ['N93'] },
  { pattern: 'nevropati', codes: ['N94'] },
  { pattern: 'epilepsi|krampeanfall', codes: ['N88'] },
  { pattern: 'hjernerystelse', codes: ['N79'] },
  { pattern: 'restless legs|urolige bein', codes: ['N04'] },
  // P – psychological
  { pattern: 'angstfølelse|engstelig\\b|uro i kroppen|nervøs\\b', codes: ['P01'] },
  { pattern: 'krisereaksjon|stressreaksjon|utbrent|utbrenthet|situasjonsbetinget', codes: ['P02'] },
  { pattern: 'nedstemt\\w*|langt nede|nedfor|tungsinn', codes: ['P03'] },
  { pattern: 'søvnproblem\\w*|sover dårlig|søvnløshet|insomni|får ikke sove', codes: ['P06'] },
  { pattern: 'depresjon\\w*|depressiv\\w*', codes: ['P76'] },
  { pattern: 'angstlidelse|panikklidelse|panikkangst|generalisert angst', codes: ['P74'] },
  { pattern: 'demens|alzheimer', codes: ['P70'] },
  { pattern: 'adhd|add\\b', codes: ['P81'] },
  { pattern: 'ptsd|posttraumatisk stress\\w*', codes: ['P82'] },
  { pattern: 'alkoholavhengig\\w*|alkoholmisbruk', codes: ['P15'] },
  { pattern: 'selvmordsforsøk', codes: ['P77'] },
  // R – respiratory
  { pattern: 'tung i pusten|tungpust\\w*|andpusten|kortpustet\\w*|dyspné', codes: ['R02'] },
  { pattern: 'piping i brystet|pipelyder', codes: ['R03'] },
  { pattern: 'hoste\\b|hoster\\b|hosten\\b|tørrhoste', codes: ['R05'] },
  { pattern: 'tett i nesa|tett nese|nysing|rennende nese|nesa renner', codes: ['R07'] },
  { pattern: 'vondt i halsen|sår hals|halsen er (?:helt )?rå|svelgsmert\\w*|halsvondt', codes: ['R21'] },
  { pattern: 'heshet|hes\\b|mistet stemmen', codes: ['R23'] },
  { pattern: 'kikhoste', codes: ['R71'] },
  {
    pattern:
      'streptokokkhals\\w*|streptokokktonsillitt|streptokokkinfeksjon i halsen|positiv for streptokokker|strep a-testen? (?:er |var )?positiv',
    codes: ['R72'],
  },
  {
    pattern:
      'forkjølelse|forkjøla|forkjølet|virusforkjølelse|øvre luftveisinfeksjon|faryngitt|svelgbetennelse',
    codes: ['R74'],
  },
  { pattern: 'bihulebetennelse\\w*|sinusitt|rhinosinusitt', codes: ['R75'] },
  { pattern: 'tonsillitt|halsbetennelse|mandelbetennelse', codes: ['R76'] },
  { pattern: 'laryngitt|falsk krupp|trakeitt', codes: ['R77'] },
  { pattern: 'bronkitt|bronkiolitt|betennelse i luftrørene', codes: ['R78'] },
  { pattern: 'influensa(?!vaksin)', codes: ['R80'] },
  { pattern: 'lungebetennelse|pneumoni', codes: ['R81'] },
  { pattern: 'luftveisinfeksjon', codes: ['R83'] },
  { pattern: 'lungekreft', codes: ['R84'], needsCertainty: true },
  { pattern: 'kols\\b|kols-\\w*|kronisk obstruktiv', codes: ['R95'] },
  { pattern: 'astma\\w*', codes: ['R96'] },
  { pattern: 'høysnue|pollenallergi|allergisk rhinitt', codes: ['R97'] },
  { pattern: 'covid|korona(?!vaksin)', codes: ['R991'] },
  // S – skin
  { pattern: 'kløe\\b|klør\\b', codes: ['S02'] },
  { pattern: 'vorte\\w*', codes: ['S03'] },
  { pattern: 'utslett', codes: ['S06'] },
  { pattern: 'byll|abscess|furunkel', codes: ['S10'] },
  { pattern: 'insektstikk|flåttbitt|bitt av flått|vepsestikk', codes: ['S12'] },
  { pattern: 'kutt\\b|flenge|kuttskade|åpent sår', codes: ['S18'] },
  { pattern: 'helvetesild|herpes zoster', codes: ['S70'] },
  { pattern: 'forkjølelsessår|herpes simplex|munnsår', codes: ['S71'] },
  { pattern: 'skabb', codes: ['S72'] },
  { pattern: 'fotsopp|hudsopp|ringorm|tinea', codes: ['S74'] },
  {
    pattern: 'rosen\\b|erysipelas|cellulitt|hudinfeksjon|bakteriell infeksjon i huden|bløtdelsinfeksjon',
    codes: ['S76'],
  },
  { pattern: 'brennkopper|impetigo', codes: ['S84'] },
  { pattern: 'atopisk eksem|barneeksem|eksem\\b|atopisk dermatitt', codes: ['S87'] },
  { pattern: 'kontakteksem|kontaktallergi|allergisk dermatitt', codes: ['S88'] },
  { pattern: 'psoriasis', codes: ['S91'] },
  { pattern: 'akne|kviser', codes: ['S96'] },
  { pattern: 'elveblest|urtikaria', codes: ['S98'] },
  { pattern: 'inngrodd negl', codes: ['S94'] },
  // T – endocrine, metabolic
  { pattern: 'økt tørste|tørst\\b', codes: ['T01'] },
  { pattern: 'vekttap|gått ned i vekt', codes: ['T08'] },
  { pattern: 'fedme', codes: ['T82'] },
  { pattern: 'overvekt', codes: ['T83'] },
  { pattern: 'høyt stoffskifte|hypertyreose|tyreotoksikose|graves', codes: ['T85'] },
  { pattern: 'lavt stoffskifte|hypotyreose|myksødem|hashimoto', codes: ['T86'] },
  { pattern: 'diabetes type 1|type 1-diabetes|type 1 diabetes', codes: ['T89'] },
  {
    pattern: 'diabetes\\b|diabetes type 2|type 2-diabetes|sukkersyke|dm2\\b|langtidsblodsukker\\w*|hba1c',
    codes: ['T90'],
  },
  {
    pattern:
      'vitaminmangel|d-vitaminmangel|mangel på d-vitamin|d-vitaminet er (?:\\d+, )?(?:det er )?(?:også )?lavt|vitamin d-mangel',
    codes: ['T91'],
  },
  { pattern: 'urinsyregikt|podagra|gikt\\b', codes: ['T92'] },
  {
    pattern:
      'høyt kolesterol|hyperlipidemi|kolesterolet er (?:for )?høyt|kolesterolsenkende|for høyt kolesterol|lipidforstyrrelse',
    codes: ['T93'],
  },
  // U – urology
  {
    pattern:
      'svi\\w* (?:\\w+ ){0,3}(?:når|ved) (?:jeg |hun |han |du )?tiss\\w*|dysuri|svie ved vannlating|smerter ved vannlating',
    codes: ['U01'],
  },
  { pattern: 'tisse hele tiden|hyppig vannlating|pollakisuri|tisser ofte|må gå hele tiden', codes: ['U02'] },
  { pattern: 'urinlekkasje|inkontinens', codes: ['U04'] },
  { pattern: 'blod i urinen|hematuri', codes: ['U06'] },
  { pattern: 'nyrebekkenbetennelse|pyelonefritt|øvre urinveisinfeksjon', codes: ['U70'] },
  { pattern: 'blærekatarr|blærebetennelse|cystitt|urinveisinfeksjon|uvi\\b', codes: ['U71'] },
  { pattern: 'nyrestein|urinveisstein', codes: ['U95'] },
  // W – pregnancy and family planning
  { pattern: 'p-piller|p-pille|prevensjonspille', codes: ['W11'] },
  { pattern: 'spiral\\b|hormonspiral', codes: ['W12'] },
  { pattern: 'jeg er gravid|graviditeten|svangerskapet', codes: ['W78'] },
  // X – female genital
  { pattern: 'menssmert\\w*|menstruasjonssmert\\w*|dysmenoré', codes: ['X02'] },
  {
    pattern:
      'kraftig\\w* mens\\w*|kraftig\\w* menstruasjon\\w*|menoragi|mensen er (?:veldig )?kraftig|blør (?:veldig )?mye under mensen|kraftige blødninger',
    codes: ['X06'],
  },
  { pattern: 'uregelmessig\\w* mens\\w*', codes: ['X07'] },
  { pattern: 'overgangsalder\\w*|klimakteri\\w*|hetetokter', codes: ['X11'] },
  { pattern: 'blødning etter overgangsalderen|postmenopausal blødning', codes: ['X12'] },
  { pattern: 'utflod', codes: ['X14'] },
  { pattern: 'soppinfeksjon i skjeden|underlivssopp|skjedesopp', codes: ['X72'] },
  { pattern: 'klamydia', codes: ['X92'] },
  // Y – male genital
  { pattern: 'prostatitt', codes: ['Y73'] },
  { pattern: 'forstørret prostata|prostatahyperplasi', codes: ['Y85'] },
  // Z – social
  { pattern: 'problemer på jobben|konflikt på jobben|omorganisering', codes: ['Z05'] },
  { pattern: 'samlivsbrudd|gikk fra hverandre|skilsmisse', codes: ['Z12'] },
];

/**
 * Drug class (ATC prefix) → the chronic problem the drug is usually for, as a weak hint when the condition
 * itself is not named ("fornyer Levaxin" → hypothyroidism). Source: ATC indications in general practice [GK].
 */
export const ATC_PROBLEM_HINTS: ReadonlyArray<{ atcPrefix: string; codes: string[] }> = [
  { atcPrefix: 'A10B', codes: ['T90'] },
  { atcPrefix: 'H03A', codes: ['T86'] },
  { atcPrefix: 'H03B', codes: ['T85'] },
  { atcPrefix: 'C10', codes: ['T93'] },
  { atcPrefix: 'C09', codes: ['K86'] },
  { atcPrefix: 'C08', codes: ['K86'] },
  { atcPrefix: 'C03A', codes: ['K86'] },
  { atcPrefix: 'B01AF', codes: ['K78'] },
  { atcPrefix: 'B01AA', codes: ['K78'] },
  { atcPrefix: 'N06AB', codes: ['P76'] },
  { atcPrefix: 'N06AX', codes: ['P76'] },
  { atcPrefix: 'N05CF', codes: ['P06'] },
  { atcPrefix: 'N02CC', codes: ['N89'] },
  { atcPrefix: 'M05BA', codes: ['L95'] },
  { atcPrefix: 'A06AD', codes: ['D12'] },
  { atcPrefix: 'M04AA', codes: ['T92'] },
  { atcPrefix: 'B03A', codes: ['B80'] },
  { atcPrefix: 'N06BA', codes: ['P81'] },
  { atcPrefix: 'R03BB', codes: ['R95'] },
  { atcPrefix: 'R03AL', codes: ['R95'] },
  { atcPrefix: 'G03A', codes: ['W11'] },
];
