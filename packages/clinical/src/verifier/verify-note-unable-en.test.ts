/**
 * English "unable to X" is "not able to X" (synthetic consultations): a claim worded with "unable" has the polarity of
 * the talk's "can't X", and what frames the inability (the rest of a game, the onset of a story that has changed, a
 * wish said later, a second predicate in the past tense) is not denied with it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English "unable to" reads as "not able to"', () => {
  it('"is unable to make a fist" agrees with "i can\'t make a fist"', () => {
    const lines = [
      'D: so tell me what happened to your hand',
      'P: um i fell off my bike on sunday and landed on it',
      'D: okay can you make a fist for me',
      "P: no i can't make a fist it hurts too much",
      'D: okay and does it hurt here on the wrist',
      'P: yes right there',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nHe is unable to make a fist.\nHe is able to make a fist.',
      'en',
    );
    expect(flagged(check(report, 'He is unable to make a fist.'))).toBe(false);
    expect(flagged(check(report, 'He is able to make a fist.'))).toBe(true);
  });

  it('"for the rest of the game" frames the inability; the game is not denied', () => {
    const lines = [
      'D: so what happened to your knee',
      'P: i was playing in a basketball game on saturday and i landed wrong after a rebound',
      'D: okay and were you able to keep going',
      'P: no i had to sit on the bench and my coach put ice on it',
      'D: alright any swelling since then',
      'P: yeah it swelled up that night',
    ];
    const note = 'He was unable to participate for the rest of the game.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('a state dated to the onset is not contradicted by the talk of now ("initially unable" – "now i can")', () => {
    const lines = [
      'D: okay and have you been able to walk on it at all',
      'P: um at first no my husband had to carry me to the car',
      'P: and now i am able to put a little weight on my foot but it still hurts',
      'D: okay and any numbness or tingling in the toes',
      'P: no',
    ];
    const note = 'Initially, she was unable to put weight on her foot.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('a wish said later ("i wanna keep on playing") does not assert what the answer denied', () => {
    const lines = [
      'D: so you hurt your foot during a tennis match on sunday',
      'P: yeah i came down on it wrong and it started hurting right away',
      'D: alright were you able to continue playing',
      'P: no i had to stop i could not put weight on it',
      'D: okay and what have you taken for the pain since then',
      'P: just some advil and i kept it up on a pillow',
      'D: alright and any numbness or tingling in the toes',
      'P: no nothing like that',
      'D: okay let me take a look at the foot there is swelling on the outside of the foot and it is tender when i press here',
      'P: ouch yes that hurts',
      'D: okay the x-ray shows a small fracture of the fifth metatarsal so you will need a boot for six weeks',
      'P: oh no the pain is bad but i really wan na keep on playing my tennis with my friends',
      'D: i understand',
    ];
    const note = 'The patient reports that she was unable to continue playing secondary to the pain.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('a past-tense verb after "and" is a predicate of its own ("unable to bear weight and required help")', () => {
    const lines = [
      'D: so tell me what happened to your ankle',
      'P: um i slipped on the ice in the parking lot on monday morning and twisted it',
      'D: okay and have you been able to walk on it at all',
      'P: no i was so initially when i first fell i was unable to walk on it at all i had a neighbor that was visiting and so she heard me fall so she helped me inside now today i have been able to put a little more weight on it but i am still limping',
      'D: okay there is some swelling over the outer ankle',
    ];
    const note = 'Initially, she was unable to bear weight on the ankle and required help getting inside.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
