/**
 * Statements about relatives (synthetic consultations): a relative's condition is checked against what the
 * transcript says of that relative, and a relative who is only told the plan leaves the statement the patient's.
 */
import { describe, expect, it } from 'vitest';
import { lexiconFor } from './text-analysis';
import { indexTranscript } from './transcript-index';
import { check, flagged, transcriptOf, verify } from './verifier-test-kit';

describe('verifyNote: statements about relatives (en)', () => {
  it("checks a relative's denied condition made positive against what is said of the relative", () => {
    const lines = [
      'D: Does anyone in your family have diabetes?',
      'P: My uncle has diabetes, he takes insulin.',
      'D: And does your brother have any heart problems?',
      'P: No, my brother is healthy, he has no heart problems at all.',
      'D: Good. Any chest pain yourself?',
      'P: Yes, some chest pain when I climb stairs.',
    ];
    const report = verify(lines, 'Family History:\nUncle without diabetes.\nUncle with diabetes.', 'en');
    expect(flagged(check(report, 'Uncle without diabetes.'))).toBe(true);
    expect(flagged(check(report, 'Uncle with diabetes.'))).toBe(false);
  });

  it('checks a plan told to a relative as the patient\'s ("Mom was advised that …")', () => {
    const lines = [
      'R: She has had this cough for a week now.',
      'D: Her lungs sound clear, so I do not recommend antibiotics for her.',
      'D: Honey and fluids should help, and she can go back to daycare.',
      'R: Okay, thank you.',
    ];
    const report = verify(
      lines,
      'Plan: Mom was advised that antibiotics are recommended.\nMom was advised that antibiotics are not recommended.',
      'en',
    );
    expect(flagged(check(report, 'Mom was advised that antibiotics are recommended.'))).toBe(true);
    expect(flagged(check(report, 'Mom was advised that antibiotics are not recommended.'))).toBe(false);
  });
});

describe('verifyNote: how answers are read (en)', () => {
  it('reads "I can\'t really say" as neither yes nor no', () => {
    const lines = [
      'D: Any problems sleeping while lying flat?',
      'P: Uh, I mostly sleep propped up on pillows so I cannot really say.',
      'D: Okay. And your knee, how is that doing?',
      'P: The knee is a lot better since the physical therapy.',
    ];
    const index = indexTranscript(transcriptOf(lines), lexiconFor('en'));
    expect(index.units.find((unit) => unit.text.startsWith('Any problems sleeping'))?.answer).toBe('unknown');
  });

  it('reads "not in a while" to "any … recently?" as a no to what follows "any", not to the condition before', () => {
    const lines = [
      'D: And how about your migraines, any headaches recently?',
      'P: Not in a while, the last bad one was around March and nothing since then.',
      'D: Good. Are you still taking the sumatriptan when you need it?',
      'P: Yes, I keep it in my bag.',
    ];
    const report = verify(
      lines,
      'History of Present Illness:\nRegarding her migraines, she has had headaches recently.\nRegarding her migraines, she has not had any headaches recently.',
      'en',
    );
    expect(flagged(check(report, 'Regarding her migraines, she has had headaches recently.'))).toBe(true);
    expect(flagged(check(report, 'Regarding her migraines, she has not had any headaches recently.'))).toBe(
      false,
    );
  });

  it('reads "… and that\'s it" as denying other instances ("reports taking other chronic medications")', () => {
    const lines = [
      'D: Do you take any chronic medications?',
      "P: Um, I take a cholesterol pill in the evening, and that's it.",
      'D: Okay. Any allergies to medications?',
      'P: No.',
    ];
    const report = verify(
      lines,
      'History of Present Illness:\nShe reports taking other chronic medications.\nShe denies taking other chronic medications.',
      'en',
    );
    expect(flagged(check(report, 'She reports taking other chronic medications.'))).toBe(true);
    expect(flagged(check(report, 'She denies taking other chronic medications.'))).toBe(false);
  });
});
