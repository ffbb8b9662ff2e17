import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic English consultations for the number checks: spoken numbers from speech recognition, ranges, counts,
// weekly frequencies, ordinals and ages.

const EN_WRIST = [
  'D: Hello there, what happened to your wrist?',
  'P: I fell off my bike onto my left hand.',
  'D: Any numbness in the fingers?',
  'P: No numbness.',
  'D: Do you drink alcohol?',
  'P: A couple of glasses of wine on sundays.',
  'D: And how often do you go swimming?',
  'P: Usually four times a week in the morning.',
  'D: The x-ray shows a crack at the base of the second metacarpal.',
  'D: Your oxygen is fine, pulse ox ninety seven percent, and your respiratory rate is eighteen.',
  'D: We will splint it and I want you to keep the splint on and rest it.',
  'D: Keep it elevated for about two to three days and use ice.',
  'D: We will recheck the bone density in about a year.',
  'D: I want to see you back for the wrist in six weeks.',
  'P: I broke this wrist once before, when I was twelve.',
];

// Details said late, away from the words they belong to.
const EN_KNEE_LATER = [
  'D: Good afternoon, what brings you in today?',
  'P: My knee has been swollen since the fall.',
  'D: Do you exercise at all?',
  'P: I swim, mostly in the mornings.',
  'D: Do you drink alcohol?',
  'P: I drink wine with dinner sometimes.',
  'D: Keep your leg raised when you sit down.',
  'D: We will follow up on the blood tests in three months.',
  'D: The nurse will follow up on the scan report next week.',
  'D: Please follow up with the physiotherapist as well.',
  'D: Do you have any other questions?',
  'P: Oh, I forgot to say, it is four times a week.',
  'P: And it is only a couple of glasses each time.',
  'D: Good. Do that for about two to three days, okay?',
  'D: And follow up with me in six weeks.',
];

const EN_ANKLE = [
  'D: Hi, what happened to your ankle?',
  'P: I twisted it playing tennis three weeks ago and the swelling eased slowly.',
  'D: Is the ankle pain worse at night?',
  'P: Yes, at night the ankle pain is worse.',
  'D: Are you taking anything for it?',
  'P: Just ibuprofen when I need it.',
  'D: Any numbness or tingling in the foot?',
  'P: No, none of that.',
  'D: Zero being nothing and ten being the worst, where are you right now?',
  'P: Right now about a six.',
  'D: Okay, let me take a look.',
  'P: Oh, and that thing from before is like a seven eight.',
  'P: It only got better four days later, I think.',
];

const EN_HEART = [
  'D: Good morning, how have you been since the stent?',
  'P: Pretty good, no chest pain.',
  'D: That stent was placed back in twenty seventeen, right?',
  'P: Yes, that is right.',
  'D: Are you still on the atorvastatin, forty milligrams a day?',
  'P: Yes, every evening.',
  'D: Your temperature is normal, about ninety eight, and the scale says one hundred kilos... sorry, that was a hundred.',
];

