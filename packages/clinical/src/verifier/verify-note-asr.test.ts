/**
 * Speech-recognition transcripts (synthetic consultations): long turns without punctuation, split into overlapping
 * windows, and turns that run two speakers together.
 */
import { describe, expect, it } from 'vitest';
import { lexiconFor } from './text-analysis';
import { indexTranscript } from './transcript-index';
import { check, flagged, transcriptOf, verify } from './verifier-test-kit';

describe('verifyNote: long turns without punctuation (nb)', () => {
  it("a relative's symptom stays the relative's in the next window of the same turn", () => {
    const lines = [
      'L: Hvordan har du hatt det i det siste?',
      'P: jeg har det fint men min bror har hatt det sånn hele sommeren han har vært veldig tørst og gått ned mye i vekt og tisset mye om natta og nå har han fått diabetes og skal på kurs',
      'L: Da tar vi en blodprøve av deg også.',
    ];
    const report = verify(lines, 'Aktuelt: Ikke tørst.', 'nb');
    expect(check(report, 'Ikke tørst.').support).not.toBe('contradicted');
  });

  it('talk to "du" after a relative is about the patient again', () => {
    const lines = [
      'L: Er det noen andre hjemme som er syke?',
      'R: ja broren hennes hadde feber i forrige uke så jeg ble litt bekymret vet du hvor mye hun veier hun veide atten kilo i vår',
      'L: Takk, da ser jeg på henne.',
    ];
    const report = verify(lines, 'Funn: Vekt 18 kg.', 'nb');
    expect(check(report, 'Vekt 18 kg.').support).not.toBe('contradicted');
  });

  it('Norwegian "i" ("in") does not turn talk of a relative back to the speaker', () => {
    const lines = [
      'L: Hvordan har dere det hjemme?',
      'P: Jeg har det bra, men broren min ligger i senga og hoster mye.',
      'L: Da lytter jeg på lungene dine.',
    ];
    const report = verify(lines, 'Aktuelt: Ingen hoste.', 'nb');
    expect(check(report, 'Ingen hoste.').support).not.toBe('contradicted');
  });

  it('children in general ("vanlig hos barn") are no relative the next sentence speaks of', () => {
    const lines = [
      'R: Hun har hatt vondt i øret siden i går og hadde feber i natt.',
      'L: Det ser ut som en ørebetennelse. Det er veldig vanlig hos barn på den alderen. Hun er blid og spiser godt.',
      'R: Så bra.',
    ];
    const report = verify(lines, 'Funn: Blid, spiser godt.', 'nb');
    expect(check(report, 'Blid, spiser godt.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: questions and answers run together (nb)', () => {
  it('a negation in a remark before a run-on question does not turn its "ja" into a no', () => {
    const lines = [
      'P: jeg har hatt vondt i øret siden fredag',
      'L: det har ikke gått over av seg selv og det blir bare verre og verre har du hatt feber',
      'P: ja litt i går kveld',
      'L: da ser jeg i øret',
    ];
    const report = verify(lines, 'Aktuelt: Øresmerter, tiltagende.', 'nb');
    expect(check(report, 'Øresmerter, tiltagende.').support).not.toBe('contradicted');
  });

  it('"… nei ingenting" inside a turn answers the question before it, not the one after', () => {
    const lines = [
      'P: han har hostet i tre dager',
      'L: noen allergier eller faste medisiner nei ingenting sover han godt om natta',
      'R: ja det gjør han',
      'L: da lytter jeg på lungene',
    ];
    const report = verify(lines, 'Aktuelt: Faste medisiner. Sover godt om natta.', 'nb');
    expect(check(report, 'Faste medisiner.').support).toBe('contradicted');
    expect(flagged(check(report, 'Sover godt om natta.'))).toBe(false);
  });

  it('a question to "du" after talk of a relative is about the patient from its verb on', () => {
    const lines = [
      'L: har du hatt vondt i ryggen før',
      'P: nei aldri men mora mi har hatt prolaps ok hva jobber du med',
      'P: jeg er snekker',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('nb'));
    const unit = index.units.find((candidate) => candidate.text.includes('jobber'));
    const at = unit?.tokens.findIndex((token) => token.surface === 'jobber') ?? -1;
    expect(unit?.subjects[at]).toBe('patient');
    expect(unit?.subjects[unit.tokens.findIndex((token) => token.surface === 'prolaps')]).toBe('relative');
  });

  it('an answer run in right after the last question is no answer to the earlier ones of the turn', () => {
    const lines = [
      'P: jeg har hostet i to uker',
      'L: har du hatt feber i helga over trettiåtte ikke nå lenger er du tung i pusten nei ikke tungpust jeg går tur hver dag',
      'L: da lytter jeg på lungene',
    ];
    const report = verify(lines, 'Aktuelt: Feber i helga.', 'nb');
    expect(check(report, 'Feber i helga.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: negations in unpunctuated speech (nb)', () => {
  it('a negation after the word that sets something against it ("… ikke i ukedagene") does not deny the word', () => {
    const lines = [
      'P: jeg har høyt blodtrykk og tar blodtrykksmedisin',
      'L: hvor mye alkohol drikker du',
      'P: jeg drikker to øl på lørdager ikke i ukedagene',
      'L: det høres greit ut',
    ];
    const report = verify(lines, 'Aktuelt: Alkohol 2 øl på lørdager.', 'nb');
    expect(check(report, 'Alkohol 2 øl på lørdager.').support).not.toBe('contradicted');
  });

  it('"nå" after a denied finding opens a new clause ("ingen rødme nå vekten er …")', () => {
    const lines = [
      'P: han har vondt i magen',
      'L: magen er myk og fin ingen rødme nå vekten er atten kilo og det er bra for alderen',
      'P: så fint',
    ];
    const report = verify(lines, 'Funn: Vekt 18 kg.', 'nb');
    expect(check(report, 'Vekt 18 kg.').support).not.toBe('contradicted');
  });

  it('"… ikke sånn kjempestort" after a finding qualifies it, it does not deny it', () => {
    const lines = [
      'L: hva skjedde med kneet',
      'P: jeg vred kneet på trening i går og fikk vondt',
      'L: ble det hovent',
      'P: dagen etter var det litt hovent ikke sånn kjempestort. mer at det var stivt',
      'L: da undersøker jeg kneet',
    ];
    const report = verify(lines, 'Aktuelt: Lett hevelse og stivhet dagen etter.', 'nb');
    expect(check(report, 'Lett hevelse og stivhet dagen etter.').support).not.toBe('contradicted');
  });

  it('a doctor\'s turn without a question word answered "nei, ingenting …" was a question', () => {
    const lines = [
      'P: det svir når jeg tisser og jeg må tisse hele tiden',
      'L: vondt i ryggen, i siden eller oppover mot ribbeina på en av sidene',
      'P: nei, ingenting der bare litt trykk nede i magen',
      'L: da tar vi en urinprøve',
    ];
    const report = verify(lines, 'Aktuelt: Ingen ryggsmerter.', 'nb');
    expect(check(report, 'Ingen ryggsmerter.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: plans that withhold a drug (nb)', () => {
  it('"antibiotika hjelper ikke" denies the drug even in a sentence about side effects', () => {
    const lines = [
      'P: jeg har hostet i to uker og har vondt i halsen',
      'L: lungene høres fine ut',
      'P: naboen mente jeg burde få penicillin',
      'L: antibiotika hjelper ikke mot virus og det gir bare bivirkninger',
      'P: ok',
    ];
    const report = verify(lines, 'Tiltak: Ingen antibiotika.', 'nb');
    expect(check(report, 'Ingen antibiotika.').support).not.toBe('contradicted');
  });

  it('"ja, og ingenting annet" confirms what was asked', () => {
    const lines = [
      'P: jeg har hatt hjertebank i en uke',
      'L: du bruker metoprolol mot blodtrykket',
      'P: ja og ingenting annet',
      'L: da tar vi et EKG',
    ];
    const report = verify(lines, 'Aktuelt: Bruker ikke metoprolol.', 'nb');
    expect(check(report, 'Bruker ikke metoprolol.').support).toBe('contradicted');
  });

  it('"ja, jeg har ikke glemt …" to a plain question is a yes; "ja, ikke en eneste" still agrees with a negation', () => {
    const yes = [
      'P: jeg har hatt litt vondt i brystet',
      'L: du tar metoprolol hver morgen',
      'P: ja jeg har ikke glemt en eneste dag',
      'L: da tar vi et EKG',
    ];
    const report = verify(yes, 'Aktuelt: Bruker ikke metoprolol.', 'nb');
    expect(check(report, 'Bruker ikke metoprolol.').support).toBe('contradicted');
    const agrees = [
      'P: jeg har hatt litt vondt i brystet',
      'L: og sigarettene, du har holdt deg unna?',
      'P: ja, ikke en eneste siden nyttår',
      'L: da tar vi et EKG',
    ];
    const second = verify(agrees, 'Aktuelt: Eksrøyker siden nyttår.', 'nb');
    expect(check(second, 'Eksrøyker siden nyttår.').support).not.toBe('contradicted');
  });

  it('a bare "nei" after a long remark ending in a negation agrees with it; a verb-first turn is still asked', () => {
    const remark = [
      'P: jeg har vært så trøtt i det siste',
      'L: ok jeg har sett på deg, du er blek og sliten men tenker klart og jeg finner ingen tegn til infeksjon',
      'P: nei',
      'L: vi tar noen blodprøver',
    ];
    const report = verify(remark, 'Funn: Blek og sliten.', 'nb');
    expect(check(report, 'Blek og sliten.').support).not.toBe('contradicted');
    const asked = [
      'P: jeg vred kneet i fotball',
      'L: har kneet hovnet opp sånn at du ikke klarer å strekke det helt ut',
      'P: nei',
      'L: da ser jeg på det',
    ];
    const second = verify(asked, 'Aktuelt: Hevelse i kneet.', 'nb');
    expect(check(second, 'Hevelse i kneet.').support).toBe('contradicted');
  });
});

describe('speech recognition: sentences, split names and answers in the first person (nb)', () => {
  it('a full stop before a lower-case word ends a sentence; one after an abbreviation does not', () => {
    const index = indexTranscript(
      transcriptOf([
        'L: magen er myk og fin. jeg banker lett på ryggen. det tar ca. fem minutter',
        'P: greit',
      ]),
      lexiconFor('nb'),
    );
    expect(index.units.filter((unit) => unit.segmentIndex === 0).map((unit) => unit.text)).toEqual([
      'magen er myk og fin.',
      'jeg banker lett på ryggen.',
      'det tar ca. fem minutter',
    ]);
  });

  it('a trade name split after its first letter ("i bux") still names the drug', () => {
    const lines = [
      'L: hva har du tatt mot smertene',
      'P: jeg har tatt i bux to ganger om dagen i tre dager',
      'L: da fortsetter du med det',
    ];
    const report = verify(lines, 'Aktuelt: Har brukt ibuprofen x 2 i 3 dager.', 'nb');
    expect(flagged(check(report, 'Har brukt ibuprofen x 2 i 3 dager.'))).toBe(false);
  });

  it('"nei, jeg …" inside a turn answers the questions just before it, not the remark before them', () => {
    const index = indexTranscript(
      transcriptOf([
        'L: blodprøvene var fine',
        'P: så fint hvordan sover du om natta har du mareritt nei, jeg sover godt og har ingen mareritt',
        'L: bra',
      ]),
      lexiconFor('nb'),
    );
    const turn = index.units.filter((unit) => unit.segmentIndex === 1);
    expect(turn.map((unit) => unit.text)).toEqual([
      'så fint',
      'hvordan sover du om natta har du mareritt',
      'nei, jeg sover godt og har ingen mareritt',
    ]);
    expect(turn[1]?.isQuestion).toBe(true);
    expect(turn[2]?.answersUnit).toBe(turn[1]?.index);
  });

  it('"… er rød og hoven ikke sår" without its comma: the "ikke" after a predicative opens the next item', () => {
    const lines = [
      'P: det klør på leggen',
      'L: da ser jeg på det huden er rød og hoven ikke sår og ikke varm',
      'P: ok',
    ];
    const report = verify(lines, 'Funn: Rød og hoven hud, ikke sår.', 'nb');
    expect(flagged(check(report, 'Rød og hoven hud, ikke sår.'))).toBe(false);
  });
});

describe('speech recognition: a question, its answer and the next question in one turn (nb)', () => {
  it('a new question after a run-in yes starts a unit of its own, and its "nei" does not answer the first', () => {
    const lines = [
      'P: jeg er så trøtt om dagen',
      'L: har du merket at du blir tungpusten i trapper eller får hjertebank kommer brått på ja og jeg må stoppe hver etasje ja sover du godt om natta',
      'P: nei ikke så verst',
      'L: da tar vi blodprøver',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('nb'));
    const turn = index.units.filter((unit) => unit.segmentIndex === 1);
    expect(turn.map((unit) => unit.text).pop()).toBe('sover du godt om natta');
    expect(turn[0]?.answer).not.toBe('negative');
    const report = verify(lines, 'Aktuelt: Tungpust i trapper.', 'nb');
    expect(flagged(check(report, 'Tungpust i trapper.'))).toBe(false);
  });

  it('"at du får …" inside a question is what the patient notices, not a plan', () => {
    const lines = [
      'P: jeg har vondt i magen',
      'L: har du lagt merke til at du får sure oppstøt om kvelden',
      'P: ja ofte',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('nb'));
    expect(index.units.find((unit) => unit.text.includes('oppstøt'))?.plan).toBe(false);
  });

  it('an open question earlier in the turn does not take the "nei" to a yes-or-no question after it', () => {
    const lines = [
      'P: det svir når jeg tisser',
      'L: når hadde du blærekatarr sist det var i fjor høst jeg fikk en kur som hjalp fint. og hadde du feber den gangen',
      'P: nei det hadde jeg ikke',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('nb'));
    const open = index.units.find((unit) => unit.text.startsWith('når hadde du'));
    expect(open?.answer).not.toBe('negative');
  });

  it('a reply run into the doctor\'s advice ("… skal du ringe ja jeg …") is the patient\'s own words, no supposition', () => {
    const lines = [
      'P: jeg har hatt mye vondt i ryggen den siste måneden',
      'L: vi ser an med smertestillende og fysioterapi hvis du får nummenhet i beina eller problemer med å tisse skal du ringe legevakten ja jeg spurte fordi naboen min fikk en skive som trykket på nerven',
      'L: det høres ikke sånn ut hos deg',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('nb'));
    const reply = index.units.find((unit) => unit.text.startsWith('ja jeg spurte'));
    expect(reply?.hypothetical).toBe(false);
    const report = verify(lines, 'Aktuelt: Skive som trykker på nerven.', 'nb');
    expect(check(report, 'Skive som trykker på nerven.').support).toBe('contradicted');
  });
});
