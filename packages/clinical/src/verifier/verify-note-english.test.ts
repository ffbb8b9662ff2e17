/**
 * English clinic notes (synthetic consultations): diagnosis evidence as whole words, diagnoses named as a vaccine,
 * a site or a risk, review-of-systems labels, normal examination templates, and who said a drug or diagnosis.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const BACK = [
  'D: Hello, what can I do for you today?',
  'P: My lower back has been stiff for about three weeks since I moved house.',
  'D: Any trouble with your bladder or bowels?',
  'P: No, nothing like that.',
  'D: We discussed the dosage of your pills last time, and the discharge letter from the hospital came through.',
  'D: On exam the lower back muscles are tight and tender on both sides.',
  'D: I think this is a muscle strain, so keep moving and take ibuprofen with food.',
];

describe('verifyNote: diagnosis evidence in English', () => {
  it('a short evidence word must be a whole word and a longer one must start a word ("dosage" is not OSA)', () => {
    const report = verify(
      BACK,
      'ASSESSMENT\nSuspected lumbar radiculopathy.\nObstructive sleep apnea.\nMuscle strain of the lower back.',
    );
    expect(check(report, 'Suspected lumbar radiculopathy.').support).toBe('unsupported');
    expect(check(report, 'Obstructive sleep apnea.').support).toBe('unsupported');
    expect(flagged(check(report, 'Muscle strain of the lower back.'))).toBe(false);
    const cpap = verify(
      [...BACK, 'P: I also sleep with my CPAP machine every night.'],
      'ASSESSMENT\nObstructive sleep apnea.',
    );
    expect(flagged(check(cpap, 'Obstructive sleep apnea.'))).toBe(false);
  });

  it('an elbow diagnosis needs the elbow, not another tendon; an A1c is no evidence of anemia', () => {
    const lines = [
      'D: Your shoulder pain comes from a rotator cuff tendinopathy, an irritated tendon.',
      "D: I'd also like a hemoglobin A1c today for your diabetes.",
      'P: Okay, that sounds fine.',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nLateral epicondylitis.\nIron deficiency anemia.\nRotator cuff tendinopathy.',
    );
    expect(check(report, 'Lateral epicondylitis.').support).toBe('unsupported');
    expect(check(report, 'Iron deficiency anemia.').support).toBe('unsupported');
    expect(flagged(check(report, 'Rotator cuff tendinopathy.'))).toBe(false);
  });

  it('a disease named as a vaccine, a site or in a list of risks is no diagnosis of the patient', () => {
    const lines = [
      'P: I finally got my vaccine last month, so I feel better about seeing my grandchildren.',
      'D: Is it tender when I press here in your flank?',
      'P: Ouch, yes, on the right.',
      'D: Any operation carries some risks, like bleeding or infection or blood clots.',
    ];
    const report = verify(
      lines,
      'HISTORY\nShe got her COVID-19 vaccine last month.\nPHYSICAL EXAM\nCVA tenderness on the right.\nPLAN\nRisks of surgery include bleeding, infection, stroke, pulmonary embolism, and death.\nStroke.',
    );
    expect(flagged(check(report, 'She got her COVID-19 vaccine last month.'))).toBe(false);
    expect(flagged(check(report, 'CVA tenderness on the right.'))).toBe(false);
    expect(
      flagged(
        check(report, 'Risks of surgery include bleeding, infection, stroke, pulmonary embolism, and death.'),
      ),
    ).toBe(false);
    expect(check(report, 'Stroke.').support).toBe('unsupported');
  });
});

describe('verifyNote: review-of-systems labels and reporting words', () => {
  const lines = [
    'D: Any problems with your heart or breathing lately?',
    'P: I get winded climbing the stairs at work, and I feel woozy and light headed when I stand up quickly.',
    'D: Okay, anything else?',
    'P: No, that is about it.',
  ];

  it('a label and a reporting word are not the finding: the finding after them is checked', () => {
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nCardiovascular: Endorses dyspnea.\nNeurological/Psychological: Positive lightheadedness.\nGenitourinary: Reports hematuria.',
    );
    expect(flagged(check(report, 'Cardiovascular: Endorses dyspnea.'))).toBe(false);
    expect(flagged(check(report, 'Neurological/Psychological: Positive lightheadedness.'))).toBe(false);
    expect(check(report, 'Genitourinary: Reports hematuria.').support).toBe('unsupported');
  });
});

describe('verifyNote: normal examination findings', () => {
  const lines = [
    ...BACK,
    'D: Let me have a look at you now. Walk over to the door and back for me.',
    'P: Sure.',
    'D: Everything looks fine there.',
  ];

  it('a normal finding names what was examined; an abnormal or graded one is still checked', () => {
    const report = verify(
      lines,
      'PHYSICAL EXAM\nNormal gait.\nCranial nerves grossly intact.\nTemperature is within normal limits.\nNormal gait with a tremor.\nMild tremor.',
    );
    expect(flagged(check(report, 'Normal gait.'))).toBe(false);
    expect(flagged(check(report, 'Cranial nerves grossly intact.'))).toBe(false);
    expect(flagged(check(report, 'Temperature is within normal limits.'))).toBe(false);
    expect(check(report, 'Normal gait with a tremor.').support).toBe('unsupported');
    expect(check(report, 'Mild tremor.').support).toBe('unsupported');
  });
});

describe('verifyNote: what a doctor presupposes in a plan', () => {
  const lines = [
    'D: Good to see you again. How have things been going?',
    'P: Pretty good overall, my joints have been a bit achy in the mornings.',
    'D: I see that your cardiologist put you on metoprolol in the spring.',
    'D: How are your knees doing with that?',
    'P: My knees are the worst part, mostly the left one.',
    'D: Have you used any recreational drugs?',
    'P: No, never.',
    "D: For the eczema, the cream was not covered, so we'll try a different ointment.",
    "D: Then I want you to continue the atorvastatin every evening, and I'd like you to start fish oil as well.",
  ];

  it("a drug another doctor started, a drug kept or a condition named as the topic is the patient's own", () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe takes metoprolol.\nHe takes atorvastatin every evening.\nHe has eczema.\nRecreational drug use: Never.\nHe takes fish oil.',
    );
    expect(flagged(check(report, 'He takes metoprolol.'))).toBe(false);
    expect(flagged(check(report, 'He takes atorvastatin every evening.'))).toBe(false);
    expect(flagged(check(report, 'He has eczema.'))).toBe(false);
    expect(flagged(check(report, 'Recreational drug use: Never.'))).toBe(false);
    expect(check(report, 'He takes fish oil.').support).toBe('unsupported');
  });
});

describe('verifyNote: lay words for operations and findings, and bare headings', () => {
  const lines = [
    'D: Any operations in the past?',
    'P: They took my gall bladder out years ago, and I had my tubes tied after my second child.',
    'D: And your kidney doctor still follows you for the transplant?',
    'P: Yes, every six months.',
    'D: Do you take any nonsteroidals like Advil?',
    'P: Only now and then for headaches.',
    'D: I see you are limping on the right leg, and you are awake and answering clearly.',
  ];

  it('an operation named by the organ, renal for kidney, a limp for an antalgic gait; a heading alone claims nothing', () => {
    const report = verify(
      lines,
      'PAST HISTORY\nCholecystectomy.\nBilateral tubal ligation.\nStatus post renal transplant.\nShe occasionally takes anti-inflammatories.\nMusculoskeletal.\nAppendectomy.\nPHYSICAL EXAM\nGAIT: antalgic gait\nOrientation: Alert and oriented x3.',
    );
    expect(flagged(check(report, 'Cholecystectomy.'))).toBe(false);
    expect(flagged(check(report, 'Bilateral tubal ligation.'))).toBe(false);
    expect(flagged(check(report, 'Status post renal transplant.'))).toBe(false);
    expect(flagged(check(report, 'She occasionally takes anti-inflammatories.'))).toBe(false);
    expect(flagged(check(report, 'Musculoskeletal.'))).toBe(false);
    expect(flagged(check(report, 'GAIT: antalgic gait'))).toBe(false);
    expect(flagged(check(report, 'Orientation: Alert and oriented x3.'))).toBe(false);
    expect(check(report, 'Appendectomy.').support).toBe('unsupported');
  });
});

describe('verifyNote: a form of use is no drug', () => {
  it('"topical" names how a cream is used, not another drug', () => {
    const report = verify(
      [
        ...BACK,
        'D: And you still use the hydrocortisone cream on your elbows for the eczema?',
        'P: Yes, most days.',
      ],
      'HISTORY\nShe uses hydrocortisone topical cream for eczema.',
    );
    expect(flagged(check(report, 'She uses hydrocortisone topical cream for eczema.'))).toBe(false);
  });

  it("the clinician's own step said not to have happened needs a negation in the talk", () => {
    const lines = [
      'D: So the scan shows a small stone in the ureter, that is what is causing the pain.',
      'P: The ibuprofen is not really helping, to be honest.',
      'D: Most stones this size pass on their own, so drink plenty of water and I will give you a strainer.',
      'D: I am going to prescribe tamsulosin to help it pass. I will not refer you to urology for now.',
      'P: Thank you.',
    ];
    const report = verify(
      lines,
      [
        'PLAN',
        'A strainer was provided.',
        'A strainer was not provided.',
        'The nature of the diagnosis was not discussed with the patient.',
        'Ibuprofen is not providing relief.',
        'If the pain is not controlled, a referral to urology will be discussed.',
      ].join('\n'),
    );
    expect(flagged(check(report, 'A strainer was provided.'))).toBe(false);
    expect(flagged(check(report, 'A strainer was not provided.'))).toBe(true);
    expect(flagged(check(report, 'The nature of the diagnosis was not discussed with the patient.'))).toBe(
      true,
    );
    expect(flagged(check(report, 'Ibuprofen is not providing relief.'))).toBe(false);
    expect(
      flagged(check(report, 'If the pain is not controlled, a referral to urology will be discussed.')),
    ).toBe(false);
  });
});

const EN_PAD = [
  'D: Any fever, chills or nausea lately?',
  'P: No fever, no nausea.',
  'D: Are you taking any medication for the pain?',
  'P: Just ibuprofen sometimes, it helps a bit.',
];

describe('verifyNote: the patient after talk of a relative', () => {
  it('en: what a relative made the patient do is the patient\'s ("my wife made me shovel …")', () => {
    const report = verify(
      [
        ...EN_PAD,
        'D: So what happened to your back?',
        'P: my wife made me shovel the heavy wet snow off the driveway this morning',
        'P: and now my lower back is really sore',
        'D: Okay, let me examine it.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe shoveled heavy wet snow off the driveway this morning.',
    );
    expect(flagged(check(report, 'He shoveled heavy wet snow off the driveway this morning.'))).toBe(false);
  });

  it('en: the patient\'s own possibility ("if I lift …") answers a conditional statement', () => {
    const report = verify(
      [
        ...EN_PAD,
        'P: we were helping my daughter move house and we lifted some heavy boxes far too quickly.',
        'D: How is the knee since then?',
        'P: it is okay most days.',
        'D: Does anything make it worse?',
        'P: if i lift heavy boxes or run too far it starts to ache again.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHis knee aches when he lifts heavy boxes or runs too far.',
    );
    expect(flagged(check(report, 'His knee aches when he lifts heavy boxes or runs too far.'))).toBe(false);
  });

  it('en: "follow up as needed" documents the visit', () => {
    const report = verify(
      [...EN_PAD, 'D: Okay, the ankle looks sprained, so rest and ice it.'],
      'PLAN\nShe will follow up as needed.',
    );
    expect(flagged(check(report, 'She will follow up as needed.'))).toBe(false);
  });
});

describe('verifyNote: labels, lay names and the side the exam turned to', () => {
  it('a label with commas ("Ears, Nose, Mouth and Throat:") files the finding after its colon', () => {
    const report = verify(
      [
        ...EN_PAD,
        'D: The nurse went over the review of systems sheet with you, and you endorsed some sneezing from the pollen.',
        'P: Yes, it is bad every spring.',
      ],
      'REVIEW OF SYSTEMS\nEars, Nose, Mouth and Throat: Endorses sneezing from the pollen.',
    );
    expect(flagged(check(report, 'Ears, Nose, Mouth and Throat: Endorses sneezing from the pollen.'))).toBe(
      false,
    );
  });

  it('"afib" is atrial fibrillation and a "nose job" a rhinoplasty', () => {
    const report = verify(
      [...EN_PAD, 'D: Any other medical problems?', 'P: Uh, afib. And I had a nose job when I was twenty.'],
      'PAST MEDICAL HISTORY\nAtrial fibrillation.\n\nPAST SURGICAL HISTORY\nRhinoplasty.',
    );
    expect(flagged(check(report, 'Atrial fibrillation.'))).toBe(false);
    expect(flagged(check(report, 'Rhinoplasty.'))).toBe(false);
  });

  it('a finding said without a side takes the side the examination just turned to', () => {
    const report = verify(
      [
        ...EN_PAD,
        'P: both my wrists hurt but my right wrist is the worst',
        'D: let me look at your right wrist first',
        'D: okay any pain when I press here',
        'P: a little',
        'D: how about the left wrist same thing if i press here does that hurt',
        'P: yes',
        'D: alright so mild swelling and tenderness over the back of it',
        'P: okay',
        'D: your x-rays look fine, no fracture.',
      ],
      'PHYSICAL EXAM\nExamination of the left wrist: mild swelling and tenderness over the dorsum.',
    );
    expect(
      flagged(check(report, 'Examination of the left wrist: mild swelling and tenderness over the dorsum.')),
    ).toBe(false);
  });
});