describe('verifyNote: numbers said in other words', () => {
  it('an ordinal in digits is found as a spoken ordinal; a written-out ordinal not said is no missing number', () => {
    const report = verify(
      EN_WRIST,
      'IMAGING\nFracture at the base of the 2nd metacarpal.\nFracture at the base of the 3rd metacarpal.\n' +
        'PLAN\nA third splint may be needed.',
      'en',
    );
    expect(flagged(check(report, 'Fracture at the base of the 2nd metacarpal.'))).toBe(false);
    expect(flagged(check(report, 'Fracture at the base of the 3rd metacarpal.'))).toBe(true);
    expect(check(report, 'A third splint may be needed.').reasons.join(' ')).not.toContain('third');
  });

  it('vital signs keep their labels: "pulse ox" is the saturation, "respiratory rate" the breathing rate', () => {
    const report = verify(
      EN_WRIST,
      'VITALS\nOxygen saturation: 97%.\nRespiratory rate: 18.\nOxygen saturation: 95%.',
      'en',
    );
    expect(flagged(check(report, 'Oxygen saturation: 97%.'))).toBe(false);
    expect(flagged(check(report, 'Respiratory rate: 18.'))).toBe(false);
    expect(flagged(check(report, 'Oxygen saturation: 95%.'))).toBe(true);
  });

  it('a duration range said as a range anywhere supports it; another range does not', () => {
    const report = verify(
      EN_KNEE_LATER,
      'PLAN\nShe should keep her leg raised for 2 to 3 days.\nShe should keep her leg raised for 3 to 4 days.',
      'en',
    );
    expect(flagged(check(report, 'She should keep her leg raised for 2 to 3 days.'))).toBe(false);
    expect(flagged(check(report, 'She should keep her leg raised for 3 to 4 days.'))).toBe(true);
  });

  it('a weekly frequency and a count of the same thing are found where they are said', () => {
    const report = verify(
      EN_KNEE_LATER,
      'SOCIAL HISTORY\nShe swims 4 times per week.\nShe swims 5 times per week.\n' +
        'Alcohol: 2 glasses of wine with dinner.\nAlcohol: 3 glasses of wine with dinner.',
      'en',
    );
    expect(flagged(check(report, 'She swims 4 times per week.'))).toBe(false);
    expect(flagged(check(report, 'She swims 5 times per week.'))).toBe(true);
    expect(flagged(check(report, 'Alcohol: 2 glasses of wine with dinner.'))).toBe(false);
    expect(flagged(check(report, 'Alcohol: 3 glasses of wine with dinner.'))).toBe(true);
  });

  it('a follow-up said as strongly as another interval of the same words is supported', () => {
    const report = verify(EN_KNEE_LATER, 'PLAN\nFollow up in 6 weeks.\nFollow up in 8 weeks.', 'en');
    expect(flagged(check(report, 'Follow up in 6 weeks.'))).toBe(false);
    expect(flagged(check(report, 'Follow up in 8 weeks.'))).toBe(true);
  });

  it('an age at an event is found as "I was twelve"', () => {
    const report = verify(
      EN_WRIST,
      'HISTORY\nShe broke this wrist when she was 12 years old.\nShe broke this wrist when she was 15 years old.',
      'en',
    );
    expect(flagged(check(report, 'She broke this wrist when she was 12 years old.'))).toBe(false);
    expect(flagged(check(report, 'She broke this wrist when she was 15 years old.'))).toBe(true);
  });

  it('a pain range or score said as one is found anywhere; a score answers "rate your pain"', () => {
    const report = verify(
      EN_ANKLE,
      'ASSESSMENT\nAnkle pain at night is 7-8/10.\nAnkle pain at night is 5-6/10.\nAnkle pain today is 6/10.\nAnkle pain today is 4/10.',
      'en',
    );
    expect(flagged(check(report, 'Ankle pain at night is 7-8/10.'))).toBe(false);
    expect(flagged(check(report, 'Ankle pain at night is 5-6/10.'))).toBe(true);
    expect(flagged(check(report, 'Ankle pain today is 6/10.'))).toBe(false);
    expect(flagged(check(report, 'Ankle pain today is 4/10.'))).toBe(true);
  });

  it('a duration after an event is found as one; a duration ago is no conflict with it', () => {
    const report = verify(
      EN_ANKLE,
      'ASSESSMENT\nThe swelling eased 4 days after the injury.\nThe swelling eased 5 days after the injury.',
      'en',
    );
    expect(flagged(check(report, 'The swelling eased 4 days after the injury.'))).toBe(false);
    expect(check(report, 'The swelling eased 5 days after the injury.').support).toBe('unsupported');
  });

  it('a dose is not found as a bare number elsewhere; a year is compared with the year said', () => {
    const report = verify(
      EN_HEART,
      'HISTORY\nHe had a stent placed in 2017.\nHe had a stent placed in 2015.\n' +
        'PLAN\nContinue atorvastatin 40 mg daily.\nContinue atorvastatin 100 mg daily.',
      'en',
    );
    expect(flagged(check(report, 'He had a stent placed in 2017.'))).toBe(false);
    expect(check(report, 'He had a stent placed in 2015.').support).toBe('contradicted');
    expect(flagged(check(report, 'Continue atorvastatin 40 mg daily.'))).toBe(false);
    expect(flagged(check(report, 'Continue atorvastatin 100 mg daily.'))).toBe(true);
  });

  it('one end of a range said for something else is no support for a duration ago', () => {
    const report = verify(
      [
        'D: Good afternoon, what brings you in today?',
        'P: My hip has been sore and it is not getting better.',
        'D: Any falls or injuries that you remember?',
        'P: No, nothing like that, it just started when I was gardening.',
        'D: Are you taking anything for the pain at the moment?',
        'P: Only paracetamol now and then, it helps a little.',
        'D: How long has the hip pain been going on?',
        'P: Three weeks or so.',
        'D: I will send you to physical therapy for about five to seven weeks.',
      ],
      'HISTORY\nThe hip pain began 3 weeks ago.\nThe hip pain began 5 weeks ago.',
      'en',
    );
    expect(flagged(check(report, 'The hip pain began 3 weeks ago.'))).toBe(false);
    expect(flagged(check(report, 'The hip pain began 5 weeks ago.'))).toBe(true);
  });

  it('a stretch from now ("for the next couple of weeks") is no support for a follow-up "in 2 weeks"', () => {
    const lines = [
      'D: How is the shoulder doing since the fall?',
      'P: It still aches when I lift my arm over my head.',
      'D: I want you to hold off from any climbing for the next couple of weeks, okay, and I will see you again in a week to check on it.',
      'P: Okay, sounds good.',
    ];
    const report = verify(
      lines,
      'PLAN\nFollow up in 1 week.\nFollow up in 2 weeks.\nNo climbing for the next 2 weeks.',
      'en',
    );
    expect(flagged(check(report, 'Follow up in 1 week.'))).toBe(false);
    expect(flagged(check(report, 'Follow up in 2 weeks.'))).toBe(true);
    expect(flagged(check(report, 'No climbing for the next 2 weeks.'))).toBe(false);
  });

  it('a type said ("type two diabetes") is no duration, and "a week or so" supports only a narrow range', () => {
    const lines = [
      'D: How is the pain from the kidney stone today?',
      'P: It comes and goes, but it is better than last night.',
      'D: Drink plenty of water and I will see you in a week or so to check on the stone.',
      'P: Okay, thank you.',
      'D: And with your type two diabetes we will follow up on the sugars at that visit too.',
    ];
    const report = verify(
      lines,
      'PLAN\nFollow up in 2 months.\nFollow up in 1 week.\nFollow up in 1 to 2 weeks.\nFollow up in 1 to 5 weeks.',
      'en',
    );
    expect(flagged(check(report, 'Follow up in 1 week.'))).toBe(false);
    expect(flagged(check(report, 'Follow up in 1 to 2 weeks.'))).toBe(false);
    expect(flagged(check(report, 'Follow up in 2 months.'))).toBe(true);
    expect(flagged(check(report, 'Follow up in 1 to 5 weeks.'))).toBe(true);
  });
});

