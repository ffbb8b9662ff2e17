import { describe, expect, it } from 'vitest';
import { toShorthand } from './shorthand';

const history = (text: string): string => toShorthand(text, 'history', 'nb');
const plan = (text: string): string => toShorthand(text, 'plan', 'nb');

describe('history shorthand (nb)', () => {
  it('writes pain in the sides as flank pain, and leaves "siden" (since) alone', () => {
    expect(history('Nei, ikke vondt i sidene.')).toMatch(/flankesmerter/u);
    expect(history('Ingen vondt i ryggen eller i sidene.')).toBe('Ingen ryggsmerter eller flankesmerter.');
    expect(history('Jeg har hatt vondt siden mandag.')).not.toMatch(/flanke/u);
  });

  it('writes burning on urination as dysuri, also with the duration in between', () => {
    expect(history('Det svir når jeg tisser.')).toBe('Dysuri.');
    expect(history('Jeg har hatt svie i 3 dager når jeg tisser.')).toMatch(/^Dysuri i 3 d/u);
    expect(history('Ingen svie ved vannlating.')).toBe('Ingen dysuri.');
  });

  it('writes a denied vomiting or locking as the GP noun, keeping the negation', () => {
    expect(history('Han kaster ikke opp.')).toBe('Ingen oppkast.');
    expect(history('Kneet har ikke låst seg.')).toBe('Ingen låsninger.');
  });

  it('writes a drug taken before without trouble as tolerated, also with a clause in between', () => {
    expect(history('Jeg har fått amoksicillin før, da jeg var gravid, og det gikk fint.')).toMatch(
      /tålt amoksicillin tidl\./iu,
    );
    expect(history('Jeg har brukt ibuprofen flere ganger uten problemer.')).toMatch(
      /tålt ibuprofen tidl\./iu,
    );
    expect(history('Jeg har fått amoksicillin før, og da fikk jeg utslett.')).not.toMatch(/tålt/iu);
  });
});

describe('plan shorthand (nb)', () => {
  it('writes a referral or sick note said with the verb second', () => {
    expect(plan('Så henviser jeg deg til ortoped.')).toMatch(/^Henv\. ortoped/u);
    expect(plan('Da sykmelder jeg deg i en uke.')).toMatch(/^Sykmeldt/u);
  });
});
