/**
 * Scope rules of the verifier's polarity check (synthetic consultations): a modifier said without its head word is
 * about something else, a list's last item shares the list's negation across commas, and an answer that repeats a
 * question's words under a negation denies them.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: noun phrases', () => {
  it('a modifier said without its head ("weights" for "weight loss") is no evidence about the phrase', () => {
    const lines = [
      'D: What brings you in today?',
      'P: My shoulder hurts since I started lifting weights at the gym.',
      'D: Any fever or night sweats?',
      'P: No.',
      'D: I will examine the shoulder now.',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nDenies fever, night sweats, or weight loss.', 'en');
    expect(check(report, 'Denies fever, night sweats, or weight loss.').support).not.toBe('contradicted');
  });

  it('a word of the note counts as evidence only where the word after it in the note is said too', () => {
    const lines = [
      'D: What brings you in today?',
      'P: I was carrying heavy boxes at work and the weight of the boxes hurt my back.',
      'D: Any fever?',
      'P: No.',
      'D: I will examine your back now and then we talk about the plan.',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nDenies fever or weight changes.', 'en');
    expect(check(report, 'Denies fever or weight changes.').support).not.toBe('contradicted');
  });

  it('the whole phrase said with the opposite polarity still contradicts', () => {
    const lines = [
      'D: What brings you in today?',
      'P: I have had some weight loss over the last two months, maybe five pounds.',
      'D: Any fever?',
      'P: No.',
      'D: Okay, I will examine your abdomen and then we will order some blood tests.',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nDenies weight loss.', 'en');
    expect(check(report, 'Denies weight loss.').support).toBe('contradicted');
  });
});

describe('verifyNote: lists', () => {
  it("a list's last item after commas shares the list's negation", () => {
    const lines = [
      'D: Let me listen to your heart.',
      'D: Heart is regular, no murmurs, gallops, or rubs noted.',
      'P: Okay.',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nNo murmurs, gallops, or rubs.', 'en');
    expect(flagged(check(report, 'No murmurs, gallops, or rubs.'))).toBe(false);
  });
});

describe('verifyNote: answers that confirm part of a question', () => {
  const lines = [
    'D: Do you get any numbness or tingling down your legs?',
    'P: A little bit of numbness, but nothing tingling down my legs.',
    'D: Okay, I will check your reflexes.',
  ];

  it('the words an answer repeats under a negation are denied, the others confirmed', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe reports a little numbness down her legs but no tingling.',
      'en',
    );
    expect(check(report, 'She reports a little numbness down her legs but no tingling.').support).not.toBe(
      'contradicted',
    );
  });

  it('claiming the denied word contradicts the answer', () => {
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nShe reports tingling down her legs.', 'en');
    expect(check(report, 'She reports tingling down her legs.').support).toBe('contradicted');
  });
});

describe('verifyNote: answers that deny some items and confirm others', () => {
  const lines = [
    'D: So you have had belly pain for a while. Have you had any vomiting, constipation or weight loss lately?',
    'P: no vomiting but constipation and weight loss',
    'D: Okay, and how long has that been going on for you?',
    'P: About three weeks now.',
    'D: Alright, I will examine your abdomen and we will order some blood tests today.',
  ];

  it('"no X but Y": the items after "but" are confirmed', () => {
    const report = verify(lines, 'REVIEW OF SYSTEMS\nReports constipation and weight loss.', 'en');
    expect(flagged(check(report, 'Reports constipation and weight loss.'))).toBe(false);
  });

  it('"no X but Y": the item right after "no" is denied', () => {
    const report = verify(lines, 'REVIEW OF SYSTEMS\nReports vomiting.', 'en');
    expect(check(report, 'Reports vomiting.').support).toBe('contradicted');
  });
});

describe('verifyNote: questions that list items after "any"', () => {
  it('a no to ", any X, Y?" answers the items, not the words before them', () => {
    const lines = [
      'D: Good to see you again. Other than the rash, how has your sleep been, any headaches, nausea or fatigue?',
      'P: No, nothing like that.',
      'D: Okay, let me take a look at the rash on your arm then.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe reports poor sleep since the rash started.',
      'en',
    );
    expect(check(report, 'She reports poor sleep since the rash started.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: a negation the transcript never says', () => {
  const lines = [
    'D: So the x-ray shows a small fracture of the collarbone.',
    'P: Okay, that explains the pain when I lift my arm.',
    "D: I'll give you a sling for comfort, just use it if it hurts a lot.",
    'P: Alright, thank you doctor.',
  ];

  it('a plan that denies what the doctor gave, said with a condition after it, is contradicted', () => {
    const report = verify(lines, 'PLAN\nI have not recommended a sling for comfort.', 'en');
    expect(check(report, 'I have not recommended a sling for comfort.').support).toBe('contradicted');
  });

  it('the plan as said is not flagged', () => {
    const report = verify(lines, 'PLAN\nI have recommended a sling for comfort.', 'en');
    expect(flagged(check(report, 'I have recommended a sling for comfort.'))).toBe(false);
  });
});

describe('verifyNote: a consultation step said not to have happened', () => {
  const lines = [
    'D: Your knee has been swollen for two weeks, so I ordered an x-ray of the left knee before you came in.',
    'P: Okay, what did it show?',
    'D: The x-ray of the left knee shows mild arthritis of the joint.',
    'P: That is a relief.',
  ];

  it('"an x-ray was not obtained" where the x-ray was talked about without a negation is flagged', () => {
    const report = verify(lines, 'RESULTS\nAn x-ray of the left knee was not obtained today.', 'en');
    expect(flagged(check(report, 'An x-ray of the left knee was not obtained today.'))).toBe(true);
  });

  it('the step as done is not flagged, nor "not examined" in a phone consultation', () => {
    const report = verify(
      lines,
      'RESULTS\nAn x-ray of the left knee was obtained and reviewed today.\nNot examined (phone).',
      'en',
    );
    expect(flagged(check(report, 'An x-ray of the left knee was obtained and reviewed today.'))).toBe(false);
    expect(flagged(check(report, 'Not examined (phone).'))).toBe(false);
  });
});

describe('verifyNote: a negated normal', () => {
  const lines = [
    'D: Let me look at your vitals and labs from this morning.',
    'D: Your blood pressure and heart rate look good, and your blood count is normal.',
    'P: Great, that is good to hear.',
    'D: So the cough is most likely viral and should settle within two weeks.',
  ];

  it('"not within normal limits" where the transcript says normal is contradicted', () => {
    const report = verify(lines, 'RESULTS\nBlood count is not within normal limits.', 'en');
    expect(check(report, 'Blood count is not within normal limits.').support).toBe('contradicted');
  });

  it('the normal result as said is not flagged', () => {
    const report = verify(lines, 'RESULTS\nBlood count is within normal limits.', 'en');
    expect(flagged(check(report, 'Blood count is within normal limits.'))).toBe(false);
  });
});

describe('verifyNote: words after a denied finding', () => {
  it('"no pain with flexion" does not confirm the flexion for "pain with flexion"', () => {
    const lines = [
      'P: I twisted my knee playing football on Saturday.',
      'D: Let me examine it. You do not seem to have any pain or tenderness with flexion or extension of your lower leg.',
      'P: No, it feels okay when you move it.',
      'D: Good, then I think this is a mild sprain that will heal with rest.',
    ];
    const note = 'PHYSICAL EXAM\nPain or tenderness with flexion or extension of the lower leg.';
    const report = verify(lines, note, 'en');
    expect(check(report, 'Pain or tenderness with flexion or extension of the lower leg.').support).toBe(
      'contradicted',
    );
  });
});

describe('verifyNote: a confirmed value said not to be so', () => {
  const lines = [
    'D: How bad is the back pain today, on a scale from zero to ten?',
    'P: Today it is about a seven out of ten.',
    'D: And how much alcohol do you drink?',
    'P: Two beers a week, at the weekend.',
    'D: Okay, I will examine your back and then we will talk about the plan.',
  ];

  it('"is not 7 out of 10" where the patient said seven is contradicted', () => {
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHer back pain today is not 7/10.', 'en');
    expect(check(report, 'Her back pain today is not 7/10.').support).toBe('contradicted');
  });

  it('a bound ("no more than 2 beers a week") and the value as said are not flagged', () => {
    const report = verify(
      lines,
      'SOCIAL HISTORY\nShe drinks no more than 2 beers a week.\nHISTORY OF PRESENT ILLNESS\nHer back pain today is 7/10.',
      'en',
    );
    expect(flagged(check(report, 'She drinks no more than 2 beers a week.'))).toBe(false);
    expect(flagged(check(report, 'Her back pain today is 7/10.'))).toBe(false);
  });
});

describe('verifyNote: a negated list after a label', () => {
  it('"Knees: No erythema, swelling, or warmth" negates every item of the list', () => {
    const lines = [
      'P: Both my knees ache when I climb stairs, and the left one feels warm in the evening.',
      'D: Let me examine your knees. There is no redness and no swelling, and they are not warm today.',
      'P: Okay, good.',
      'D: I think this is early arthritis, so we will start with exercises and paracetamol.',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nBilateral knees: No erythema, swelling, or warmth.', 'en');
    expect(flagged(check(report, 'Bilateral knees: No erythema, swelling, or warmth.'))).toBe(false);
  });
});

describe('verifyNote: a plan is the doctor’s decision', () => {
  const lines = [
    'L: Halsen er rød, men jeg ser ikke belegg. Dette ser ut som en virusinfeksjon.',
    'R: Jeg trodde det måtte antibiotika til, hun fikk penicillin sist også.',
    'R: Hun får vel antibiotika nå, da?',
    'L: Nei. Penicillin gjør ikke at smertene går fortere over.',
    'R: Jeg har lest at antibiotika er det som hjelper mot vond hals.',
    'L: Paracetamol mot smertene. Blir hun verre, ser vi på det på nytt, og da kan antibiotika bli aktuelt.',
  ];

  it('nb: "Antibiotika nå" in the plan, where the doctor answered no, is contradicted', () => {
    const report = verify(lines, 'Tiltak\nAntibiotika nå.', 'nb');
    expect(check(report, 'Antibiotika nå.').support).toBe('contradicted');
  });

  it('nb: the decision as said is not flagged', () => {
    const report = verify(lines, 'Tiltak\nIngen antibiotika nå.', 'nb');
    expect(flagged(check(report, 'Ingen antibiotika nå.'))).toBe(false);
  });
});
