import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations (speech-recognised English) for sides and values said in passing.

describe('en: sides of body sites', () => {
  const FOOT = [
    "D: so what's going on with your right foot today",
    "P: well it's sore um i dropped a brick on my foot at work yesterday",
    'D: okay have you hurt that foot before',
    "P: no but my other ankle is sore sometimes and i've had surgery for that too",
    "D: okay let me take a look at your right foot there's some bruising on the top",
  ];

  it('a side implied for another body site ("my other ankle") says nothing of the foot', () => {
    const wrong = verify(FOOT, 'HISTORY\nLeft foot soreness.', 'en');
    expect(flagged(check(wrong, 'Left foot soreness.'))).toBe(true);
    const right = verify(FOOT, 'HISTORY\nRight foot soreness.', 'en');
    expect(flagged(check(right, 'Right foot soreness.'))).toBe(false);
  });

  const KNEES = [
    'D: okay is it your left or your right knee that hurts',
    "P: it's the right knee the left one just feels a bit unstable",
    'D: okay um any surgeries in the past',
    'P: well i had surgery on my right knee before',
    'D: do you remember what kind of surgery',
    'P: they told me they reconstructed the whole thing i was fourteen',
  ];

  it('the side named with the body site just before the finding is its side, though the talk names both', () => {
    const wrong = verify(KNEES, 'HISTORY\nThe patient had a left knee reconstruction at age 14.', 'en');
    expect(flagged(check(wrong, 'The patient had a left knee reconstruction at age 14.'))).toBe(true);
    const right = verify(KNEES, 'HISTORY\nThe patient had a right knee reconstruction at age 14.', 'en');
    expect(flagged(check(right, 'The patient had a right knee reconstruction at age 14.'))).toBe(false);
  });
});

describe('en: values said in passing', () => {
  const IRON = [
    'D: hi there so your blood pressure looks good today any fever',
    'D: and what are you taking for the anemia',
    "P: i'm taking iron twenty five milligram tablets twice daily",
    'D: okay is that the iron tablet in the morning',
    'P: yeah i take one tablet in the morning and one in the evening',
  ];

  it('a rate ("twice daily") is no count of tablets ("2 in the evening")', () => {
    const text = 'Iron 25 mg tablet twice per day (1 in the morning, 2 in the evening).';
    expect(flagged(check(verify(IRON, `MEDICATIONS\n${text}`, 'en'), text))).toBe(true);
    const first = 'Iron 25 mg tablet twice per day (2 in the morning, 1 in the evening).';
    expect(flagged(check(verify(IRON, `MEDICATIONS\n${first}`, 'en'), first))).toBe(true);
    const said = 'Iron 25 mg tablet twice per day (1 in the morning, 1 in the evening).';
    expect(flagged(check(verify(IRON, `MEDICATIONS\n${said}`, 'en'), said))).toBe(false);
  });

  const HEADACHE = [
    'D: hi there so your blood pressure looks good today any fever',
    'D: so tell me about these headaches',
    'P: well it started about three months ago',
    'P: at first it was like three out of ten and it just gradually got worse',
    "P: and now it's about six out of ten",
  ];

  it('a rank ("at first") is no score ("1 out of 10")', () => {
    const text = 'Headaches started 3 months ago, at which point they were around 1 out of 10 in severity.';
    expect(flagged(check(verify(HEADACHE, `HISTORY\n${text}`, 'en'), text))).toBe(true);
    const said = 'Headaches started 3 months ago, at which point they were around 3 out of 10 in severity.';
    expect(flagged(check(verify(HEADACHE, `HISTORY\n${said}`, 'en'), said))).toBe(false);
  });

  const EPISODE = [
    'D: hi there so your blood pressure looks good today any fever',
    'D: so what brings you in today',
    'P: well i had an episode of chest pain but it stopped after four days',
    'D: okay and did you go anywhere for it',
    'P: i went to the er and the chest pain got better about three days after i went to the er',
  ];

  it('a length written as an adjective ("3-day episode") is not a time reckoned from another event', () => {
    const text = 'She wanted to discuss the original 3-day episode of chest pain.';
    expect(flagged(check(verify(EPISODE, `HISTORY\n${text}`, 'en'), text))).toBe(true);
    const said = 'She wanted to discuss the original 4-day episode of chest pain.';
    expect(flagged(check(verify(EPISODE, `HISTORY\n${said}`, 'en'), said))).toBe(false);
  });

  const TRIP = [
    'D: hi there so your blood pressure looks good today any fever',
    "P: can we do the surgery as soon as possible i'm going on vacation in a month",
    'D: okay how long is the vacation',
    "P: it's only for like a couple weeks",
  ];

  it('a length written as an adjective ("4-week vacation") is not a time ahead ("in a month")', () => {
    const text = 'The patient has a 4-week vacation planned in 1 month.';
    expect(flagged(check(verify(TRIP, `HISTORY\n${text}`, 'en'), text))).toBe(true);
    const said = 'The patient has a 2-week vacation planned in 1 month.';
    expect(flagged(check(verify(TRIP, `HISTORY\n${said}`, 'en'), said))).toBe(false);
  });

  const COURSE = [
    'D: hi there so your blood pressure looks good today any fever',
    'P: my doctor started me on some antibiotics for the foot about six days ago',
    "D: okay so you're six days in we'll do a ten or twelve day course and continue the antibiotics",
    'P: okay that sounds good',
  ];

  it('a length said as an adjective in talk ("a ten or twelve day course") is no time ago ("12 days ago")', () => {
    const text = 'He was started on a 10-day course of antibiotics approximately 12 days ago.';
    expect(flagged(check(verify(COURSE, `HISTORY\n${text}`, 'en'), text))).toBe(true);
    const said = 'He was started on a 10-day course of antibiotics approximately 6 days ago.';
    expect(flagged(check(verify(COURSE, `HISTORY\n${said}`, 'en'), said))).toBe(false);
  });
});
