/**
 * Questions about what is normal (synthetic consultations): "fine" answers them the other way round from a symptom
 * question, and a function said to be normal denies complaints of it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: questions about normality (nb)', () => {
  it('"nei, det går fint" to a symptom question after a normality question confirms the normal', () => {
    const lines = [
      'L: Han har hatt omgangssyke i to dager, sier du. Spiser han som før? Kaster han opp?',
      'R: Nei, det går fint.',
      'L: Da ser jeg på magen hans.',
    ];
    const report = verify(lines, 'Aktuelt: Spiser som før.', 'nb');
    expect(check(report, 'Spiser som før.').support).not.toBe('contradicted');
  });

  it('one unpunctuated turn asking about the normal and a symptom: "fine" confirms one and denies the other', () => {
    const lines = [
      'P: jeg har hatt feber og vondt i magen siden i går',
      'L: tisser du normalt har du blod i urinen',
      'P: nei det er fint',
      'L: da tar vi en urinprøve',
    ];
    const report = verify(lines, 'Aktuelt: Vannlating ua. Blod i urinen.', 'nb');
    expect(flagged(check(report, 'Vannlating ua.'))).toBe(false);
    expect(check(report, 'Blod i urinen.').support).toBe('contradicted');
  });

  it('a function said to be normal denies complaints of it ("tisser normalt" – "vannlatingsplager")', () => {
    const lines = [
      'P: Jeg har hatt vondt i korsryggen i en uke.',
      'L: Tisser du normalt?',
      'P: Ja, det er som før.',
      'L: Da undersøker jeg ryggen din.',
    ];
    const report = verify(lines, 'Aktuelt: Vannlatingsplager.', 'nb');
    expect(check(report, 'Vannlatingsplager.').support).toBe('contradicted');
  });
});

describe('verifyNote: a result called abnormal that the transcript called normal (en)', () => {
  const RESULTS = [
    'D: Good afternoon, how has the cough been?',
    'P: Still there at night, but no fever.',
    'D: I looked at the chest film from last week. Hmm, let me pull it up. Okay, it all came back fine.',
    'D: And your ultrasound of the thyroid was in March 2022? And that was normal.',
    'P: Yes, that was in March.',
    'D: We also checked your ferritin, your B12, and your folate, and everything seemed to be fine.',
    'D: Your echo showed a leaky valve, but everything else looks good.',
  ];

  it('"that was normal" / "it all came back fine" in the same turn speaks of the result just named', () => {
    const report = verify(
      RESULTS,
      'RESULTS\nChest film is abnormal.\nThyroid ultrasound in 03/2022 was not normal.\nFerritin, B12, and folate are not within normal limits.',
      'en',
    );
    expect(check(report, 'Chest film is abnormal.').support).toBe('contradicted');
    expect(check(report, 'Thyroid ultrasound in 03/2022 was not normal.').support).toBe('contradicted');
    expect(check(report, 'Ferritin, B12, and folate are not within normal limits.').support).toBe(
      'contradicted',
    );
  });

  it('a clause that names nothing itself ("…, they were abnormal") speaks of what the statement named', () => {
    const lines = [
      'D: How are you feeling on the new water pill?',
      'P: A bit tired, but otherwise fine.',
      'D: We repeated your potassium and sodium last week, and they were both fine.',
    ];
    const report = verify(
      lines,
      'RESULTS\nHis potassium and sodium were repeated, they were abnormal.',
      'en',
    );
    expect(check(report, 'His potassium and sodium were repeated, they were abnormal.').support).toBe(
      'contradicted',
    );
  });

  it('"everything else looks good", "okay" and a normal result of another year leave an abnormal claim alone', () => {
    const report = verify(
      [
        ...RESULTS,
        'P: I had a smear in 2015 that was off. Then last year I had a normal smear.',
        'D: Let us look at your blood count, okay?',
        'P: Sure.',
      ],
      'RESULTS\nEcho is abnormal.\nAbnormal smear in 2015.\nAbnormal blood count.',
      'en',
    );
    expect(check(report, 'Echo is abnormal.').support).not.toBe('contradicted');
    expect(check(report, 'Abnormal smear in 2015.').support).not.toBe('contradicted');
    expect(check(report, 'Abnormal blood count.').support).not.toBe('contradicted');
  });

  it('"that\'s a good sign" after an abnormal finding named on the way does not call the result normal', () => {
    const lines = [
      'D: How is the wrist since the fall?',
      'P: It still hurts when I lift the kettle.',
      'D: I looked at your wrist x-ray. It shows a small fracture at the end of the radius. So that is a good sign that it is not displaced.',
    ];
    const report = verify(lines, 'RESULTS\nWrist x-ray is abnormal.', 'en');
    expect(check(report, 'Wrist x-ray is abnormal.').support).not.toBe('contradicted');
    const normal = verify(
      [
        ...lines.slice(0, 2),
        'D: I looked at your wrist x-ray. I do not see any fracture there. So that is a good sign.',
      ],
      'RESULTS\nWrist x-ray is abnormal.',
      'en',
    );
    expect(check(normal, 'Wrist x-ray is abnormal.').support).toBe('contradicted');
  });

  it('"no … other abnormal sensations" denies the abnormal', () => {
    const lines = [
      'D: Your diabetes has been well controlled. Any problems with your feet since the last visit?',
      'P: No, they feel the same as always.',
      'D: Let me examine your feet. You have strength and sensation that is intact to light touch in both feet.',
    ];
    const report = verify(
      lines,
      'EXAM\nThere is no numbness, tingling, or other abnormal sensation in the feet.',
      'en',
    );
    expect(
      check(report, 'There is no numbness, tingling, or other abnormal sensation in the feet.').support,
    ).not.toBe('contradicted');
  });
});

describe('verifyNote: whether a treatment helps (en)', () => {
  const KNEE = [
    'D: What have you tried for the knee so far?',
    "P: I've been taking naproxen twice a day, but it's honestly not helping at all.",
    'P: The knee brace I got from the pharmacy, I wear it at work.',
    'D: Has the brace helped?',
    'P: Not really.',
    'P: I also use a heat pack in the evening, and that helps quite a bit.',
  ];

  it('a claimed effect the transcript denies for the same treatment is contradicted', () => {
    const report = verify(
      KNEE,
      'HISTORY\nHe has been taking naproxen twice a day, which does help.\nHe wears a knee brace at work, which has been helpful.',
      'en',
    );
    expect(check(report, 'He has been taking naproxen twice a day, which does help.').support).toBe(
      'contradicted',
    );
    expect(check(report, 'He wears a knee brace at work, which has been helpful.').support).toBe(
      'contradicted',
    );
  });

  it('a denied effect the transcript affirms is contradicted; the same polarity is not', () => {
    const report = verify(
      [...KNEE, 'P: The ice packs really help with the swelling.'],
      'HISTORY\nHe has been taking naproxen twice a day, but it does not help.\nIce packs have not been helpful.\nThe brace has not provided relief.',
      'en',
    );
    expect(flagged(check(report, 'He has been taking naproxen twice a day, but it does not help.'))).toBe(
      false,
    );
    expect(check(report, 'Ice packs have not been helpful.').support).toBe('contradicted');
    expect(flagged(check(report, 'The brace has not provided relief.'))).toBe(false);
  });

  it('a later turn asks about the treatment through a pronoun ("does that give you any relief?" – "no")', () => {
    const lines = [
      'P: My wrist pain is worse the more I type, and it hurts at night.',
      'D: Okay, have you tried a wrist splint?',
      'P: Yes.',
      'D: Does that give you any relief?',
      'P: No.',
      'D: And the physiotherapy you started last month?',
      "P: Physiotherapy has gone really well, I'm much stronger.",
    ];
    const report = verify(
      lines,
      'HISTORY\nThe wrist splint has been helpful.\nPhysiotherapy has not been beneficial.\nThe wrist splint has not been helpful.',
      'en',
    );
    expect(check(report, 'The wrist splint has been helpful.').support).toBe('contradicted');
    expect(check(report, 'Physiotherapy has not been beneficial.').support).toBe('contradicted');
    expect(flagged(check(report, 'The wrist splint has not been helpful.'))).toBe(false);
  });

  it('"but it still hurts" after a treatment says it did not help', () => {
    const lines = [
      'D: How is the ankle you twisted on Saturday?',
      'P: I put ice on it every evening, but it still hurts when I walk.',
      'D: Any swelling? Let me examine it.',
    ];
    const report = verify(
      lines,
      'HISTORY\nShe has been icing the ankle, which helps.\nIcing the ankle does not help.',
      'en',
    );
    expect(check(report, 'She has been icing the ankle, which helps.').support).toBe('contradicted');
    expect(flagged(check(report, 'Icing the ankle does not help.'))).toBe(false);
  });

  it('a degree or a purpose is no claim of effect ("minimal relief", "to help with")', () => {
    const report = verify(
      KNEE,
      'HISTORY\nNaproxen provides minimal relief.\nPLAN\nContinue the brace to help with stability.',
      'en',
    );
    expect(check(report, 'Naproxen provides minimal relief.').support).not.toBe('contradicted');
    expect(check(report, 'Continue the brace to help with stability.').support).not.toBe('contradicted');
    const hoped = verify(
      [...KNEE.slice(0, 5), 'D: I will switch you to diclofenac, and hopefully that helps.'],
      'HISTORY\nDiclofenac does not help.',
      'en',
    );
    expect(check(hoped, 'Diclofenac does not help.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: a normal finding or a history item under a negation (en)', () => {
  const BELLY = [
    'D: So the pain in your belly started yesterday after dinner?',
    'P: Yes, and I feel sick to my stomach.',
    'D: Any operations in the past?',
    'P: I had gallbladder surgery two years ago.',
    'D: Let me press here. Your abdomen is nontender and it is not distended. You are afebrile today.',
  ];

  it('"not nontender", "not non-distended", "not afebrile" claim the finding', () => {
    const report = verify(
      BELLY,
      'EXAM\nAbdomen is not nontender.\nAbdomen is not non-distended.\nShe is not afebrile.\nAbdomen is nontender.',
      'en',
    );
    expect(flagged(check(report, 'Abdomen is not nontender.'))).toBe(true);
    expect(flagged(check(report, 'Abdomen is not non-distended.'))).toBe(true);
    expect(flagged(check(report, 'She is not afebrile.'))).toBe(true);
    expect(flagged(check(report, 'Abdomen is nontender.'))).toBe(false);
  });

  it('"history is not significant for X" denies X', () => {
    const report = verify(
      BELLY,
      'HISTORY\nPast surgical history is not significant for gallbladder surgery.\nPast surgical history is significant for gallbladder surgery.',
      'en',
    );
    expect(check(report, 'Past surgical history is not significant for gallbladder surgery.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Past surgical history is significant for gallbladder surgery.'))).toBe(
      false,
    );
  });
});
