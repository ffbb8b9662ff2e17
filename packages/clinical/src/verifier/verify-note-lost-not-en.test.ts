/**
 * English claims that lost a "not" or "no" said in other words (synthetic consultations): "ambulate" for the talk's
 * "walk" ("could ambulate" – "i couldn't walk the halls"), an attribute the talk negates by its prefix ("the ulcer
 * does appear to be healing" – "a nonhealing ulcer"), a main clause after a condition focused by "especially" ("…
 * especially if i walk a lot i find myself walking on my heel" asserts the walking), and what a discussion reports
 * ("we discussed that guarantees could be given" – "there's no guarantees").
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English claim that lost its "not" in other words', () => {
  it('"ambulate" is the talk\'s "walk": "could ambulate" against "i couldn\'t walk the halls"', () => {
    const lines = [
      'D: so what brings you in today',
      'P: um my right knee it has been swollen for about a week',
      "P: last friday i was at a wedding and i could n't walk to the dance floor i just had to sit there the whole night",
      'D: okay and have you taken anything for it',
      'P: some ibuprofen which helped a little',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nAt a wedding he could ambulate to the dance floor.\nAt a wedding he could not ambulate to the dance floor.',
      'en',
    );
    expect(check(report, 'At a wedding he could ambulate to the dance floor.').support).toBe('contradicted');
    expect(flagged(check(report, 'At a wedding he could not ambulate to the dance floor.'))).toBe(false);
  });

  it('a noun the talk classes with a "non" attribute is not claimed to have it ("the ulcer does appear to be healing")', () => {
    const lines = [
      'D: so how have your blood sugars been this month',
      'P: pretty good mostly around one twenty in the mornings',
      'D: good and you are still taking the metformin twice a day',
      'P: yes every day with breakfast and dinner',
      'D: so let me look at the sore on your left heel',
      'P: okay it has been there for about two months now',
      'D: all right so you have a nonhealing ulcer of your left heel and i want to check the circulation in that leg',
      'P: okay what does that mean',
      'D: we will get an ultrasound of the arteries and have the wound nurse see you every week',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nThe ulcer does appear to be healing.\nThe ulcer does not appear to be healing.',
      'en',
    );
    expect(check(report, 'The ulcer does appear to be healing.').support).toBe('contradicted');
    expect(flagged(check(report, 'The ulcer does not appear to be healing.'))).toBe(false);
  });

  it('after a condition focused by "especially", a new subject opens an asserted sentence ("i find myself walking on my heel")', () => {
    const lines = [
      'D: so tell me about the pain in your big toe',
      'P: it throbs most of the day but it gets sharp especially if i walk a lot i find myself walking on my heel to keep the toe straight',
      'D: okay and is it red or swollen',
      'P: a little red',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe has not been walking on his heel to keep the toe straight.\nHe has been walking on his heel to keep the toe straight.',
      'en',
    );
    expect(check(report, 'He has not been walking on his heel to keep the toe straight.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'He has been walking on his heel to keep the toe straight.'))).toBe(false);
  });

  it('a discussion reported with "that" is a claim: "we discussed that guarantees could be given" against "there\'s no guarantees"', () => {
    const lines = [
      'D: so the pressure on the nerve has been there for a long time',
      'P: will my eyesight come back after the operation',
      'D: well there is no guarantees but it is a possibility',
      'P: okay i understand',
      'D: we will schedule the surgery for next month',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nWe discussed that guarantees could be given that his eyesight would come back.\nWe discussed that no guarantees could be given that his eyesight would come back.',
      'en',
    );
    expect(
      check(report, 'We discussed that guarantees could be given that his eyesight would come back.').support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(report, 'We discussed that no guarantees could be given that his eyesight would come back.'),
      ),
    ).toBe(false);
  });
});
