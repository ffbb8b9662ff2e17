import { describe, expect, it } from 'vitest';
import { findTimes, lexiconFor } from './text-analysis';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations for the side and time checks.

describe('findTimes', () => {
  it('prefers the longer of two overlapping times ("day before yesterday", "natt til i dag")', () => {
    expect(
      findTimes('It started the day before yesterday.', lexiconFor('en')).map((time) => time.key),
    ).toEqual(['day-before-yesterday']);
    expect(findTimes('Vondt natt til i dag.', lexiconFor('nb')).map((time) => time.key)).toEqual(['tonight']);
  });

  it('keys a time elapsed by its days, also said in words', () => {
    const en = lexiconFor('en');
    expect(findTimes('It began a couple of weeks ago.', en)).toEqual([
      { key: '~14-14', text: 'a couple of weeks ago' },
    ]);
    expect(findTimes('Surgery three years ago.', en)[0]?.key).toBe('~1095-1095');
    expect(findTimes('A fall a few days ago.', en)[0]?.key).toBe('~2-6');
    expect(findTimes('Operert for ca. 2 uker siden.', lexiconFor('nb'))[0]?.key).toBe('~14-14');
  });
});

const EN_ANKLE = [
  'D: Hello, what brings you in today?',
  'P: I twisted my ankle playing tennis a few weeks ago and it is still swollen.',
  'D: Have you had any surgeries?',
  'P: I had my gallbladder removed years ago.',
  'D: Your vital signs look good.',
  'D: Now let me look at your ankle. There is some swelling over the outside.',
  'D: When did you last see the eye doctor?',
  'P: Last year.',
  'D: Any allergies to medications?',
  'P: No, none.',
  'D: Your lipid panel from last year was a little high, but not too bad. We will do another one this year.',
  'D: Let me listen to your heart. The murmur is unchanged from last year.',
];

describe('verifyNote: time', () => {
  it('en: a time elapsed said with other units is flagged', () => {
    const report = verify(
      EN_ANKLE,
      'HISTORY OF PRESENT ILLNESS\nShe twisted her ankle playing tennis a few weeks ago.\n' +
        'She twisted her ankle playing tennis a few years ago.',
      'en',
    );
    expect(flagged(check(report, 'She twisted her ankle playing tennis a few weeks ago.'))).toBe(false);
    expect(flagged(check(report, 'She twisted her ankle playing tennis a few years ago.'))).toBe(true);
  });

  it('en: "today" is the visit, not contradicted by an earlier event', () => {
    const report = verify(
      EN_ANKLE,
      'CHIEF COMPLAINT\nShe presents today with ankle pain after a tennis injury.',
      'en',
    );
    expect(flagged(check(report, 'She presents today with ankle pain after a tennis injury.'))).toBe(false);
  });

  it('en: the time words themselves are no evidence for a time said about something else', () => {
    const report = verify(EN_ANKLE, 'PHYSICAL EXAM\nVital signs look good last year.', 'en');
    expect(flagged(check(report, 'Vital signs look good last year.'))).toBe(true);
  });

  it('en: a time said in the next sentence or as the reply supports the statement', () => {
    const report = verify(
      EN_ANKLE,
      'PLAN\nWe will do another lipid panel this year.\n\nHISTORY\nEye doctor visit last year.',
      'en',
    );
    expect(flagged(check(report, 'We will do another lipid panel this year.'))).toBe(false);
    expect(flagged(check(report, 'Eye doctor visit last year.'))).toBe(false);
  });

  it('en: a span ("for the next week") is a length of time, not a time to find', () => {
    const lines = [
      'D: Your blood pressure is a bit high today.',
      'D: I want you to check it at home every morning for about a week and send me the readings.',
      'P: Okay, I can do that. Should I keep taking the lisinopril?',
      'D: Yes, keep taking it as before, and we will talk again when I have the readings.',
    ];
    const report = verify(
      lines,
      'PLAN\nMonitor blood pressure at home for the next week and send the readings.',
      'en',
    );
    expect(
      flagged(check(report, 'Monitor blood pressure at home for the next week and send the readings.')),
    ).toBe(false);
  });

  it('nb: "for noen uker siden" changed to "for noen år siden" is flagged', () => {
    const lines = [
      'L: Hei, hva kan jeg hjelpe deg med i dag?',
      'P: Jeg falt på sykkelen for noen uker siden, og håndleddet er fortsatt hovent.',
      'L: Har du vondt når du beveger det?',
      'P: Ja, særlig når jeg bøyer det bakover.',
      'L: Jeg kjenner på det nå. Det er ømt over kahnbenet, så vi tar et røntgenbilde.',
    ];
    const report = verify(
      lines,
      'Aktuelt: Falt på sykkel for noen uker siden, hovent håndledd. Falt på sykkel for noen år siden, hovent håndledd.',
      'nb',
    );
    expect(flagged(check(report, 'Falt på sykkel for noen uker siden, hovent håndledd.'))).toBe(false);
    expect(flagged(check(report, 'Falt på sykkel for noen år siden, hovent håndledd.'))).toBe(true);
  });
});