describe('verifyNote: English values said in other units or other turns', () => {
  it('a weight in kilograms is found as the rounded conversion of pounds said; another weight is not', () => {
    const report = verify(
      [
        'D: Any fever, chills or nausea with it?',
        'P: No fever, no nausea.',
        'D: Are you taking any medication for the pain?',
        'P: Just ibuprofen sometimes, it helps a bit.',
        'D: How has your weight been since you started walking every day?',
        'P: Much better, I am down about four pounds since the spring.',
      ],
      'HISTORY\nShe has lost about 1.8 kg since the spring.\nShe has lost about 3 kg since the spring.',
      'en',
    );
    expect(flagged(check(report, 'She has lost about 1.8 kg since the spring.'))).toBe(false);
    expect(flagged(check(report, 'She has lost about 3 kg since the spring.'))).toBe(true);
  });

  it('"baby aspirin" is the 81 mg dose', () => {
    const report = verify(
      [
        'D: Are you still taking something for the heart every morning?',
        'P: Yes, I take a baby aspirin with breakfast.',
      ],
      'MEDICATIONS\nAspirin 81 mg daily.\nAspirin 325 mg daily.',
      'en',
    );
    expect(flagged(check(report, 'Aspirin 81 mg daily.'))).toBe(false);
    expect(flagged(check(report, 'Aspirin 325 mg daily.'))).toBe(true);
  });

  it('a duration answering "how long" asked earlier in the same recorded turn is found', () => {
    const report = verify(
      [
        'D: Any fever, chills or nausea with it?',
        'P: No fever, no nausea.',
        'D: Are you taking any medication for the pain?',
        'P: Just ibuprofen sometimes, it helps a bit.',
        'D: good morning what seems to be the trouble today',
        'P: my elbow is sore and swollen okay how long has that been going on i would say on and off for about three weeks now',
        'D: Let me have a look at the elbow then.',
      ],
      'ASSESSMENT\nThe patient presents today with a 3 week history of this problem.\n' +
        'The patient presents today with a 5 week history of this problem.',
      'en',
    );
    expect(flagged(check(report, 'The patient presents today with a 3 week history of this problem.'))).toBe(
      false,
    );
    expect(flagged(check(report, 'The patient presents today with a 5 week history of this problem.'))).toBe(
      true,
    );
  });

  it('a duration after "for" in the note and in the talk is how long the complaint has lasted', () => {
    const lines = [
      'D: Any fever, chills or nausea with it?',
      'P: No fever, no nausea.',
      'D: Are you taking any medication for the pain?',
      'P: Just ibuprofen sometimes, it helps a bit.',
      'D: What brings you in?',
      'P: My shoulder has been stiff, it has been bothering me for about ten days.',
      'D: I will see you back in ten days if it is not better, and we can talk about an injection then.',
      'P: Okay, and the stiffness is worst in the mornings.',
      'D: Let me look at your neck as well.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nFor approximately 10 days, the patient has noted morning stiffness of the shoulder.\n' +
        'For approximately 12 days, the patient has noted morning stiffness of the shoulder.',
      'en',
    );
    expect(
      flagged(
        check(report, 'For approximately 10 days, the patient has noted morning stiffness of the shoulder.'),
      ),
    ).toBe(false);
    expect(
      flagged(
        check(report, 'For approximately 12 days, the patient has noted morning stiffness of the shoulder.'),
      ),
    ).toBe(true);
  });

  it('a follow-up interval is found where the doctor asks the patient to return', () => {
    const lines = [
      'D: Your readings at home have been a little high, so we will add a water pill.',
      'P: Okay.',
      'D: Keep taking it every morning with food and then finally four weeks from now I would like you to return with your readings.',
      'P: Sounds good to me.',
    ];
    const report = verify(
      lines,
      'PLAN\nThe patient will follow up in 4 weeks and will bring her home readings with her.\n' +
        'The patient will follow up in 6 weeks and will bring her home readings with her.',
      'en',
    );
    expect(
      flagged(
        check(report, 'The patient will follow up in 4 weeks and will bring her home readings with her.'),
      ),
    ).toBe(false);
    expect(
      flagged(
        check(report, 'The patient will follow up in 6 weeks and will bring her home readings with her.'),
      ),
    ).toBe(true);
  });
});

