/**
 * English negation lost without a "no": a test's reading swapped under a condition ("if the ultrasound is normal" →
 * "abnormal"), a test said to be abnormal where the talk calls it normal, whatever place the note adds to it, "always" where the talk says "not always".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English negation lost from a verb or a reading', () => {
  it('a reading under a condition is the one said after "if" ("if the ultrasound is normal" – "If the ultrasound is abnormal")', () => {
    const lines = [
      'D: so the biopsy of the mole on your back came back as a melanoma',
      'P: yes they told me it was caught early and it does not hurt',
      'D: okay so there is one lymph node in the left groin that felt a little firm',
      "D: it's very likely nothing but i want you to have an ultrasound of that area",
      'P: okay',
      "D: if the ultrasound is normal , you're a candidate for a wide local excision of the lesion",
      'P: okay that sounds good',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nIf the ultrasound is abnormal, the patient is a candidate for a wide local excision.\nIf the ultrasound is normal, the patient is a candidate for a wide local excision.',
      'en',
    );
    expect(
      check(report, 'If the ultrasound is abnormal, the patient is a candidate for a wide local excision.')
        .support,
    ).toBe('contradicted');
    // DBG
    expect(
      flagged(
        check(report, 'If the ultrasound is normal, the patient is a candidate for a wide local excision.'),
      ),
    ).toBe(false);
  });

  it('a test judged abnormal is the test, not the place it was taken ("His EKG from the emergency room was abnormal" – "your ekg … is normal")', () => {
    const lines = [
      'D: so you went to the emergency room on saturday for the chest pain',
      'P: yes they did a bunch of tests and sent me home the same night',
      "D: okay let me pull up the ekg they did . so here that's good , your ekg is normal",
      'P: okay good',
      'D: and the echocardiogram shows a little bit of a low pumping function of your heart',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nHis EKG from the emergency room was abnormal.\nHis EKG from the emergency room was normal.',
      'en',
    );
    expect(check(report, 'His EKG from the emergency room was abnormal.').support).toBe('contradicted');
    expect(flagged(check(report, 'His EKG from the emergency room was normal.'))).toBe(false);
  });

  it('"always" where the talk says "not always" drops the negation ("i monitor it regularly . not always , i can forget")', () => {
    const lines = [
      'D: so how have you been doing with the diabetes since the last visit',
      "P: pretty good i've been taking the metformin and watching what i eat",
      "D: okay good and you're watching your blood sugars at home ?",
      "P: mm-hmm i monitor it regularly . not always , i can forget , but i'm pretty good about it",
      'D: okay that sounds good',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe is watching his blood sugars at home, always consistently.\nHe is watching his blood sugars at home, not always consistently.',
      'en',
    );
    expect(check(report, 'He is watching his blood sugars at home, always consistently.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'He is watching his blood sugars at home, not always consistently.'))).toBe(
      false,
    );
    const always = verify(
      [...lines.slice(0, 3), 'P: mm-hmm i always check it in the morning before breakfast', 'D: okay good'],
      'HISTORY OF PRESENT ILLNESS\nHe is watching his blood sugars at home, always consistently.',
      'en',
    );
    expect(flagged(check(always, 'He is watching his blood sugars at home, always consistently.'))).toBe(
      false,
    );
  });
});
