/**
 * Frequent Norwegian Bokmål and English words that must never be read as a drug name or joined with a
 * neighbour as a speech-recognition split. Function words and everyday vocabulary of consultations.
 */
const NORWEGIAN = `
og i på av til er som det en et ei å for med har om den de seg var fra at ved da så kan vil skal
jeg du han hun vi dere dem meg deg ham henne oss min mitt mine din ditt dine sin sitt sine hans hennes vår vårt våre
ikke ingen ingenting noe noen nei ja jo vel nå her der hvor hva hvem hvorfor hvordan hvis når men eller
bare også litt mye mer mest mindre minst veldig svært ganske helt altså liksom sånn slik egentlig kanskje
går gikk gått kom kommer komme tar tok tatt får fikk fått gjør gjorde gjort sier sa sagt ser så sett
blir ble blitt hatt hadde være vært bli gå ta få gi gir ga gitt si se må måtte burde bør kunne ville skulle
dag dager uke uker måned måneder år time timer minutt minutter natt natta morgen kveld kvelden morgenen
godt god bra fint fin greit grei dårlig dårlige verre bedre best beste stor store liten lite små
over under etter før inn ut opp ned frem fram bak mellom mot uten hos rundt langs gjennom siden
hei takk velkommen unnskyld ok okei mm ehm eh hm øh
tre fire fem seks sju syv åtte ni ti to null
hele alle alt andre annen annet samme selv eneste første siste neste forrige
hjemme jobb jobben skole barnehage hus huset bil bilen
ganger gang gangen daglig dagen uka
sterk sterkt svak svakt lett lette tung tungt
alltid aldri ofte sjelden iblant stundom
mamma pappa mor far bror søster datter sønn kone kona mann mannen barn barna
plaster bind kaffe te melk vann juice mat brød
test prøve prøver svar resept
ring ringe ringer kontakt
vondt
`;

const ENGLISH = `
the a an of to and in on for with is was has have at by or be as it this that are from not no yes
i you he she we they me him her us them my your his its our their mine yours
do does did done doing go goes went gone going get gets got getting make made take took taken
can could will would shall should may might must
what when where which who whom why how if then than so but because while about
all any some many much more most less least very really just also only even still
day days week weeks month months year years hour hours minute minutes night morning evening
good great fine okay well better worse best worst bad big small little
over under after before into out up down back between against without around through since
hello hi thanks thank please sorry yeah yep uh um hmm
one two three four five six seven eight nine ten
home work school house car
times time daily
always never often sometimes
mom dad mother father brother sister daughter son wife husband kids children
water coffee tea milk food
test tests result results
call contact
pain
able
`;

/** Lower-case common words of Norwegian Bokmål and English. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `${NORWEGIAN} ${ENGLISH}`.split(/\s+/).filter((word) => word.length > 0),
);
