/**
 * English claims that lost a "no" or "without" (synthetic consultations): "any" after a frame of evidence in an
 * affirmative ("reveal evidence of any fracture"), the talk's words said right after a "no" ("no pain with pronation"),
 * a value whose question says "without" ("without any medication on board can you rate your pain"), two values under
 * the same condition ("with medication … 3/10, but with medication … 7/10"), "extra heart sounds" where the heart
 * sounds great, a bare complaint the talk only denies ("There is associated pain"), a bare "known …" ("known health
 * conditions").
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English claim that lost its "no"', () => {
  it('"evidence of any" in an affirmative is the trace of "no evidence of any" ("reveal evidence of any fractures")', () => {
    const lines = [
      'D: so you slipped on the ice on monday and landed on your right wrist',
      'P: yeah it swelled up right away and it still aches when i open a jar',
      'P: i had a fracture of this wrist when i was a kid and it healed fine',
      'D: okay we took three views of the wrist in the clinic this morning and they reveal a little bit of arthritis',
      'D: um but when i look at the results of your x-ray i do not appreciate any fracture what i am noticing is the development of a little bit of arthritis and that could explain why your joints ache',
      'P: oh that is a relief',
      'D: it is most likely a sprain so we will put you in a splint for two weeks',
    ];
    const report = verify(
      lines,
      'RESULTS\nThese reveal evidence of any fractures.\nThese reveal no evidence of any fractures.',
      'en',
    );
    expect(check(report, 'These reveal evidence of any fractures.').support).toBe('unsupported');
    expect(flagged(check(report, 'These reveal no evidence of any fractures.'))).toBe(false);
  });

  it('the clause\'s words said right after a "no", and nowhere without it, lost that "no" ("Pain with pronation")', () => {
    const lines = [
      'D: so you hurt your right elbow lifting a box at work last week',
      'P: yes it is sore on the outside when i grip things',
      'D: okay let me examine the elbow now can you twist your forearm for me like this',
      'P: okay',
      'D: okay so some pain with torsion and twisting supination what about pronation',
      'P: no',
      'D: no pain with pronation on the right side pain with supination',
      'D: i think this is tennis elbow so we will start with a brace and some ice',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nPain with pronation.\nNo pain with pronation.', 'en');
    expect(check(report, 'Pain with pronation.').support).toBe('contradicted');
    expect(flagged(check(report, 'No pain with pronation.'))).toBe(false);
  });

  it('a question put with "no" and answered "no" denies the words after it ("has had further flare ups")', () => {
    const lines = [
      'D: so how are you doing on the allopurinol',
      'P: good i take the hundred milligrams once a day and i have not missed any',
      'D: um no further flare ups ?',
      'P: no .',
      "D: great let's continue you on the allopurinol one hundred milligrams once a day",
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe is doing well on the allopurinol 100 mg once daily and has had further flare ups.\nShe is doing well on the allopurinol 100 mg once daily and has had no further flare ups.',
      'en',
    );
    expect(
      check(report, 'She is doing well on the allopurinol 100 mg once daily and has had further flare ups.')
        .support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'She is doing well on the allopurinol 100 mg once daily and has had no further flare ups.',
        ),
      ),
    ).toBe(false);
  });

  it('the question that gives a value sets its condition ("8 out of 10 with medication" – "without any medication")', () => {
    const lines = [
      'P: i twisted my left ankle stepping off a curb on friday',
      'D: have you taken anything for it',
      'P: i have taken some ibuprofen and i keep it up on a pillow',
      "D: okay so let's talk real quick about your pain level zero being none ten being the worst pain without any medication on board can you rate your pain for me",
      "P: i would say it's about an eight",
      "D: okay and then when you do take that ibuprofen what's your pain like",
      'P: maybe a four',
      'D: i am going to prescribe a stronger anti-inflammatory medication for you',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe rates his pain as 8 out of 10 with medication.\nHe rates his pain as 8 out of 10 without medication.',
      'en',
    );
    expect(check(report, 'He rates his pain as 8 out of 10 with medication.').support).toBe('contradicted');
    expect(flagged(check(report, 'He rates his pain as 8 out of 10 without medication.'))).toBe(false);
  });

  it('two values set against each other under the same "with" lost a "without" ("with medication … 3/10, but with medication … 7/10")', () => {
    const lines = [
      'D: so your right foot has been hurting since the soccer game on saturday',
      'P: yeah i have been icing it and taking ibuprofen',
      'D: okay without any ibuprofen what is your pain level',
      'P: without ibuprofen i would say my pain is a seven out of ten',
      'D: and with the ibuprofen',
      'P: with it i would say a three out of ten',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nWith medication, she rates her pain as 3/10, but with medication her pain is rated as 7/10.\nWith medication, she rates her pain as 3/10, but without medication her pain is rated as 7/10.',
      'en',
    );
    expect(
      check(
        report,
        'With medication, she rates her pain as 3/10, but with medication her pain is rated as 7/10.',
      ).support,
    ).toBe('unsupported');
    expect(
      flagged(
        check(
          report,
          'With medication, she rates her pain as 3/10, but without medication her pain is rated as 7/10.',
        ),
      ),
    ).toBe(false);
  });

  it('"extra heart sounds" is an abnormal finding, contradicted where the heart sounds are called normal', () => {
    const lines = [
      'D: so tell me what happened to your back',
      'P: i was moving a refrigerator with my brother about five days ago and felt a pull in my lower back',
      'D: did the pain go down your legs at all',
      'P: no it stays in my back on the right side',
      'D: and have you taken anything for it',
      'P: some ibuprofen two tablets in the morning and it helps a little',
      'D: any numbness or tingling in your legs',
      'P: no nothing like that',
      'D: how is your blood pressure at home',
      'P: it has been okay around one twenty',
      "D: i'm just gon na listen to your heart and your lungs okay",
      'P: okay',
      "D: okay so on physical examination you know your heart sounds great it's a regular rate and rhythm your lungs are nice and clear",
      'D: on your back exam you do have some pain to palpation of the lumbar spine',
      "P: yeah that's where it hurts",
      'D: i think this is a lumbar strain so we will start physical therapy and some meloxicam',
      'P: sounds good',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nExtra heart sounds.\nNo extra heart sounds.', 'en');
    expect(check(report, 'Extra heart sounds.').support).toBe('contradicted');
    expect(flagged(check(report, 'No extra heart sounds.'))).toBe(false);
  });

  it('a bare complaint the talk says only as absent, at least twice, lost its "no" ("There is associated pain")', () => {
    const lines = [
      'D: so tell me about this spot on your right foot',
      "P: it's on the outside of my foot and it's just not going away i think it got a little worse since i first noticed it",
      'D: okay and do you have any pain in your foot',
      'P: no no no pain at all',
      'D: and do you get any pain in your calves when you walk',
      'P: no',
      'D: on exam there is a two by three centimeter ulcer on the right lateral foot and there is associated granulation tissue but no associated cellulitis',
      'D: there is no pain to palpation of the right foot',
      'D: we will get you to wound care and i want to check your sugars',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThere is associated pain, however, he feels the ulcer may have worsened since he first noticed it.\nThere is no associated pain, however, he feels the ulcer may have worsened since he first noticed it.',
      'en',
    );
    expect(
      check(
        report,
        'There is associated pain, however, he feels the ulcer may have worsened since he first noticed it.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'There is no associated pain, however, he feels the ulcer may have worsened since he first noticed it.',
        ),
      ),
    ).toBe(false);
  });

  it('"known" opening a bare noun phrase is the trace of "no known" ("Twin sister: healthy, known health conditions")', () => {
    const lines = [
      'D: so she is here for her two year checkup and you said her twin sister is doing well',
      'R: yes her sister is healthy she does not have the syndrome and she has no health problems that we know of',
      'D: okay and how is katherine sleeping',
      'R: she still wakes up at night two or three times',
      'D: okay we will talk about melatonin',
    ];
    const report = verify(
      lines,
      'FAMILY HISTORY\nTwin sister: healthy, known health conditions.\nTwin sister: healthy, no known health conditions.',
      'en',
    );
    expect(check(report, 'Twin sister: healthy, known health conditions.').support).toBe('unsupported');
    expect(flagged(check(report, 'Twin sister: healthy, no known health conditions.'))).toBe(false);
  });
});