describe('verifyNote: laterality', () => {
  it('en: a side denied and replaced in the reply withdraws the side said before', () => {
    const lines = [
      'D: Good morning. I see you are here with some right knee pain today?',
      "P: No, it's not the right knee, it's the left knee.",
      'D: Okay, the left knee. When did it start hurting?',
      'P: About a week ago, after a long run.',
      'D: On exam there is some swelling of the knee and tenderness along the joint line.',
    ];
    const report = verify(lines, 'CHIEF COMPLAINT\nRight knee pain.\n\nASSESSMENT\nLeft knee pain.', 'en');
    expect(flagged(check(report, 'Left knee pain.'))).toBe(false);
    expect(check(report, 'Right knee pain.').support).toBe('contradicted');
  });

  it('en: "my other ankle" is the side opposite the one named', () => {
    const lines = [
      'D: What happened to your right foot?',
      'P: I dropped a heavy box on it at work yesterday.',
      'D: Any problems with your ankles?',
      'P: My other ankle gets sore and swells up now and then.',
      'D: Let me examine you. There is bruising on the top of the foot.',
    ];
    const report = verify(lines, 'HISTORY\nIntermittent soreness and swelling of the left ankle.', 'en');
    expect(flagged(check(report, 'Intermittent soreness and swelling of the left ankle.'))).toBe(false);
  });

  it('en: "right at" is an adverb, "my left" a side', () => {
    const lines = [
      'D: So you have been having some shoulder pain?',
      'P: Yes, it is my left. It hurts right at the shoulder joint when I lift my arm.',
      'D: Does it go down your arm?',
      'P: No, it does not.',
    ];
    const report = verify(lines, 'HISTORY\nPain at the left shoulder joint when lifting the arm.', 'en');
    expect(flagged(check(report, 'Pain at the left shoulder joint when lifting the arm.'))).toBe(false);
  });

  it('en: "on both flexion and extension" names no sides; a clause naming both sides needs its side said', () => {
    const lines = [
      'P: I hurt my right knee playing football on Saturday.',
      'D: Let me examine it. You have pain on both flexion and extension of the knee.',
      'D: Your strength is four out of five on your right and five out of five on your left.',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nPain with flexion and extension of the right knee.\nStrength is 4/5 on the right and 5/5 on the left.',
      'en',
    );
    expect(flagged(check(report, 'Pain with flexion and extension of the right knee.'))).toBe(false);
    expect(flagged(check(report, 'Strength is 4/5 on the right and 5/5 on the left.'))).toBe(false);
  });

  it('nb: a side word is no finding word ("lateralt" and "bilateralt")', () => {
    const lines = [
      'L: Kjenner du dette likt på begge føttene?',
      'P: Nei, den ene er litt nummen.',
      'L: Nedsatt følelse på venstre fot, ellers er kraften lik bilateralt.',
    ];
    const report = verify(lines, 'Us.: Nedsatt følelse lateralt v. fot.', 'nb');
    expect(flagged(check(report, 'Nedsatt følelse lateralt v. fot.'))).toBe(false);
  });
});

