/**
 * English negation inserted into a claim about an event of the visit (synthetic consultations): a "No" that opens the
 * subject of a passive ("No x-rays … were taken"), advice the doctor gave said not to have been given ("was not
 * encouraged to"), an ability denied that the talk shows in use ("is not able to exercise"), a light verb's phrase
 * denied ("is not experiencing a persistent dry cough"), and a cause denied ("was not due to throwing hay", which the
 * `cause-denied` check decides; `verify-note-cause-denied-en.test.ts` has its guards).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English negation inserted into an event of the visit', () => {
  it('"No x-rays … were taken today" denies the passive\'s step, which the doctor talks about having had done', () => {
    const lines = [
      'D: okay so how did you hurt the wrist',
      'P: i fell on the ice on monday and landed on my right hand',
      'D: okay um so before we came in we had you do an x-ray of that wrist',
      'P: yeah that hurt a bit',
      'D: and looking at the x-ray of the right wrist there is a small fracture of the distal radius',
      'P: oh no',
    ];
    const report = verify(
      lines,
      'RESULTS\nNo x-rays of the right wrist were taken today.\nX-rays of the right wrist were taken today.',
      'en',
    );
    expect(flagged(check(report, 'No x-rays of the right wrist were taken today.'))).toBe(true);
    expect(flagged(check(report, 'X-rays of the right wrist were taken today.'))).toBe(false);
  });

  it('"No x-ray images … were obtained and reviewed" denies both joined participles', () => {
    const lines = [
      'D: your left foot is swollen but the sensation is intact to light touch',
      'P: okay',
      'D: now i would like to do a review of the diagnostic imaging that you had before you came in',
      'D: so i do notice a small displacement of the base of the fifth metatarsal',
      'P: is that bad',
      'D: from what i am seeing on your x-ray you will need a boot for that foot',
    ];
    const report = verify(
      lines,
      'RESULTS\nNo x-ray images of the left foot were obtained and reviewed today.\nX-ray images of the left foot were obtained and reviewed today.',
      'en',
    );
    expect(flagged(check(report, 'No x-ray images of the left foot were obtained and reviewed today.'))).toBe(
      true,
    );
    expect(flagged(check(report, 'X-ray images of the left foot were obtained and reviewed today.'))).toBe(
      false,
    );
  });

  it('a "no" finding that opens a passive of seeing is a finding, not a step ("No fractures were seen")', () => {
    const lines = [
      'D: so i looked at the x-ray of your wrist',
      'P: okay',
      'D: and there is no fracture there which is good news',
      'P: great',
    ];
    const report = verify(lines, 'RESULTS\nNo fractures were seen on the x-ray of the wrist.', 'en');
    expect(flagged(check(report, 'No fractures were seen on the x-ray of the wrist.'))).toBe(false);
  });

  it('"was not encouraged to continue icing" is contradicted where the doctor tells him to keep icing', () => {
    const lines = [
      'D: so we can prescribe you some meloxicam once a day',
      'P: mm-hmm',
      'D: i want you to continue to ice it , okay . i want you to try to avoid any strenuous activity',
      'P: okay i can do that',
    ];
    const report = verify(
      lines,
      'PLAN\nPatient Education and Counseling: He was not encouraged to continue icing the area and avoid strenuous activity.\nPatient Education and Counseling: He was encouraged to continue icing the area and avoid strenuous activity.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'Patient Education and Counseling: He was not encouraged to continue icing the area and avoid strenuous activity.',
        ),
      ),
    ).toBe(true);
    expect(
      flagged(
        check(
          report,
          'Patient Education and Counseling: He was encouraged to continue icing the area and avoid strenuous activity.',
        ),
      ),
    ).toBe(false);
  });

  it('"was not advised to stop basketball until …": the "until" is part of the advice, not another occasion', () => {
    const lines = [
      'D: so how is the knee feeling today',
      'P: it still hurts on the inside when i walk',
      'P: when can i play basketball again',
      'D: yeah that is a great question so first off i want to see you back here in seven days',
      'D: so for sure for seven days you are not gon na be playing basketball',
      'P: okay',
    ];
    const report = verify(
      lines,
      'PLAN\nThe patient was not advised to stop basketball until she follows up in 7 days.\nThe patient was advised to stop basketball until she follows up in 7 days.',
      'en',
    );
    expect(
      flagged(
        check(report, 'The patient was not advised to stop basketball until she follows up in 7 days.'),
      ),
    ).toBe(true);
    expect(
      flagged(check(report, 'The patient was advised to stop basketball until she follows up in 7 days.')),
    ).toBe(false);
  });

  it('"is not able to exercise" is contradicted where the talk says he is exercising: what one does, one can do', () => {
    const lines = [
      'D: how are you doing with the depression and the prozac',
      'P: pretty good i think the medication helps',
      'D: for your next problem the lobectomy i do not think we need to do any more workup of that',
      'D: it seems like you are exercising a lot',
      'D: your breathing function is fine',
      'P: yeah i feel good',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nHe is not able to exercise a lot and his breathing function is back.\nHe is able to exercise a lot and his breathing function is back.',
      'en',
    );
    expect(
      check(report, 'He is not able to exercise a lot and his breathing function is back.').support,
    ).toBe('contradicted');
    expect(flagged(check(report, 'He is able to exercise a lot and his breathing function is back.'))).toBe(
      false,
    );
  });

  it('"is not able to walk" stays where the talk says the walking is cut short', () => {
    const lines = [
      'D: so tell me about the pain in your legs',
      'P: it is a cramping pain in both calves',
      'D: how far can you walk',
      'P: i cannot walk more than a block before my legs hurt',
      'D: okay',
    ];
    const report = verify(lines, 'HISTORY\nShe is not able to walk more than a block.', 'en');
    expect(flagged(check(report, 'She is not able to walk more than a block.'))).toBe(false);
  });

  it('"is not experiencing a persistent dry cough": a light verb\'s phrase is read word by word, past a word said of something else', () => {
    const lines = [
      'D: so tell me what is going on',
      'P: well i finished my radiation last month and now i have this cough',
      'D: okay any shortness of breath',
      'P: i have not noticed any shortness of breath it just kind of seems to be a lingering kind of light dry cough',
      'D: cough okay is it any mucus with it or is it a dry cough',
      'P: yeah',
      'D: and has the fever been persistent',
      'P: no the fever went away after a day',
      'D: so the radiation pneumonitis is what is causing that cough as well as some of the shortness of breath i know you are not experiencing it much now',
    ];
    const negated = 'Medical Reasoning: The patient is not experiencing a persistent dry cough.';
    const correct = 'Medical Reasoning: The patient is experiencing a persistent dry cough.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${negated}\n${correct}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    expect(flagged(check(report, correct))).toBe(false);
  });

  it('"was not due to throwing hay" denies the cause the talk gives ("it was from throwing hay")', () => {
    const lines = [
      'D: so what happened',
      'P: i was out on the farm and i developed this sudden onset of pain in my right back and i thought initially it was from throwing hay but i broke out into a sweat',
      'P: i got real nauseated and that is when i went and saw my doctor',
      'D: okay',
    ];
    const report = verify(
      lines,
      'HISTORY\nThe patient initially thought his pain was not due to throwing hay.\nThe patient initially thought his pain was due to throwing hay.',
      'en',
    );
    expect(check(report, 'The patient initially thought his pain was not due to throwing hay.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'The patient initially thought his pain was due to throwing hay.'))).toBe(
      false,
    );
  });
});