describe('verifyNote: English counts and ages said in passing', () => {
  const pad = [
    'D: Any fever, chills or nausea lately?',
    'P: No fever, no nausea.',
    'D: Are you taking any medication for the pain?',
    'P: Just ibuprofen sometimes, it helps a bit.',
  ];

  it('a value said to the patient after a relative is named is the patient\'s ("your sister … you keep it to …")', () => {
    const report = verify(
      [
        ...pad,
        'D: And do you drink at all?',
        'D: Okay so you live with your sister, you do not smoke and you keep it to about three glasses of wine a week.',
        'P: Yes, that is right.',
      ],
      'SOCIAL HISTORY\nShe drinks about 3 glasses of wine per week.',
      'en',
    );
    expect(flagged(check(report, 'She drinks about 3 glasses of wine per week.'))).toBe(false);
  });

  it('a bare "1" is found as "one" said where the clause is', () => {
    const report = verify(
      [
        ...pad,
        'D: Which tablets do you take for the thyroid?',
        'P: The levothyroxine, fifty micrograms, I take one in the morning before breakfast.',
      ],
      'MEDICATIONS\nLevothyroxine 50 mcg tablet (1 in the morning).',
      'en',
    );
    expect(flagged(check(report, 'Levothyroxine 50 mcg tablet (1 in the morning).'))).toBe(false);
  });

  it("a relative's age is found where it is said as an age; another age is not", () => {
    const report = verify(
      [...pad, 'R: I have a daughter as well who is seven, she has asthma too.', 'D: Thank you, that helps.'],
      'FAMILY HISTORY\nSister: 7 years old, asthma.\nSister: 9 years old, asthma.',
      'en',
    );
    expect(flagged(check(report, 'Sister: 7 years old, asthma.'))).toBe(false);
    expect(flagged(check(report, 'Sister: 9 years old, asthma.'))).toBe(true);
  });
});

