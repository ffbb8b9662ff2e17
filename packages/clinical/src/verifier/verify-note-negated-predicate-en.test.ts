/**
 * English "X is not P" (synthetic consultations): a negation before a copula's predicate denies that predicate,
 * which the talk may say plainly of the same thing.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a negated predicate of a copula', () => {
  it('"is not highly motivated" against "i\'m really motivated now because i am about to be a father"', () => {
    const lines = [
      'D: so you wanted to talk about quitting smoking today',
      'P: yeah i still smoke about half a pack a day',
      'D: okay and what made you think about quitting now',
      "P: um i'm really motivated now because i am about to be a father in a few weeks",
      'D: that is great news congratulations , are you taking any medication at the moment',
      'P: just lisinopril for my blood pressure',
    ];
    const negated = 'He is not highly motivated to quit smoking as he is about to become a father.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'He is highly motivated to quit smoking as he is about to become a father.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('an unsaid verb ("is not located in his lower back") is read by the words of its phrase', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i hurt my back lifting boxes at work on friday',
      'D: okay and is it your lower back or your upper back',
      'P: my lower back , right across',
      'D: are you taking any medication for the pain',
      'P: just ibuprofen twice a day',
    ];
    const negated = 'The pain is not located in his lower back.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'The pain is located in his lower back.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('a predicate the note puts under a circumstance ("when lying on it") is read under the talk\'s "if"', () => {
    const lines = [
      'D: so tell me about the shoulder pain',
      "P: it's always there and it gets worse if i lift anything",
      "P: and at night if i try to lay on that shoulder it's unbearable",
      'D: are you taking any medication for the pain',
      'P: just ibuprofen twice a day',
    ];
    const negated = 'He notes his pain is not unbearable when lying on his shoulder at night.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'He notes his pain is unbearable when lying on his shoulder at night.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('a predicate the talk also denies, or the note says both ways, is not contradicted', () => {
    const lines = [
      'D: how is the shoulder pain since the fall',
      'P: i iced it for the first few days and it helped with the swelling',
      'D: are you taking any medication for the pain',
      'P: just ibuprofen twice a day',
      "P: but i have n't iced it this week",
      'D: and are you motivated to do the exercises',
      "P: honestly i'm not really motivated to do them , my wife is motivated though",
    ];
    const both = 'He initially iced his shoulder but has not iced it recently.';
    const denied = 'He is not motivated to do the exercises.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${both}\n${denied}`, 'en');
    expect(flagged(check(report, both))).toBe(false);
    expect(flagged(check(report, denied))).toBe(false);
  });
  it('an additive "also" between "not" and the predicate ("was not also offered") does not hide it', () => {
    const lines = [
      'D: so how did the treatment go after the surgery',
      'P: i had the radiation and that went fine',
      'D: good , so you also had radiation therapy but declined the hormone therapy , is that right',
      'P: yes that is right',
      'D: are you taking any medication at the moment',
      'P: just a vitamin d supplement',
    ];
    const negated = 'Hormone therapy was not also offered but the patient declined.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'Hormone therapy was also offered but the patient declined.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('the perfect\'s participle ("has not seen many specialists, including … a neurologist") is read by the words that elaborate it', () => {
    const lines = [
      'D: so tell me about her history , who has she seen so far',
      'R: well she had a gi doctor for the reflux',
      'R: and then she has seen an allergist and also a neurologist who diagnosed the syndrome',
      'D: okay and is she on any medication',
      'R: just omeprazole once a day',
    ];
    const negated =
      'The patient has not seen many specialists, including a neurologist who diagnosed the syndrome.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct =
      'The patient has seen many specialists, including a neurologist who diagnosed the syndrome.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });
});