describe('verifyNote: sides and times in long turns and replies', () => {
  it("nb: a side described as normal just past a window of a long unpunctuated turn is not the finding's side", () => {
    const lines = [
      'P: jeg har hostet i en uke og har stikk i brystet',
      'L: pust dypt inn og ut gjennom munnen en gang til og så en gang til mens jeg lytter nøye bak på ryggen på høyre side nede hører jeg knatrelyder krepitasjoner basalt venstre side er fin hjertet slår regelmessig uten bilyder',
    ];
    const report = verify(lines, 'Us.: Krepitasjoner basalt h. Krepitasjoner basalt v.', 'nb');
    expect(flagged(check(report, 'Krepitasjoner basalt h.'))).toBe(false);
    expect(check(report, 'Krepitasjoner basalt v.').support).toBe('contradicted');
  });

  it("nb: of two times in one sentence, the one said with the clause's words decides", () => {
    const lines = [
      'L: er det noen mulighet for at du er gravid',
      'P: nei jeg har spiral og hadde mens for tre uker siden og så hadde jeg blærekatarr for et par år siden',
    ];
    const report = verify(lines, 'Aktuelt: Mens for 3 uker siden. Mens for 2 år siden.', 'nb');
    expect(flagged(check(report, 'Mens for 3 uker siden.'))).toBe(false);
    expect(check(report, 'Mens for 2 år siden.').support).toBe('contradicted');
  });

  it('nb: the reply to "når var du sist …" gives the time of the visit', () => {
    const lines = [
      'L: jeg kjenner på pulsen i begge hendene',
      'P: ja',
      'L: normal puls i begge hender. når var du sist hos øyelegen',
      'P: i fjor høst. det var ingen forandringer.',
      'L: fint, da tar vi blodprøvene',
    ];
    const report = verify(lines, 'Aktuelt: Øyelege i fjor: ua. Øyelege i dag: ua.', 'nb');
    expect(flagged(check(report, 'Øyelege i fjor: ua.'))).toBe(false);
    expect(check(report, 'Øyelege i dag: ua.').support).toBe('contradicted');
  });

  it('a side said again at once with the other side is a correction; a list names both', () => {
    const lines = [
      'D: Hey, dictation: this is a 52-year-old man here for left shoulder pain. right shoulder pain, right shoulder pain.',
      'D: What happened to the shoulder?',
      'P: I was lifting boxes at work and felt it pull.',
      'D: And the elbows? Any tenderness on the left elbow, right elbow?',
      'P: Yes, both are tender.',
    ];
    const report = verify(
      lines,
      'HISTORY\nRight shoulder pain after lifting boxes at work.\nLeft shoulder pain after lifting boxes at work.\nTender left elbow.',
      'en',
    );
    expect(flagged(check(report, 'Tender left elbow.'))).toBe(false);
    expect(flagged(check(report, 'Right shoulder pain after lifting boxes at work.'))).toBe(false);
    expect(check(report, 'Left shoulder pain after lifting boxes at work.').support).toBe('contradicted');
  });
});