describe('verifyNote: English values named by the statement or asked for', () => {
  const pad = [
    'D: Any fever, chills or nausea lately?',
    'P: No fever, no nausea.',
    'D: Are you taking any medication for the pain?',
    'P: Just ibuprofen sometimes, it helps a bit.',
  ];

  it('a bare value of a measure the statement names in another clause is found with that label', () => {
    const report = verify(
      [
        ...pad,
        'D: so your a1c numbers in the past were borderline',
        'P: yes they were',
        'D: okay and how is the diet going',
        'P: not great honestly',
        'D: hey , show me the labs . so your hemoglobin a1c here is is 9 , you know , that is up quite a bit',
      ],
      'ASSESSMENT\nHis hemoglobin A1c levels were borderline in the past, but the latest value was 9.\n' +
        'His hemoglobin A1c levels were borderline in the past, but the latest value was 7.',
      'en',
    );
    const said = 'His hemoglobin A1c levels were borderline in the past, but the latest value was 9.';
    const other = 'His hemoglobin A1c levels were borderline in the past, but the latest value was 7.';
    expect(flagged(check(report, said))).toBe(false);
    expect(flagged(check(report, other))).toBe(true);
  });

  it('a count is found as the bare number answering "how many …?"', () => {
    const report = verify(
      [
        ...pad,
        'P: I used to smoke back when I worked night shifts at the plant for twenty years.',
        'D: okay and did you quit',
        'P: yes about five years ago',
        'D: and how many packs a day would you smoke',
        'P: gosh back then at least two',
        'D: okay let me examine you now',
      ],
      'SOCIAL HISTORY\nHe previously smoked 2 packs a day for 20 years while working night shifts.\n' +
        'He previously smoked 3 packs a day for 20 years while working night shifts.',
      'en',
    );
    expect(
      flagged(check(report, 'He previously smoked 2 packs a day for 20 years while working night shifts.')),
    ).toBe(false);
    expect(
      flagged(check(report, 'He previously smoked 3 packs a day for 20 years while working night shifts.')),
    ).toBe(true);
  });
});

describe('verifyNote: a follow-up said as "next week"', () => {
  it('"follow up in 1 week" is "see you again next week"; "in 2 weeks" is not', () => {
    const report = verify(
      [
        'D: Any fever, chills or nausea lately?',
        'P: No fever, no nausea.',
        'D: Are you taking any medication for the pain?',
        'P: Just ibuprofen sometimes, it helps a bit.',
        'D: I want to get a scan of your belly and I wan na see you again next week to go over the results.',
        'P: Okay, thank you.',
      ],
      'PLAN\nThe patient will follow up with me in 1 week to review the scan.\n' +
        'The patient will follow up with me in 2 weeks to review the scan.',
      'en',
    );
    expect(flagged(check(report, 'The patient will follow up with me in 1 week to review the scan.'))).toBe(
      false,
    );
    expect(flagged(check(report, 'The patient will follow up with me in 2 weeks to review the scan.'))).toBe(
      true,
    );
  });
});

