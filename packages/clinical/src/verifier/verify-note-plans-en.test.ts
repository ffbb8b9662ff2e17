/**
 * English negations inside plans and conditions: the polarity of a condition read against the advice the doctor
 * gave (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: negations in plans and conditions (en)', () => {
  it('a condition ends where a clause with its own subject begins ("… and we can …")', () => {
    const lines = [
      'P: The ankle pain is much better since the boot came off, and the x-ray last month was fine.',
      'D: Great, keep walking on it and let me know if you notice any swelling and we can, and we can talk about further imaging or an injection at that time, okay?',
      'P: Sounds good, I will keep doing my exercises every morning.',
      'D: Good, see you in a few months then.',
    ];
    const text =
      'She will call me if she does not notice any swelling and we can consider further imaging or an injection at that time.';
    const report = verify(lines, `Plan: ${text}`, 'en');
    expect(check(report, text).support).toBe('contradicted');
    const agreeing =
      'She will call me if she notices any swelling and we can consider further imaging or an injection at that time.';
    const kept = verify(lines, `Plan: ${agreeing}`, 'en');
    expect(check(kept, agreeing).support).not.toBe('contradicted');
  });

  it('a plan that waits for results not to be available is unsupported unless such a state was said', () => {
    const lines = [
      'P: My shoulder still hurts when I lift my arm above my head.',
      'D: I would like a scan of the shoulder to look at the tendons, and I will see you again once the scan report comes through.',
      'P: Okay, that works for me.',
    ];
    const text = 'We will meet again once the shoulder scan report is not ready for review.';
    const report = verify(lines, `Plan: ${text}`, 'en');
    expect(flagged(check(report, text))).toBe(true);
    const agreeing = 'We will meet again once the shoulder scan report is ready for review.';
    expect(flagged(check(verify(lines, `Plan: ${agreeing}`, 'en'), agreeing))).toBe(false);
    const waiting = [
      ...lines,
      'P: And if the report is not ready by Friday?',
      'D: Then we wait a few more days.',
    ];
    expect(check(verify(waiting, `Plan: ${text}`, 'en'), text).support).not.toBe('unsupported');
  });

  it('a claim of non-compliance is unsupported where nobody speaks of missed or stopped doses', () => {
    const lines = [
      'D: How are you getting on with the lisinopril for your blood pressure?',
      'P: Fine, I take it every morning with breakfast and my home readings look better.',
      'D: Good, we will keep the same dose then.',
    ];
    const text = 'He has not been compliant with lisinopril.';
    expect(flagged(check(verify(lines, `Assessment: ${text}`, 'en'), text))).toBe(true);
    const agreeing = 'He has been compliant with lisinopril.';
    expect(flagged(check(verify(lines, `Assessment: ${agreeing}`, 'en'), agreeing))).toBe(false);
    const lapsed = [
      'D: How are you getting on with the lisinopril for your blood pressure?',
      'P: Honestly I keep forgetting my pills, maybe three days a week.',
      'D: Okay, a pill box might help.',
    ];
    expect(flagged(check(verify(lapsed, `Assessment: ${text}`, 'en'), text))).toBe(false);
  });

  it('a medicine the patient "can\'t take" (a contraindication) is no lapse in taking the treatment', () => {
    const lines = [
      'D: and you are taking your immunosuppressive medications',
      'P: yes every morning and every night on the clock',
      "D: good , and for the knee pain you know you ca n't take certain medications because of your kidney transplant",
      'P: right so just tylenol',
    ];
    const text = 'He has not been compliant with his immunosuppressive medications.';
    expect(flagged(check(verify(lines, `Assessment: ${text}`, 'en'), text))).toBe(true);
    const agreeing = 'He has been compliant with his immunosuppressive medications.';
    expect(flagged(check(verify(lines, `Assessment: ${agreeing}`, 'en'), agreeing))).toBe(false);
  });

  it('"has not been ruled out" is contradicted where the transcript rules it out, and the reverse', () => {
    const lines = [
      'D: Your scan of the leg came back and we are ruling out a blood clot, the veins look completely clear.',
      'P: That is a relief, but could the swelling be my heart?',
      'D: We cannot rule out heart failure yet, so I am ordering an echocardiogram.',
    ];
    const clot = 'A blood clot has not been ruled out.';
    expect(check(verify(lines, `Assessment: ${clot}`, 'en'), clot).support).toBe('contradicted');
    const clotAgreeing = 'A blood clot has been ruled out.';
    expect(flagged(check(verify(lines, `Assessment: ${clotAgreeing}`, 'en'), clotAgreeing))).toBe(false);
    const heart = 'Heart failure has been ruled out.';
    expect(check(verify(lines, `Assessment: ${heart}`, 'en'), heart).support).toBe('contradicted');
  });
});

/** A ureteric stone expected to pass, with lithotripsy planned if it does not (shared by the condition tests). */
const STONE_PLAN = [
  'D: so the ct shows a small stone in your left ureter and i think it will pass on its own',
  'P: okay the pain comes and goes but it is really bad when it comes',
  'D: i want you to drink lots of water and take the tamsulosin every day',
  'D: hopefully by the time i see you back in two weeks you passed the stone but if not we can discuss further treatment like lithotripsy',
  'P: alright that sounds good',
];

describe('verifyNote: the condition of a further step', () => {
  it('further treatment planned "if the symptoms have improved" is contradicted where the talk plans it "if not"', () => {
    const report = verify(
      STONE_PLAN,
      'PLAN\nIf his symptoms have improved, we will discuss further treatment including lithotripsy.\nIf his symptoms have not improved, we will discuss further treatment including lithotripsy.',
      'en',
    );
    expect(
      check(report, 'If his symptoms have improved, we will discuss further treatment including lithotripsy.')
        .support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'If his symptoms have not improved, we will discuss further treatment including lithotripsy.',
        ),
      ),
    ).toBe(false);
  });
});

describe('verifyNote: the condition of a further step (Norwegian)', () => {
  it('"Hvis det går over, henvises …" is contradicted where the talk refers "hvis det ikke går over"', () => {
    const lines = [
      'L: Du har vondt i kneet etter fotballkampen på lørdag?',
      'P: Ja, det er hovent og vondt når jeg går i trapper.',
      'L: Det ser ut som en forstuing. Du skal hvile, bruke is og ta paracet ved behov.',
      'L: Hvis det ikke går over på to uker, så henviser jeg deg til ortoped.',
      'P: Greit, takk.',
    ];
    const report = verify(
      lines,
      'Plan\nHvis det går over, henvises pasienten til ortoped.\nHvis det ikke går over, henvises pasienten til ortoped.',
      'nb',
    );
    expect(check(report, 'Hvis det går over, henvises pasienten til ortoped.').support).toBe('contradicted');
    expect(flagged(check(report, 'Hvis det ikke går over, henvises pasienten til ortoped.'))).toBe(false);
  });
});

describe('verifyNote: a hoped outcome followed by "if not"', () => {
  it('"hopefully you passed the stone, but if not …" makes "not passed" the condition of the next step', () => {
    const report = verify(
      STONE_PLAN,
      'PLAN\nIf he has not passed the stone, we will discuss further treatment including lithotripsy.\nIf he has passed the stone, we will discuss further treatment including lithotripsy.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'If he has not passed the stone, we will discuss further treatment including lithotripsy.',
        ),
      ),
    ).toBe(false);
    expect(
      flagged(
        check(report, 'If he has passed the stone, we will discuss further treatment including lithotripsy.'),
      ),
    ).toBe(true);
  });
});