describe('verifyNote: English sides said once, corrected or shared', () => {
  it('en: a side said next to a body site the note writes inside a term ("left-sided back pain")', () => {
    const lines = [
      'D: What happened?',
      'P: I started having pain on my left back after moving furniture.',
      'D: Have you had any fever or burning when you pee?',
      'P: No fever, and peeing is fine.',
      'D: Any change in your bowel habits or your appetite?',
      'P: None at all, I eat well.',
      'D: Do you smoke or drink?',
      'P: I quit smoking ten years ago and drink a glass of wine at the weekend.',
      'D: Does the back pain go anywhere else?',
      'P: The back pain stays in one place and it hurts when I bend.',
      'D: I do feel some tenderness over your right flank.',
      'D: Okay, we will get an x-ray of the spine.',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nLeft-sided back pain.', 'en');
    expect(flagged(check(report, 'Left-sided back pain.'))).toBe(false);
  });

  it('en: a side the speaker corrects at once is not the side of the complaint', () => {
    const lines = [
      'D: This is a fifty year old man here for left arm pain. Right arm pain, right?',
      'P: Yes, the right one. I hit it on the door frame on Monday.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe is a 50-year-old man who presents for right arm pain.\n' +
        'He is a 50-year-old man who presents for left arm pain.',
      'en',
    );
    expect(flagged(check(report, 'He is a 50-year-old man who presents for right arm pain.'))).toBe(false);
    expect(flagged(check(report, 'He is a 50-year-old man who presents for left arm pain.'))).toBe(true);
  });

  it('en: a finding said for the other side "as well" does not contradict the side examined', () => {
    const lines = [
      'P: I hurt my right wrist falling off my bike.',
      'D: On the exam of your right wrist there is swelling over the back of it and your grip strength is good and equal to what you have on the left side as well.',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nGrip strength in the right hand is good.', 'en');
    expect(flagged(check(report, 'Grip strength in the right hand is good.'))).toBe(false);
  });
});

describe('verifyNote: both sides examined in turn', () => {
  it("en: the side named last before the sentence saying a finding best is the finding's side", () => {
    const lines = [
      'P: Both of my wrists ache but my left wrist is the worst.',
      "D: Okay, let's do a quick exam. I'll start with your left wrist.",
      'P: Okay.',
      'D: Does it hurt if I push here?',
      'P: Yes.',
      'D: So you have some swelling and tenderness over the back of the joint with reduced grip.',
      'P: Yes, that hurts.',
      'D: Okay, now how about the right wrist, if I push here does that hurt?',
      'P: Not as much.',
      'D: So only mild tenderness over the joint and your grip is normal.',
    ];
    const note =
      'PHYSICAL EXAM\nLeft wrist: swelling and tenderness over the back of the joint with reduced grip.\n' +
      'Right wrist: swelling and tenderness over the back of the joint with reduced grip.\n' +
      'Right wrist: mild tenderness over the joint and normal grip.\n' +
      'Left wrist: mild tenderness over the joint and normal grip.';
    const report = verify(lines, note, 'en');
    expect(
      flagged(
        check(report, 'Left wrist: swelling and tenderness over the back of the joint with reduced grip.'),
      ),
    ).toBe(false);
    expect(
      check(report, 'Right wrist: swelling and tenderness over the back of the joint with reduced grip.')
        .support,
    ).toBe('contradicted');
    expect(flagged(check(report, 'Right wrist: mild tenderness over the joint and normal grip.'))).toBe(
      false,
    );
    expect(check(report, 'Left wrist: mild tenderness over the joint and normal grip.').support).toBe(
      'contradicted',
    );
  });
});

describe('verifyNote: the side of a normal finding', () => {
  it("en: a side described as normal next to a side with findings is the normal finding's side", () => {
    const lines = [
      'P: My shoulders have been sore since I started painting the house.',
      'D: Okay, let me examine them.',
      'P: Okay.',
      'D: Okay, lift your arms for me. Okay, good.',
      'P: Okay, that is fine.',
      'D: On your shoulder exam there is some swelling and warmth of your left shoulder, but your right shoulder looks fine, okay? Now you do have some pain when I press on the left shoulder and some decreased range of motion on exam, okay?',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nRight shoulder exam is normal.\nLeft shoulder exam is normal.',
      'en',
    );
    expect(flagged(check(report, 'Right shoulder exam is normal.'))).toBe(false);
    expect(check(report, 'Left shoulder exam is normal.').support).toBe('contradicted');
  });

  it('en: a normal finding said of both sides is normal on each', () => {
    const lines = [
      'P: I dropped a can of paint on my left foot yesterday.',
      'D: Let me look at your left foot. There is bruising on the top of the foot and it is swollen.',
      'D: Your pulses are strong and the sensation in your feet is intact and it matches bilaterally.',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nLeft foot sensation is intact and equal to the other side.',
      'en',
    );
    expect(flagged(check(report, 'Left foot sensation is intact and equal to the other side.'))).toBe(false);
  });
});

describe('verifyNote: a side under a negation', () => {
  it('en: "Denies left ear pain" where the talk is of the right ear only is contradicted', () => {
    const lines = [
      'D: So what brings you in today?',
      'P: My right ear has been ringing for about a week, mostly at night.',
      'D: Any pain with it?',
      'P: No, no pain at all.',
      'D: Okay, I will take a look.',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nDenies right ear pain.\nDenies left ear pain.', 'en');
    expect(flagged(check(report, 'Denies right ear pain.'))).toBe(false);
    expect(check(report, 'Denies left ear pain.').support).toBe('contradicted');
  });
});

describe('verifyNote: a story dated after it is told', () => {
  it('en: the reply to "when did this happen?" a few turns on dates the story', () => {
    const lines = [
      'D: Any fever, chills or nausea lately?',
      'P: No fever, no nausea.',
      'D: Are you taking any medication for the pain?',
      'P: Just ibuprofen sometimes, it helps a bit.',
      'P: i was carrying the laundry down to the basement',
      'D: mm-hmm',
      'P: and i missed the last step and twisted my ankle',
      'D: okay . and when did this happen ?',
      'P: this was just yesterday .',
      'D: Let me see the ankle.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe missed the last step while carrying laundry yesterday and twisted her ankle.\n' +
        'She missed the last step while carrying laundry last month and twisted her ankle.',
      'en',
    );
    expect(
      flagged(
        check(report, 'She missed the last step while carrying laundry yesterday and twisted her ankle.'),
      ),
    ).toBe(false);
    expect(
      flagged(
        check(report, 'She missed the last step while carrying laundry last month and twisted her ankle.'),
      ),
    ).toBe(true);
  });
});

describe('verifyNote: sides joined in one phrase', () => {
  it('en: a finding said of "the left knee and the right knee" is on each side', () => {
    const report = verify(
      [
        'D: What brings you in this morning?',
        'P: Well, the left knee and the right knee both ache when I climb the stairs at work.',
        'D: Any swelling or locking?',
        'P: No swelling, no locking.',
        'D: Okay, and my elbow?',
        'P: Sorry, I meant to say my right elbow is stiff in the mornings.',
      ],
      'HISTORY\nLeft knee aches when climbing stairs.\nRight knee aches when climbing stairs.\nLeft elbow is stiff in the mornings.',
      'en',
    );
    expect(flagged(check(report, 'Left knee aches when climbing stairs.'))).toBe(false);
    expect(flagged(check(report, 'Right knee aches when climbing stairs.'))).toBe(false);
    expect(check(report, 'Left elbow is stiff in the mornings.').support).toBe('contradicted');
  });

  it('nb: "venstre og høyre kne" gir funnet begge sider', () => {
    const report = verify(
      [
        'L: Hva kan jeg hjelpe deg med i dag?',
        'P: Jeg har vondt i både høyre kne og venstre kne når jeg går i trapper.',
        'L: Har du hatt hevelse?',
        'P: Nei, ingen hevelse.',
      ],
      'ANAMNESE\nVondt i høyre kne i trapper.\nVondt i venstre kne i trapper.',
      'nb',
    );
    expect(flagged(check(report, 'Vondt i høyre kne i trapper.'))).toBe(false);
    expect(flagged(check(report, 'Vondt i venstre kne i trapper.'))).toBe(false);
  });
});

describe('verifyNote: a time elapsed against how long it has lasted', () => {
  it('en: "has been bothering me for a few months now" is the onset a few months ago, not a few years ago', () => {
    const report = verify(
      [
        'D: Good morning, what can I do for you today?',
        'P: My left shoulder has been bothering me for a few months now, mostly when I reach up.',
        'D: Did anything set it off, a fall or a strain?',
        'P: Not that I know of, it came on slowly.',
        'D: And the cough you mentioned?',
        'P: I have had the cough for about three weeks.',
      ],
      'HISTORY\nThe shoulder pain began a few months ago.\nThe shoulder pain began a few years ago.\n' +
        'The cough started 3 weeks ago.\nThe cough started 3 months ago.',
      'en',
    );
    expect(flagged(check(report, 'The shoulder pain began a few months ago.'))).toBe(false);
    expect(flagged(check(report, 'The shoulder pain began a few years ago.'))).toBe(true);
    expect(flagged(check(report, 'The cough started 3 weeks ago.'))).toBe(false);
    expect(flagged(check(report, 'The cough started 3 months ago.'))).toBe(true);
  });

  it('nb: "har hatt vondt i noen uker" is an onset a few weeks ago, not a few years ago', () => {
    const report = verify(
      [
        'L: Hva kan jeg hjelpe deg med?',
        'P: Jeg har hatt vondt i korsryggen i noen uker nå, verst om morgenen.',
        'L: Stråler det ned i beina?',
        'P: Nei, det gjør det ikke.',
      ],
      'Aktuelt: Fikk vondt i korsryggen for noen uker siden. Fikk vondt i korsryggen for noen år siden.',
      'nb',
    );
    expect(flagged(check(report, 'Fikk vondt i korsryggen for noen uker siden.'))).toBe(false);
    expect(flagged(check(report, 'Fikk vondt i korsryggen for noen år siden.'))).toBe(true);
  });
});