describe('verifyNote: "post-op" is after surgery', () => {
  it('"6 weeks post-op" is found as "six weeks out from surgery"; another interval is flagged', () => {
    const report = verify(
      [
        'P: it was march 3rd , because i am six weeks out from surgery now , and they said it takes three months .',
        'D: Any fever, chills or nausea lately?',
        'P: No fever, no nausea.',
        'D: Are you taking any medication for the pain?',
        'P: Just ibuprofen sometimes, it helps a bit.',
        'D: Okay, let me look at the incision.',
        'P: Sure.',
        'D: The incision is healing well.',
        'P: when can i go back to playing tennis with my club?',
        'D: Give it another month.',
      ],
      'HISTORY OF PRESENT ILLNESS\nAs she is now 6 weeks post-op, she asked about playing tennis with her club.\n' +
        'As she is now 9 weeks post-op, she asked about playing tennis with her club.',
      'en',
    );
    expect(
      flagged(check(report, 'As she is now 6 weeks post-op, she asked about playing tennis with her club.')),
    ).toBe(false);
    expect(
      flagged(check(report, 'As she is now 9 weeks post-op, she asked about playing tennis with her club.')),
    ).toBe(true);
  });
});

describe('number checks: default frequencies (nb)', () => {
  it('a frequency of another period in the answer ("glemmer den en gang i uka") sets no daily dose', () => {
    const lines = [
      'P: jeg har hatt urinsyregikt i stortåa i mange år og vondt i foten igjen nå',
      'L: du tar allopurinol, tre hundre milligram morgen og kveld',
      'P: ja morgen og kveld jeg glemmer den kanskje en gang i uka',
      'L: greit, da ser jeg på foten din',
    ];
    const report = verify(lines, 'Aktuelt: Bruker allopurinol 300 mg x 2.', 'nb');
    expect(flagged(check(report, 'Bruker allopurinol 300 mg x 2.'))).toBe(false);
  });
});

// A hip consultation with the pain rated as a range, a supplement named with a number and an abdominal examination.
const EN_HIP_SCALE = [
  'D: Good morning, is the hip still bothering you?',
  'P: Yes, the hip pain is worse when I climb stairs, and my knee is swollen too.',
  'D: Any fever or numbness in the leg?',
  'P: No fever and no numbness.',
  'D: And how would you rate your pain during the week, from zero to ten?',
  'P: It goes from three through eight out of ten, depending on the day.',
  'D: Are you taking anything for it?',
  'P: Only some fish oil and coenzyme q ten that my neighbour recommended.',
  'D: Let me listen to your belly. Bowel sounds are normal everywhere, and the belly is soft.',
];

describe('verifyNote: numbers that are scales, names and anatomy', () => {
  it('each end of a pain range said on the ten scale supports a score out of ten; another score does not', () => {
    const report = verify(
      EN_HIP_SCALE,
      'HISTORY\nPain at best: 3/10.\nPain at worst: 8/10.\nPain at worst: 9/10.',
      'en',
    );
    expect(flagged(check(report, 'Pain at best: 3/10.'))).toBe(false);
    expect(flagged(check(report, 'Pain at worst: 8/10.'))).toBe(false);
    expect(flagged(check(report, 'Pain at worst: 9/10.'))).toBe(true);
  });

  it('the four quadrants, "Co-Q 10" and a scale with its legend state no value of the patient', () => {
    const report = verify(
      EN_HIP_SCALE,
      'MEDICATIONS\nCo-Q 10.\nPHYSICAL EXAM\nBowel sounds normal in all 4 quadrants.\nBowel sounds normal in 3 places.\n' +
        'HISTORY\nPain rated on a VAS 0-10 scale (0 = no pain, 10 = worst imaginable pain).\n' +
        'Pain rated on a scale (6 = no pain, 10 = worst imaginable pain).',
      'en',
    );
    expect(flagged(check(report, 'Co-Q 10.'))).toBe(false);
    expect(flagged(check(report, 'Bowel sounds normal in all 4 quadrants.'))).toBe(false);
    expect(flagged(check(report, 'Bowel sounds normal in 3 places.'))).toBe(true);
    expect(
      flagged(check(report, 'Pain rated on a VAS 0-10 scale (0 = no pain, 10 = worst imaginable pain).')),
    ).toBe(false);
    expect(flagged(check(report, 'Pain rated on a scale (6 = no pain, 10 = worst imaginable pain).'))).toBe(
      true,
    );
  });
});

