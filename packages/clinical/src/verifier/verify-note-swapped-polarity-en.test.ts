/**
 * English "reports" and "denies" swapped (synthetic consultations): the talk's own polarity of the finding must reach
 * the verdict, wherever the finding is filed and however the talk puts it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English reports and denies against the talk of the finding', () => {
  it('a system label before the colon does not thin out the places that speak of the finding', () => {
    const lines = [
      'D: good morning what brings you in today',
      'P: my doctor sent me because of this knee pain that i have had for a few months',
      'D: okay and it says here it is in both knees is that right',
      'P: yes both of them',
      'D: does the pain get worse with stairs',
      'P: yes the knee pain is worse going down stairs',
      'D: have you taken anything for the pain',
      'P: some ibuprofen for the knee pain and it helps a bit',
      'D: alright any trouble with your hands or wrists',
      'P: no',
      'D: okay now on your musculoskeletal exam you have a normal gait and good strength',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nMusculoskeletal: Denies bilateral knee pain.', 'en');
    expect(check(report, 'Musculoskeletal: Denies bilateral knee pain.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nMusculoskeletal: Reports bilateral knee pain.', 'en');
    expect(flagged(check(agreeing, 'Musculoskeletal: Reports bilateral knee pain.'))).toBe(false);
  });
  it('in "eye pain" the weak word names what is found: its own denial in the talk decides, not the site', () => {
    const lines = [
      'D: hi there so what brings you in today',
      'R: she has had this right eye twitch for a couple of weeks',
      'D: okay and how often does the eye twitch happen',
      'R: a few times a day mostly when she is tired',
      'D: and do you have any pain when it happens',
      'P: no it does not really hurt',
      'D: okay any trouble seeing',
      'P: no',
      'D: on exam her right eye looks normal and her pupils are equal',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nReports right eye pain.', 'en');
    expect(check(report, 'Reports right eye pain.').support).toBe('contradicted');
    const agreeing = verify(lines, 'HISTORY OF PRESENT ILLNESS\nDenies right eye pain.', 'en');
    expect(flagged(check(agreeing, 'Denies right eye pain.'))).toBe(false);
  });
  it('a claim of a problem with something is denied where the talk denies any trouble with it', () => {
    const lines = [
      'D: so how have you been feeling overall since you got home from the hospital',
      'P: i stay close to the house and i seem to be doing okay i think',
      'D: okay now tell me are you able to lay flat at night when you sleep or',
      'P: well i mean i never have truly laid flat i have always slept with two pillows',
      'D: okay',
      "P: so i mean i guess i really don't have any troubles with my sleeping",
      'D: okay good and are you watching your salt intake and trying to change your diet',
      'P: well they said something in the hospital about my heart',
      'D: alright your ekg showed normal sinus rhythm and evolutionary changes which are anticipated',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nReports changes in sleep.', 'en');
    expect(check(report, 'Reports changes in sleep.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nDenies changes in sleep.', 'en');
    expect(flagged(check(agreeing, 'Denies changes in sleep.'))).toBe(false);
  });
  it('an elided "i have not" ends its clause: a new subject with its own verb after it is asserted', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i got a tick bite around my right knee about a week ago and it just burns',
      'D: okay and have you had any fever or chills',
      'P: i have not at this point it just feels warm on that spot',
      'D: alright any other joint pain in your elbows or shoulders',
      'P: nothing other than my usual arthritis',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nSkin: Denies warmth on the right knee.', 'en');
    expect(check(report, 'Skin: Denies warmth on the right knee.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nSkin: Reports warmth on the right knee.', 'en');
    expect(flagged(check(agreeing, 'Skin: Reports warmth on the right knee.'))).toBe(false);
  });

  it('a pronoun after a verb of thinking opens its complement: the negation still reaches it', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i got a tick bite around my right knee about a week ago',
      'D: okay and does the spot feel hot to you',
      "P: i don't think it feels warm at all",
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nSkin: Denies warmth on the right knee.', 'en');
    expect(flagged(check(report, 'Skin: Denies warmth on the right knee.'))).toBe(false);
  });
  it('"secondary to" opens a modifier of the finding: the denied difficulty sleeping is weighed where sleep is said', () => {
    const lines = [
      'D: so tell me about your shoulder',
      'P: it started hurting after i fell off my bike last month',
      'D: does the pain go down your arm',
      'P: no it stays right at the shoulder',
      'D: and is it there all the time or does it come and go',
      'P: pretty much all the time anytime i put pressure on it like when i am trying to sleep it hurts even more so it has been affecting my sleep as well',
      'D: okay have you taken anything for it',
      'P: some tylenol and it takes the edge off',
      'D: on exam i think your pain is secondary to a strain of the rotator cuff',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient also denies difficulty sleeping secondary to the pain.',
      'en',
    );
    expect(check(report, 'The patient also denies difficulty sleeping secondary to the pain.').support).toBe(
      'contradicted',
    );
    const agreeing = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient also reports difficulty sleeping secondary to the pain.',
      'en',
    );
    expect(
      flagged(check(agreeing, 'The patient also reports difficulty sleeping secondary to the pain.')),
    ).toBe(false);
  });
  it('"i gained about ten pounds" is a weight gain: a denied 10 pound weight gain is contradicted', () => {
    const lines = [
      'D: so how have you been doing with the heart failure',
      'P: not great i sit on the couch most of the day',
      'D: okay fair enough and how about have you noticed any weight gain or swelling in your legs or calves or anything like that',
      "P: yeah i i can't see my ankles anymore and and yeah i i don't know what's going on with the scale i think the numbers are off because you know suddenly i gained about ten pounds",
      'D: wow okay and are you taking the lasix',
      'P: most days',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Denies 10 pound weight gain.', 'en');
    expect(check(report, 'Constitutional: Denies 10 pound weight gain.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Reports 10 pound weight gain.', 'en');
    expect(flagged(check(agreeing, 'Constitutional: Reports 10 pound weight gain.'))).toBe(false);
  });
  it('a complaint told as gone ("until sunday … then that seemed to go away") is not there today', () => {
    const lines = [
      'D: so what brings you in today',
      'P: my lower back has been hurting since i moved some furniture last week',
      'D: okay and what have you taken for the pain',
      'P: some tylenol and ibuprofen but it did not help much',
      'D: okay . and do you have any numbness or tingling in your legs ?',
      'P: uh ... i felt some tingling in my toes on my right foot until about sunday afternoon . and then that seemed to go away .',
      'D: okay and is there a position that you feel better in ?',
      'P: lying on my side helps a bit',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nNeurological: Endorsed tingling in toes until Sunday, reports tingling today.',
      'en',
    );
    expect(
      check(report, 'Neurological: Endorsed tingling in toes until Sunday, reports tingling today.').support,
    ).toBe('contradicted');
    const agreeing = verify(
      lines,
      'REVIEW OF SYSTEMS\nNeurological: Endorsed tingling in toes until Sunday, denies tingling today.',
      'en',
    );
    expect(
      flagged(
        check(agreeing, 'Neurological: Endorsed tingling in toes until Sunday, denies tingling today.'),
      ),
    ).toBe(false);
  });

  it('a complaint that has not gone away is still there today', () => {
    const lines = [
      'D: so what brings you in today',
      'P: my lower back has been hurting since i moved some furniture last week',
      'D: okay . and do you have any numbness or tingling in your legs ?',
      "P: yeah i have some tingling in my toes and it hasn't gone away at all",
      'D: okay and is there a position that you feel better in ?',
      'P: lying on my side helps a bit',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nNeurological: Reports tingling in toes today.', 'en');
    expect(flagged(check(report, 'Neurological: Reports tingling in toes today.'))).toBe(false);
  });
});
