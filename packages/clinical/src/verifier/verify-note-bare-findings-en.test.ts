/**
 * English examination and history findings that lost the negation a note puts before them (synthetic consultations):
 * a bare list of findings joined by "or" ("masses or tenderness") is the object of a lost "no".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English finding that lost its negation', () => {
  it('a bare list joined by "or" after a label ("Abdomen: masses or tenderness") has lost its "no"', () => {
    const lines = [
      'D: okay so just lie back for me and i will press around a bit',
      'D: okay good , that all feels soft',
      'D: and on your knee exam you do have some tenderness over the inside of the knee',
      'P: yeah that is where it hurts',
      'D: so the plan is we will get an x-ray and see you back in two weeks',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nAbdomen: masses or tenderness.\nAbdomen: No masses or tenderness.\nAbdomen: Soft.',
      'en',
    );
    expect(flagged(check(report, 'Abdomen: masses or tenderness.'))).toBe(true);
    expect(flagged(check(report, 'Abdomen: No masses or tenderness.'))).toBe(false);
  });

  it('a list joined by "or" under a verb or a negation is not bare ("Pain is worse with sitting or standing")', () => {
    const lines = [
      'D: so tell me about the back pain',
      'P: um it is worse when i sit or when i stand for a long time',
      'D: okay and any fever or chills',
      'P: no none of that',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nPain is worse with sitting or standing.\nDenies fever or chills.',
      'en',
    );
    expect(flagged(check(report, 'Pain is worse with sitting or standing.'))).toBe(false);
    expect(flagged(check(report, 'Denies fever or chills.'))).toBe(false);
  });

  it('pain at a site the talk never names ("Pain in the calf") is not supported; a manoeuvre in lay words is', () => {
    const lines = [
      'D: so you are here for right knee pain , you twisted your knee at work yesterday',
      'P: yeah the pain is right on the inside of my knee and the pain is worse when i walk',
      'D: okay and what kind of work do you do',
      'P: i work in a warehouse so i am on my feet all day lifting boxes',
      'D: and do you take any medications at home',
      'P: just a vitamin d every morning and sometimes tylenol',
      'D: any allergies to medications',
      'P: no none that i know of',
      'D: and do you smoke or drink',
      'P: i quit smoking five years ago and i have a beer on the weekends',
      'D: okay let me examine it , i am going to bend your knee',
      'D: so you do have some pain when i bend it and it is tender right here on the inside',
      'P: yes that hurts',
      'D: alright i think this is a sprain and we will start with rest and ice',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nPain in the calf.\nPain with flexion of the knee.\nNo pain in the calf.',
      'en',
    );
    expect(flagged(check(report, 'Pain in the calf.'))).toBe(true);
    expect(flagged(check(report, 'Pain with flexion of the knee.'))).toBe(false);
    expect(flagged(check(report, 'No pain in the calf.'))).toBe(false);
  });
});