describe('verifyNote: a bare count is no time said with its unit', () => {
  it('nb: "2 tidl. episoder" is not found as "for et par år siden"', () => {
    const report = verify(
      [
        'L: Hva kan jeg hjelpe deg med i dag?',
        'P: Jeg har fått vondt i halsen igjen, og feber i natt.',
        'L: Har du hatt halsbetennelse før?',
        'P: Én gang, for et par år siden. Da fikk jeg penicillin.',
        'L: Noen allergier?',
        'P: Nei.',
      ],
      'Aktuelt: 1 tidl. halsbetennelse for et par år siden. 2 tidl. halsbetennelser for et par år siden.',
      'nb',
    );
    expect(flagged(check(report, '1 tidl. halsbetennelse for et par år siden.'))).toBe(false);
    expect(flagged(check(report, '2 tidl. halsbetennelser for et par år siden.'))).toBe(true);
  });

  it('en: "2 prior episodes" is not found as "a couple of years ago"', () => {
    const report = verify(
      [
        'D: What brings you in today?',
        'P: My sinuses are blocked again and my face hurts.',
        'D: Have you had a sinus infection before?',
        'P: Just once, a couple of years ago, and antibiotics cleared it.',
        'D: Any allergies?',
        'P: No.',
      ],
      'HISTORY\nHe has had 1 prior sinus infection, a couple of years ago.\nHe has had 2 prior sinus infections, a couple of years ago.',
      'en',
    );
    expect(flagged(check(report, 'He has had 1 prior sinus infection, a couple of years ago.'))).toBe(false);
    expect(flagged(check(report, 'He has had 2 prior sinus infections, a couple of years ago.'))).toBe(true);
  });
});

describe("verifyNote: a value said as another measure's", () => {
  it("a distinctive value said as a named lab's value is no support for another measure", () => {
    const report = verify(
      [
        'D: Let us go over your blood work from last month.',
        'D: Your bilirubin came back a little high at 143, which we will keep an eye on.',
        'P: Is that something to worry about?',
        'D: Not for now. How is the walking going?',
        'P: Better, I walk every day with the dog.',
        'D: Good. Any chest pain or shortness of breath?',
        'P: No, none.',
        'D: Your cholesterol looked fine, the LDL was 128.',
      ],
      'RESULTS\nBilirubin was mildly elevated at 143.\nBilirubin was mildly elevated at 128.\nLDL was 128.',
      'en',
    );
    expect(flagged(check(report, 'Bilirubin was mildly elevated at 143.'))).toBe(false);
    expect(flagged(check(report, 'LDL was 128.'))).toBe(false);
    expect(flagged(check(report, 'Bilirubin was mildly elevated at 128.'))).toBe(true);
  });

  it('a value said as the one it is not ("1.1, not 1.4") is no support', () => {
    const report = verify(
      [
        'D: Good morning, how have you been feeling since the last visit?',
        'P: Pretty well, the swelling in my ankles has gone down.',
        'D: Any chest pain or shortness of breath with the water tablets?',
        'P: No chest pain, and my blood pressure readings at home have been fine.',
        'D: Good. I have your kidney tests from the lab here.',
        'D: Your creatinine was 1.1, not 1.4 as I first read, so the kidneys are doing fine.',
        'P: That is good news.',
      ],
      'RESULTS\nCreatinine 1.1.\nCreatinine 1.4.',
      'en',
    );
    expect(flagged(check(report, 'Creatinine 1.1.'))).toBe(false);
    expect(flagged(check(report, 'Creatinine 1.4.'))).toBe(true);
  });
});

