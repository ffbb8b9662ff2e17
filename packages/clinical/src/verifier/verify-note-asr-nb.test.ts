/**
 * Norwegian consultations as a speech recogniser delivers them (synthetic): no or wrong punctuation, speakers run
 * together in one turn, test names spelled letter by letter.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: Norwegian words of speech (nb)', () => {
  it('"klarte nesten ikke å svelge" is pain on swallowing, not a negation', () => {
    const lines = [
      'L: Hva er det som plager deg?',
      'P: Halsen er vond. I går klarte jeg nesten ikke å svelge maten.',
      'L: Hvis du ikke får svelget spyttet, må du ringe legevakten.',
    ];
    const report = verify(lines, 'Aktuelt: Svelgsmerter.', 'nb');
    expect(flagged(check(report, 'Svelgsmerter.'))).toBe(false);
  });

  it('"klarer å svelge" stays no complaint', () => {
    const lines = ['L: Hvordan går det med halsen?', 'P: Den er litt sår, men jeg klarer å svelge fint.'];
    const report = verify(lines, 'Aktuelt: Svelgsmerter.', 'nb');
    expect(check(report, 'Svelgsmerter.').support).not.toBe('supported');
  });

  it('a test name spelled letter by letter ("se er pe") labels its number (a bare "ni" is no number)', () => {
    const lines = ['L: jeg har tatt en blodprøve og se er pe er ni det er lavt', 'P: ok godt å høre'];
    const report = verify(lines, 'Funn: CRP 9.', 'nb');
    expect(flagged(check(report, 'CRP 9.'))).toBe(false);
  });
});

describe('verifyNote: drug names split by speech recognition (nb)', () => {
  it('a class is named in the talk when the drug finder finds a member split in two ("i bux")', () => {
    const lines = [
      'P: jeg har vondt i kneet etter fotball',
      'L: tåler du i bux noe magesår eller astma',
      'P: nei jeg tåler det fint',
      'L: da kan du ta det mot smertene',
    ];
    const report = verify(lines, 'Aktuelt: Tåler NSAID.', 'nb');
    expect(check(report, 'Tåler NSAID.').reasons.join(' ')).not.toMatch(/Legemiddelet/);
  });
});

describe('verifyNote: sentences of speech without full stops (nb)', () => {
  it('a fronted time with its verb before the subject ("i natt var jeg …") opens a new sentence', () => {
    const lines = [
      'L: fortell',
      'P: det startet i forgårs. det brenner når jeg tisser og jeg må tisse hele tiden i natt var jeg oppe fire ganger',
      'L: har du hatt feber',
      'P: nei',
    ];
    const report = verify(lines, 'Aktuelt: Dysuri og pollakisuri siden i forgårs.', 'nb');
    expect(flagged(check(report, 'Dysuri og pollakisuri siden i forgårs.'))).toBe(false);
  });
});

describe('verifyNote: questions and answers in one recorded turn (nb)', () => {
  it("the patient's answer to an open question, run into the doctor's turn, is no doctor's question", () => {
    const lines = [
      'L: hva kan jeg hjelpe med',
      'P: jeg har svie når jeg tisser igjen',
      'L: det høres ut som blærekatarr når hadde du det sist det var for to år siden da fikk jeg trimetoprim og jeg syntes det hjalp fort tok du noe mer etter det',
      'P: nei',
      'L: jeg skriver ut trimetoprim igjen og hvis det ikke hjelper etter tre dager så ring meg',
    ];
    const report = verify(
      lines,
      'Aktuelt: Sist blærekatarr for to år siden, fikk trimetoprim med rask effekt.',
      'nb',
    );
    expect(
      flagged(check(report, 'Sist blærekatarr for to år siden, fikk trimetoprim med rask effekt.')),
    ).toBe(false);
  });

  it('a full stop between the doctor\'s short opening question and a "nei, jeg …" in the same turn', () => {
    const lines = [
      'P: jeg har vondt i ryggen og det stråler ned i beinet',
      'L: har du merket nummenhet',
      'P: litt på leggen',
      'L: svakhet i beinet at du snubler. nei, jeg har ikke merket det hva bruker du mot smertene',
      'P: paracet',
      'L: kraften i beina er lik på begge sider',
    ];
    const report = verify(lines, 'Aktuelt: Ikke merket svakhet i beinet.', 'nb');
    expect(check(report, 'Ikke merket svakhet i beinet.').support).not.toBe('contradicted');
  });

  it('"nei" and a question\'s word said again ("nei jeg tåler det fint") confirm that word and deny the rest', () => {
    const lines = [
      'P: jeg har vondt i kneet etter fotball',
      'L: tåler du ibux noe magesår eller astma',
      'P: nei jeg tåler det fint',
      'L: da kan du ta det mot smertene',
    ];
    const report = verify(lines, 'Aktuelt: Tåler ikke NSAID. Ingen magesår eller astma.', 'nb');
    expect(check(report, 'Tåler ikke NSAID.').support).toBe('contradicted');
    expect(flagged(check(report, 'Ingen magesår eller astma.'))).toBe(false);
  });

  it('"ok" and a question after other words open the doctor\'s new question', () => {
    const lines = [
      'L: andre faste medisiner',
      'L: bare levaxin og insulin. nei, det har jeg sluttet med bare levaxin ok kan jeg få se på foten',
      'P: ja her',
    ];
    const report = verify(lines, 'Aktuelt: Bruker levotyroksin.', 'nb');
    expect(check(report, 'Bruker levotyroksin.').support).not.toBe('contradicted');
  });

  it('a relative\'s "hun får vel …" answered "nei" is a question answered no', () => {
    const lines = [
      'R: hun har så vondt i øret hun får vel penicillin nå da',
      'L: nei det trengs ikke de fleste ørebetennelser går over av seg selv',
      'R: å ja',
    ];
    const report = verify(lines, 'Plan: Ingen antibiotika nå.', 'nb');
    expect(check(report, 'Ingen antibiotika nå.').support).not.toBe('contradicted');
  });

  it('a "ja" to the doctor\'s advice takes note of it; it answers no question', () => {
    const lines = [
      'P: må jeg komme tilbake',
      'L: nei utslettet blir borte av seg selv men hvis du får feber eller vondt i leddene de neste ukene så ta kontakt',
      'P: ja',
    ];
    const report = verify(lines, 'Plan: Ny kontakt ved feber eller leddsmerter.', 'nb');
    expect(check(report, 'Ny kontakt ved feber eller leddsmerter.').support).not.toBe('contradicted');
  });

  it('a short turn opening with a question word asks, though its answer is no yes or no', () => {
    const lines = [
      'P: jeg sover dårlig og har vondt i magen, og jeg bor alene med ungene',
      'L: hvor gamle er barna',
      'P: fire og sju de er hos meg hver andre uke',
      'L: har du noen å snakke med',
      'P: ja mora mi',
    ];
    const report = verify(lines, 'Aktuelt: Barn 4 og 7 år.', 'nb');
    expect(flagged(check(report, 'Barn 4 og 7 år.'))).toBe(false);
  });
});

describe('verifyNote: negation in Norwegian speech without full stops (nb)', () => {
  it('a negation does not reach past "og" and a verb of its own ("ingen blemmer og huden er lett rød")', () => {
    const lines = [
      'L: da ser jeg på leggen',
      'L: det er et lite sår med gule skorper ingen blemmer og huden rundt er lett rød',
      'R: lillebroren hans har forresten et rødt utslett på magen',
      'L: det er nok noe annet',
    ];
    const report = verify(lines, 'Funn: Ingen blemmer, lett perifokal rødme.', 'nb');
    expect(flagged(check(report, 'Ingen blemmer, lett perifokal rødme.'))).toBe(false);
  });

  it('a trailing "negativ" after a named test negates the test, not the finding before it', () => {
    const lines = [
      'P: jeg vridde kneet i fotball og det hovnet opp',
      'L: nå tester jeg korsbåndene lachman er stabil med fast stopp skuffetest negativ',
      'P: ok',
    ];
    const report = verify(lines, 'Funn: Lachman stabil med fast stopp, skuffetest neg.', 'nb');
    expect(check(report, 'Lachman stabil med fast stopp, skuffetest neg.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: who said it in Norwegian speech (nb)', () => {
  it("the doctor's statement before a plan phrase in one turn is said as fact, not suggested", () => {
    const lines = [
      'L: du bruker amlodipin for blodtrykket fem milli gram',
      'P: ja det stemmer',
      'L: du er over sekstifem og har høyt blodtrykk og med flimmer gir det to poeng så da anbefaler jeg blodfortynnende',
      'P: ok',
    ];
    const report = verify(lines, 'Aktuelt: Hypertensjon.', 'nb');
    expect(flagged(check(report, 'Hypertensjon.'))).toBe(false);
  });
});

describe('verifyNote: two questions run together by speech recognition (nb)', () => {
  it('"allergier har du hatt blodpropp noen gang" – "nei ingen allergier": the answer denies the allergies', () => {
    const lines = [
      'L: bruker du noen faste medisiner',
      'P: nei bare paracet noen ganger for hodepine',
      'L: allergier har du hatt blodpropp noen gang',
      'P: nei ingen allergier ingen blodpropp',
      'L: da skal vi se på huden din',
    ];
    const report = verify(lines, 'Anamnese\nKjente allergier.\nIngen kjente allergier.', 'nb');
    expect(check(report, 'Kjente allergier.').support).toBe('contradicted');
    expect(flagged(check(report, 'Ingen kjente allergier.'))).toBe(false);
  });
});
