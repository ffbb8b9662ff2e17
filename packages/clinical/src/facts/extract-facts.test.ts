import { describe, expect, it } from 'vitest';
import type { Segment, SpeakerRole, Transcript } from '@kollega/domain';
import { extractFacts } from './extract-facts';

function transcript(turns: Array<[SpeakerRole, string]>): Transcript {
  return {
    segments: turns.map(([speaker, text], index): Segment => ({ id: `s${index + 1}`, speaker, text })),
  };
}

describe('extractFacts', () => {
  it('gives every fact evidence and a polarity', () => {
    const facts = extractFacts(
      transcript([
        ['lege', 'Hva kan jeg hjelpe deg med?'],
        ['pasient', 'Jeg har hatt vondt i halsen i fire dager.'],
        ['lege', 'Har du hatt feber?'],
        ['pasient', 'Nei, ikke som jeg har merket.'],
      ]),
      { language: 'nb' },
    );
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(fact.evidence.length).toBeGreaterThan(0);
    const fever = facts.find((fact) => fact.text === 'Ingen feber.');
    expect(fever).toMatchObject({ polarity: 'negative', evidence: ['s3', 's4'] });
    expect(facts.find((fact) => /sår hals/iu.test(fact.text))?.time).toBe('4 d');
  });

  it('never makes a relative’s symptoms the patient’s', () => {
    const facts = extractFacts(
      transcript([
        ['lege', 'Er det noen rundt deg som har vært syke?'],
        [
          'pasient',
          'Ja, kjæresten min hadde høy feber og kastet opp forrige uke. Han var hjemme i fire dager.',
        ],
        ['lege', 'Noen sykdommer i familien?'],
        ['pasient', 'Mamma har hatt depresjon.'],
      ]),
      { language: 'nb' },
    );
    expect(facts.some((fact) => /feber|kastet|oppkast/iu.test(fact.text) && fact.subject === 'patient')).toBe(
      false,
    );
    const family = facts.find((fact) => fact.kind === 'family-history');
    expect(family).toMatchObject({ subject: 'relative' });
    expect(family?.text).toMatch(/Mor har hatt depresjon/u);
  });

  it('lets a corrected side win', () => {
    const facts = extractFacts(
      transcript([
        ['lege', 'Hvilket kne?'],
        ['pasient', 'Høyre. Eller, nei vent, det var venstre kne.'],
      ]),
      { language: 'nb' },
    );
    const knee = facts.find((fact) => /kne/u.test(fact.text));
    expect(knee?.laterality).toBe('venstre');
    expect(knee?.text).not.toMatch(/(?<![\p{L}])h\.|høyre/iu);
    expect(knee?.evidence).toEqual(['s1', 's2']);
  });

  it('treats the interpreter’s first person as the patient’s words', () => {
    const facts = extractFacts(
      {
        segments: [
          { id: 's1', speaker: 'lege', text: 'Hvordan kan jeg hjelpe deg?' },
          { id: 's2', speaker: 'tolk', text: 'Jeg er tolk i somali, og jeg tolker i jeg-form.' },
          { id: 's3', speaker: 'pasient', text: '(svarer på somali)' },
          { id: 's4', speaker: 'tolk', text: 'Jeg er veldig sliten og blir svimmel i trapper.' },
        ],
      },
      { language: 'nb' },
    );
    expect(facts.some((fact) => /sliten/iu.test(fact.text) && fact.evidence.includes('s4'))).toBe(true);
    expect(facts.some((fact) => /tolk/u.test(fact.text))).toBe(false);
  });

  it('reads findings, values, doses and plans the doctor says aloud', () => {
    const facts = extractFacts(
      transcript([
        ['lege', 'Temperaturen er trettiåtte komma fire. Blodtrykket er hundre og førtiåtte over nittito.'],
        ['lege', 'Trommehinnen på høyre side er rød og bulende.'],
        [
          'lege',
          'Jeg skriver ut fenoksymetylpenicillin, seks hundre og seksti milligram fire ganger om dagen i fem dager.',
        ],
        ['lege', 'Jeg sykmelder deg hundre prosent i en uke. Vi ses om to uker.'],
      ]),
      { language: 'nb' },
    );
    expect(facts.find((fact) => fact.text.startsWith('T 38,4'))).toMatchObject({
      kind: 'measurement',
      value: '38,4',
    });
    expect(facts.some((fact) => fact.text.includes('BT 148/92'))).toBe(true);
    expect(facts.find((fact) => /TH/u.test(fact.text))).toMatchObject({
      laterality: 'høyre',
      kind: 'finding',
    });
    expect(facts.find((fact) => fact.kind === 'prescription')?.text).toBe(
      'Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.',
    );
    expect(facts.find((fact) => fact.kind === 'sick-leave')?.text).toMatch(/Sykmeldt 100 % i 1 uke/u);
    expect(facts.find((fact) => fact.kind === 'follow-up')?.text).toMatch(/Kontroll om 2 uker/u);
  });

  it('leaves small talk out', () => {
    const facts = extractFacts(
      transcript([
        ['lege', 'Har du vært ute og fisket i det siste?'],
        ['pasient', 'Ja, vi fikk en stor torsk på lørdag, helt utrolig fin fisk.'],
      ]),
      { language: 'nb' },
    );
    expect(facts).toEqual([]);
  });

  it('works in English', () => {
    const facts = extractFacts(
      {
        segments: [
          { id: 's1', speaker: 'lege', text: 'Do you have any chest pain?' },
          { id: 's2', speaker: 'pasient', text: 'No.' },
        ],
      },
      { language: 'en' },
    );
    expect(facts[0]).toMatchObject({
      text: 'Denies chest pain.',
      polarity: 'negative',
      evidence: ['s1', 's2'],
    });
  });
});
