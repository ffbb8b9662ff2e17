/**
 * English "not" inserted into a verb phrase of the perfect or progressive (synthetic consultations): a negated
 * ongoing duration ("has not been going on for about 3 weeks") against the talk's answer to "how long"; a litotes of
 * adherence ("has not been inconsistent with her walking") against the patient's "i haven't been walking"; an ability
 * denied ("was not able to stop smoking") against "when did you stop smoking?" – "about six years ago"; a history
 * denied ("does not have a history of … issues") against the doctor's "i know that we had an issue with …, is that
 * okay?", a remark before a question of how it is now; a negated predicate whose object carries a degree word ("is not
 * having difficulty with complete cessation"); a light verb's joined object read to its end ("has not been experiencing
 * intermittent episodes of pain and sudden instability with ambulation").
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English "not" inserted into a perfect or progressive verb phrase', () => {
  it('"has not been going on for about 3 weeks" is contradicted where the talk gives that duration', () => {
    const lines = [
      'D: what brings you in today',
      'P: my left knee keeps swelling up and it aches when i climb the stairs',
      'D: okay how long has that been going on for',
      'P: probably since my birthday so about three weeks or so',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe knee swelling has not been going on for about 3 weeks.\nThe knee swelling has been going on for about 3 weeks.',
      'en',
    );
    expect(flagged(check(report, 'The knee swelling has not been going on for about 3 weeks.'))).toBe(true);
    expect(flagged(check(report, 'The knee swelling has been going on for about 3 weeks.'))).toBe(false);
  });

  it('a gap the talk dates with "ago" or says negated is no ongoing duration ("has not been smoking for 3 years")', () => {
    const lines = [
      'D: do you smoke at all',
      'P: no i quit smoking about three years ago',
      'D: good and you have not been drinking for two years either',
      'P: that is right',
    ];
    const report = verify(
      lines,
      'SOCIAL HISTORY\nHe has not been smoking for 3 years.\nHe has not been drinking alcohol for 2 years.',
      'en',
    );
    expect(flagged(check(report, 'He has not been smoking for 3 years.'))).toBe(false);
    expect(flagged(check(report, 'He has not been drinking alcohol for 2 years.'))).toBe(false);
  });

  it('"has not been inconsistent with her walking and checking her weight" is contradicted where the patient says she has not been doing them', () => {
    const lines = [
      'D: how have you been doing with the heart failure plan',
      'P: honestly not great i have not been checking my weight every morning',
      'D: okay and the walking we talked about',
      'P: i have not been walking either because my hip hurts',
      'D: okay i want you to check your weight every morning and to get back to walking every day',
      'P: okay i will try',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nShe has not been inconsistent with her walking and checking her weight.\nShe has been inconsistent with her walking and checking her weight.',
      'en',
    );
    expect(
      flagged(check(report, 'She has not been inconsistent with her walking and checking her weight.')),
    ).toBe(true);
    expect(
      flagged(check(report, 'She has been inconsistent with her walking and checking her weight.')),
    ).toBe(false);
  });

  it('a litotes of adherence the patient bears out is not flagged ("has not been inconsistent with her walking")', () => {
    const lines = [
      'D: how have you been doing with the heart failure plan',
      'P: pretty good i check my weight every morning',
      'D: okay and the walking we talked about',
      'P: yes i have been walking every day even though my hip hurts',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nShe has not been inconsistent with her walking and checking her weight.',
      'en',
    );
    expect(
      flagged(check(report, 'She has not been inconsistent with her walking and checking her weight.')),
    ).toBe(false);
  });

  it('"was not able to stop smoking" is contradicted by "when did you stop smoking" answered with a time', () => {
    const lines = [
      'D: so you are here today for the cough that has been bothering you',
      'P: yes it has been keeping me up at night for about a week now',
      'D: okay and are you a smoker or did you smoke',
      'P: i did years ago but i have not smoked anything in a good number of years',
      'D: okay alright when did you stop smoking',
      'P: oh maybe six or so years ago',
      'D: and how many packs a day would you smoke',
      'P: back then at least two',
    ];
    const report = verify(
      lines,
      'SOCIAL HISTORY\nHe previously smoked 2 packs a day and was not able to stop smoking approximately 6 years ago.\nHe previously smoked 2 packs a day and was able to stop smoking approximately 6 years ago.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'He previously smoked 2 packs a day and was not able to stop smoking approximately 6 years ago.',
        ),
      ),
    ).toBe(true);
    expect(
      flagged(
        check(
          report,
          'He previously smoked 2 packs a day and was able to stop smoking approximately 6 years ago.',
        ),
      ),
    ).toBe(false);
  });

  it('"when did you return to running" answered that she has not does not say it done', () => {
    const lines = [
      'D: so you are here today for the knee pain that has been bothering you',
      'P: yes it has been keeping me up at night for about a week now',
      'D: any swelling or redness of the knee',
      'P: no swelling but it is stiff in the morning',
      'D: okay alright when did you return to running',
      'P: i have not done that yet because the pain comes right back',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe was not able to return to running because of the pain.',
      'en',
    );
    expect(flagged(check(report, 'She was not able to return to running because of the pain.'))).toBe(false);
  });

  it('"i know that we had an issue with your left achilles tendon, is that okay?" says the issue; the question asks how it is now', () => {
    const lines = [
      'D: so what brings you in today',
      'P: my right knee has been swelling up since i fell on it last week',
      'D: okay any fever or redness of the knee',
      'P: no fever but it is a little red',
      'D: okay and i know that we had an issue with your left achilles tendon , is that okay ?',
      "P: it's surprisingly good now",
      'D: great let me examine the knee',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient does not have a history of left achilles tendon issues which he notes are doing well.\nThe patient has a history of left achilles tendon issues which he notes are doing well.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'The patient does not have a history of left achilles tendon issues which he notes are doing well.',
        ),
      ),
    ).toBe(true);
    expect(
      flagged(
        check(
          report,
          'The patient has a history of left achilles tendon issues which he notes are doing well.',
        ),
      ),
    ).toBe(false);
  });

  it('a question of confirmation after the remark ("…, is that right?") still asks it', () => {
    const lines = [
      'D: so what brings you in today',
      'P: my right knee has been swelling up since i fell on it last week',
      'D: okay any fever or redness of the knee',
      'P: no fever but it is a little red',
      'D: okay and i think that we had an issue with your left achilles tendon , is that right ?',
      'P: no that was my brother',
      'D: okay let me examine the knee',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient does not have a history of left achilles tendon issues.',
      'en',
    );
    expect(
      flagged(check(report, 'The patient does not have a history of left achilles tendon issues.')),
    ).toBe(false);
  });

  it('a degree word past a preposition is its object\'s: "is not having difficulty with complete cessation" denies the difficulty', () => {
    // The speaker labels are swapped, as diarization sometimes does; the words decide.
    const lines = [
      'P: so what brings you in today',
      'D: i have had this cough and some wheezing for about two weeks',
      'P: okay any fever or chills',
      'D: no fever',
      'P: and have you ever smoked before',
      'P: did you smoke more in the past',
      'D: yes i used to smoke a pack a day',
      "D: i do smoke i smoke about two cigarettes a day i've cut down a lot but i'm just having a hard time kicking those last two",
      'P: okay well quitting completely is the goal and we can help you with that',
    ];
    const report = verify(
      lines,
      'SOCIAL HISTORY\nHe notes he used to smoke more and is not having difficulty with complete cessation.\nHe notes he used to smoke more and is having difficulty with complete cessation.',
      'en',
    );
    expect(
      flagged(
        check(report, 'He notes he used to smoke more and is not having difficulty with complete cessation.'),
      ),
    ).toBe(true);
    expect(
      flagged(
        check(report, 'He notes he used to smoke more and is having difficulty with complete cessation.'),
      ),
    ).toBe(false);
  });

  it('a light verb denies every thing of its joined object: "has not been experiencing … and sudden instability with ambulation"', () => {
    const lines = [
      "D: so tell me what's going on with your right knee",
      "P: it happens now and then when i'm walking all of a sudden it kind of gives out and i think i'm going to fall but i catch myself",
      'D: okay and is it painful',
      'P: sometimes a bit',
      'D: any swelling',
      'P: a little after a long day',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has not been experiencing intermittent episodes of pain and sudden instability with ambulation.\nShe has been experiencing intermittent episodes of pain and sudden instability with ambulation.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'She has not been experiencing intermittent episodes of pain and sudden instability with ambulation.',
        ),
      ),
    ).toBe(true);
    expect(
      flagged(
        check(
          report,
          'She has been experiencing intermittent episodes of pain and sudden instability with ambulation.',
        ),
      ),
    ).toBe(false);
  });

  it('a joined object the talk denies thing by thing is not flagged', () => {
    const lines = [
      'D: so how has the right knee been since the injection',
      'P: really good since the injection no pain no swelling and it has not locked up at all',
      'D: great and are you back to walking',
      'P: yes i walk every morning with my dog and the knee feels good',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe has not been experiencing any pain or swelling or sudden locking of the right knee since the injection.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'He has not been experiencing any pain or swelling or sudden locking of the right knee since the injection.',
        ),
      ),
    ).toBe(false);
  });
});
