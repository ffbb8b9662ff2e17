/**
 * English questions, answers and reporting verbs where "reports" and "denies" were swapped (synthetic consultations):
 * an answer confirms the items of a list question it names, denies those it names under "no" and leaves the others
 * unconfirmed, also an item of several words ("issues with urination"); "any" is licensed only within its own clause
 * and also after a reported use ("reports taking any …"); a denial of a negative clause is a double negation; an answer
 * that gives the circumstances ("if i'm exerting myself …") is a yes.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English list questions', () => {
  it('an item of several words the answer does not name is not confirmed ("… or issues with urination" – "constipation")', () => {
    const lines = [
      'D: okay so the bleeding started about a month ago',
      'P: yeah about a month ago i noticed it',
      'D: okay now do you have other symptoms such as fatigue constipation vomiting or problems with urination',
      'P: no vomiting but constipation and fatigue',
      'D: okay and any family history of colon cancer',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nReports urinary problems.\nReports constipation and fatigue.',
      'en',
    );
    expect(flagged(check(report, 'Reports urinary problems.'))).toBe(true);
    expect(flagged(check(report, 'Reports constipation and fatigue.'))).toBe(false);
  });
});

describe('verifyNote: English "any" licensed only within its own clause', () => {
  it('a licensor before "but" licenses nothing after it ("… when she was younger, but she reports having any pain")', () => {
    const lines = [
      'D: so tell me a bit about your activity level',
      'P: i swim three times a week and i ran track when i was in high school',
      'D: okay and what brings you in today',
      'P: i have been having some stiffness in my right hip in the mornings since this spring',
      'D: okay any swelling or fever',
      'P: no swelling and no fever',
      'D: on exam there is mild tenderness over the right hip with full range of motion',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe ran track when she was in high school, but she reports having any pain at that time.\nShe ran track when she was in high school, but she denies having any pain at that time.',
      'en',
    );
    expect(
      check(
        report,
        'She ran track when she was in high school, but she reports having any pain at that time.',
      ).support,
    ).toBe('unsupported');
    expect(
      flagged(
        check(
          report,
          'She ran track when she was in high school, but she denies having any pain at that time.',
        ),
      ),
    ).toBe(false);
  });
});

describe('verifyNote: English "any" after a reported use', () => {
  it('"reports taking any medications" lost the negation of "denies taking any medications"', () => {
    const lines = [
      'D: so what brings you in today',
      'P: my lower back has been sore since i moved some furniture last week',
      'D: okay and have you been using anything for the pain',
      'P: just a heating pad at night it helps a little',
      'D: on exam there is tenderness over the lower lumbar muscles with normal strength in both legs',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe reports taking any medications for the pain, but he uses a heating pad at night.\nHe denies taking any medications for the pain, but he uses a heating pad at night.',
      'en',
    );
    expect(
      check(report, 'He reports taking any medications for the pain, but he uses a heating pad at night.')
        .support,
    ).toBe('unsupported');
    expect(
      flagged(
        check(report, 'He denies taking any medications for the pain, but he uses a heating pad at night.'),
      ),
    ).toBe(false);
  });
});

describe('verifyNote: English denial of a negative clause', () => {
  it('"denies that nothing she tried helped" is a double negation; "reports that nothing she tried helped" is not', () => {
    const lines = [
      'D: so how long have you had the heartburn',
      'P: about two weeks now it burns after every meal',
      'D: okay and what have you tried for it',
      'P: i took tums and some milk but nothing i tried helped it',
      'D: okay any trouble swallowing',
      'P: no',
      'D: on exam your abdomen is soft with mild tenderness in the upper abdomen',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has had heartburn for 2 weeks but denies that nothing she tried helped.\nShe has had heartburn for 2 weeks but reports that nothing she tried helped.\nShe denies that she has trouble swallowing.',
      'en',
    );
    expect(
      check(report, 'She has had heartburn for 2 weeks but denies that nothing she tried helped.').support,
    ).toBe('unsupported');
    expect(
      flagged(check(report, 'She has had heartburn for 2 weeks but reports that nothing she tried helped.')),
    ).toBe(false);
    expect(flagged(check(report, 'She denies that she has trouble swallowing.'))).toBe(false);
  });
});

describe('verifyNote: English answers that give the circumstances', () => {
  it('"any nausea?" – "if i\'m exerting myself …" is a yes with its condition; a past occasion ("when i checked …") is none', () => {
    const lines = [
      'D: so you have been having this back pain for about a week',
      'P: yeah it goes around to my side',
      'D: okay and have you had any other symptoms like nausea or vomiting',
      "P: um if i'm climbing the stairs or running to the bus i feel a little queasy and i have thrown up once",
      'D: okay and have you had a fever',
      'P: when i checked it last night it was normal',
      'D: on exam there is tenderness over the right flank',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nDenies nausea or vomiting with exertion.\nDenies fever.',
      'en',
    );
    expect(flagged(check(report, 'Denies nausea or vomiting with exertion.'))).toBe(true);
    expect(flagged(check(report, 'Denies fever.'))).toBe(false);
  });
});
