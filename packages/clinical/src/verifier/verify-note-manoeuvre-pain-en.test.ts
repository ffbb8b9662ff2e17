/**
 * English examination findings of pain with a manoeuvre the note names by its term ("Pain with strength testing",
 * "Pain with supination") where the doctor put the manoeuvre in lay words and asked whether it hurt ("push your leg
 * out against my hand, does that hurt?" – "no") (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English pain with an examination manoeuvre', () => {
  it('"Pain with strength testing" is contradicted where each push against the hand was asked and did not hurt', () => {
    const lines = [
      'D: so you have had pain in your left knee since you started training for the half marathon',
      'P: yes it aches after every long run and ice helps a little',
      'D: okay let me examine your left knee now',
      'D: okay so i want you to push your leg out against my hand does that hurt',
      'P: no',
      'D: okay and if you pull back against my hand does that hurt',
      'P: no',
      'D: and now when i press on the outside of your knee does it hurt',
      'P: yes right there it hurts',
      'D: okay so you have some tenderness on the outside of the knee',
      'D: physical therapy will help strengthen the muscles around your knee',
    ];
    const wrong = 'Pain with strength testing.';
    const right = 'No pain with strength testing.';
    const palpation = 'Pain with palpation of the lateral knee.';
    const report = verify(lines, `PHYSICAL EXAM\n${wrong}\n${right}\n${palpation}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
    expect(flagged(check(report, palpation))).toBe(false);
  });

  it('"Pain with supination" is contradicted by "turn it like a door knob … any pain?" – "not really"; pronation is not', () => {
    const lines = [
      'D: so your right elbow has been hurting since you started the new job at the warehouse',
      'P: yeah it is sore on the inside of the elbow when i lift boxes and it goes down into my forearm',
      'D: okay now i want you to turn your wrist as if you are turning a door knob do you have any pain when you do that',
      'P: not really',
      'D: okay now turn your wrist in do you have any pain when you do that',
      'P: yeah that hurts',
      'D: alright that fits with an irritated tendon on the inside of your elbow',
    ];
    const wrong = 'Pain with supination of the forearm.';
    const pronation = 'Pain with pronation of the forearm.';
    const report = verify(lines, `PHYSICAL EXAM\n${wrong}\n${pronation}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, pronation))).toBe(false);
  });
});