describe('verifyNote: a year in a history list', () => {
  it('"Hysterectomy, 1940" is contradicted where the patient dates it to another year', () => {
    const lines = [
      'D: good morning , so your blood work showed anemia and you have been feeling tired',
      'P: yes i have been exhausted for months and short of breath on the stairs',
      'D: any surgeries in the past',
      'P: well i had a hysterectomy in 1996 .',
      'D: okay and any other surgeries',
      'P: no , nothing else',
    ];
    const report = verify(lines, 'PAST HISTORY\nHysterectomy, 1940.\nHysterectomy, 1996.', 'en');
    expect(check(report, 'Hysterectomy, 1940.').support).toBe('contradicted');
    expect(flagged(check(report, 'Hysterectomy, 1996.'))).toBe(false);
  });
});

describe('verifyNote: a dose belongs to the drug named just before it', () => {
  it('"stop Norvasc and start hydrochlorothiazide 5 mg" is checked against the hydrochlorothiazide dose', () => {
    const lines = [
      'D: your blood pressure is about one forty over ninety today and we have you on norvasc five milligrams once a day',
      'P: yes and my ankles have been swelling a lot since i started it',
      'D: okay that swelling is likely from the norvasc so we will stop it',
      'D: and we will start you on hydrochlorothiazide ten milligrams once a day instead',
      'P: okay that sounds good',
    ];
    const report = verify(
      lines,
      'PLAN\nWe will discontinue Norvasc and start hydrochlorothiazide 5 mg once a day.\nWe will discontinue Norvasc and start hydrochlorothiazide 10 mg once a day.',
      'en',
    );
    expect(
      check(report, 'We will discontinue Norvasc and start hydrochlorothiazide 5 mg once a day.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, 'We will discontinue Norvasc and start hydrochlorothiazide 10 mg once a day.')),
    ).toBe(false);
  });
});

describe("verifyNote: a cancer's stage and grade", () => {
  it('"Stage 2" is contradicted by "stage zero" and not supported by "grade two"', () => {
    const lines = [
      'D: so the biopsy came back as grade two , er positive ductal carcinoma in situ of the right breast',
      'P: yes and then i had the lumpectomy in january',
      'D: right , and for your history we will list it as stage zero er positive carcinoma of the right breast',
      'P: okay , and the radiation is finished now , i had my last session three weeks ago',
      'D: good , on exam today there is no lump in either breast and no swollen lymph nodes in the armpits',
      'D: we will see you again in six months with a mammogram',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nStage 2 ER-positive carcinoma of the right breast.\nStage 0 ER-positive carcinoma of the right breast.',
      'en',
    );
    expect(check(report, 'Stage 2 ER-positive carcinoma of the right breast.').support).toBe('contradicted');
    expect(flagged(check(report, 'Stage 0 ER-positive carcinoma of the right breast.'))).toBe(false);
  });
});

describe('verifyNote: the size of a lesion', () => {
  it('"2 cm x 1 cm" is flagged where the doctor measures two by two centimeters', () => {
    const lines = [
      'D: so you have had this sore on your heel for about six weeks now',
      'P: yes it started as a blister from new shoes and now it smells and drains yellow stuff',
      'D: okay on your foot exam i see a wound on your heel that is about two by two centimeters with some black tissue around it',
      'P: that does not sound good',
      'D: we will get an x-ray and start you on antibiotics',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nIt is approximately 2 cm x 1 cm.\nIt is approximately 2 cm x 2 cm.',
      'en',
    );
    expect(flagged(check(report, 'It is approximately 2 cm x 1 cm.'))).toBe(true);
    expect(flagged(check(report, 'It is approximately 2 cm x 2 cm.'))).toBe(false);
  });
});
