/**
 * English statements of correct notes that general word facts keep unflagged (synthetic consultations): the place
 * phrase of a denial ("at home") is not denied itself; a verb with its object ("extending her arm") is not the verb said
 * of another subject ("does the pain extend anywhere"); a "no" whose answer dates the thing at another time ("i did
 * about three years ago") does not deny it then.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

describe('verifyNote (en): word facts that keep correct statements unflagged', () => {
  it('"not cooked a meal at home": the place phrase of a denial is not denied itself', () => {
    const report = verify(
      [
        'D: hi mr walker how are you doing today',
        "P: i'm doing alright thanks",
        "D: so you're here for your diabetes and your blood pressure and your knee",
        "P: yeah that's right",
        "D: okay how's the knee been",
        'P: it aches when i climb the stairs but ibuprofen helps',
        'D: okay any chest pain or shortness of breath',
        'P: no none of that',
        'D: how about your sugars have you been checking them',
        "P: yeah they've been running around one fifty in the mornings",
        'D: okay and are you taking the metformin twice a day',
        'P: yes every morning and every evening',
        'D: alright any numbness or tingling in your feet',
        'P: no my feet are fine',
        'D: okay good let me take a look at you',
        'D: okay so how have you been doing with your blood pressure',
        "P: um it's been up and down",
        'D: are you checking your blood pressure at home like i recommended',
        "P: yeah i'm good about it during the week when i'm at home working but on the weekends i kinda forget",
        'D: okay and how about your diet',
        "P: not great we've been on the go helping my daughter move and have n't had a home cooked meal in weeks our diets were less than stellar",
        "D: okay well let's get you some labs today",
      ],
      'HISTORY OF PRESENT ILLNESS\nHe reports that he has not cooked a meal at home in weeks.\n\nRESULTS\nHe is not checking his blood pressure at home.',
    );
    expect(flagged(check(report, 'He reports that he has not cooked a meal at home in weeks.'))).toBe(false);
    expect(flagged(check(report, 'He is not checking his blood pressure at home.'))).toBe(true);
  });
  it('"extending her arm": the verb with its object is not the verb said of another subject ("does the pain extend")', () => {
    const report = verify(
      [
        'D: hi diana good to see you so i see that you hurt your wrist can you tell me what happened',
        'P: yeah i was playing volleyball and i fell and landed on my right hand',
        'D: okay and when did that happen',
        'P: about a week ago on saturday',
        'D: okay and how bad is the pain on a scale of one to ten',
        "P: it's about a six most of the day",
        'D: okay alright does the pain extend anywhere',
        'P: no',
        'D: okay and any numbness or tingling in your fingers',
        'P: no not really',
        'D: have you taken anything for it',
        'P: just some ibuprofen and ice',
        'D: okay and does anything make it feel better',
        'P: when i put it on a pillow and let my arm stay straight i feel better',
        'D: okay good let me take a look at your wrist',
        'D: so you do have some swelling and tenderness over the wrist',
      ],
      'HISTORY OF PRESENT ILLNESS\nShe notes fully extending her arm while resting it on a pillow alleviates some of her pain.\n\nRESULTS\nShe reports that the pain extends to her elbow.',
    );
    expect(
      flagged(
        check(
          report,
          'She notes fully extending her arm while resting it on a pillow alleviates some of her pain.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'She reports that the pain extends to her elbow.'))).toBe(true);
  });
  it('"no i haven\'t i did about three years ago": a no that dates the thing then does not deny it then', () => {
    const report = verify(
      [
        'D: hi stephanie how are you doing today',
        "P: i'm doing okay how are you",
        'D: good so i called you in because your hemoglobin came back a little low how have you been feeling',
        "P: over the past couple of months i've been really tired and a bit dizzy",
        'D: okay and have you noticed any blood in your stools',
        "P: uh no i have n't i did about three years ago and i had a colonoscopy for that but nothing since then",
        'D: okay and do your stools look dark or black',
        'P: no nothing like that',
        'D: any heavy menstrual bleeding',
        "P: no not that i've noticed",
        'D: okay and any weight loss',
        'P: no no weight loss',
        'D: alright let me take a look at you',
      ],
      'HISTORY OF PRESENT ILLNESS\nShe had a colonoscopy about 3 years ago due to blood in her stool.\n\nRESULTS\nShe had blood in her stool about 2 weeks ago.',
    );
    expect(flagged(check(report, 'She had a colonoscopy about 3 years ago due to blood in her stool.'))).toBe(
      false,
    );
    expect(check(report, 'She had blood in her stool about 2 weeks ago.').support).toBe('contradicted');
  });
});
