/**
 * English polarity of symptoms and findings (synthetic consultations): a listener's "mm-hmm" acknowledges a remark
 * and answers no question, a negation does not reach into a new question, a "no" a few words into an answer, "ever"
 * questions answered "no", words of other instances that qualify another item, and words that lean on another.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English polarity of findings', () => {
  it('a "mm-hmm" after a negative remark acknowledges it: the finding stays denied', () => {
    const lines = [
      'D: so i have your wrist x-ray here .',
      "D: the bones line up well and there's no fracture , which is what i expected from the story .",
      'P: mm-hmm .',
      'D: so we will treat this as a sprain .',
    ];
    const report = verify(lines, 'RESULTS\nWrist x-ray shows a fracture.', 'en');
    expect(check(report, 'Wrist x-ray shows a fracture.').support).toBe('contradicted');
  });

  it('a negation before a new question does not reach the words asked ("… has not helped okay and do you have any …")', () => {
    const lines = [
      'D: tell me about the cough',
      'P: it started last week',
      'D: okay and what have you tried for it i took some honey tea but it has not really helped okay and do you have any fever or chills i do feel feverish at night',
      'P: okay',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Denies fever.', 'en');
    expect(check(report, 'Constitutional: Denies fever.').support).toBe('contradicted');
  });

  it('a "no" a few words into the answer denies what was asked ("in my feet no , not really")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my feet have been tingling for a month .',
      'D: and have you noticed any swelling in your feet ?',
      'P: in my feet no , not really .',
      'D: okay .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nCardiovascular: Reports swelling in the feet.', 'en');
    expect(check(report, 'Cardiovascular: Reports swelling in the feet.').support).toBe('contradicted');
  });

  it('"have you ever …?" answered "no" denies the present too; a word before "ever" is not asked about', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my feet have been numb and tingling since the spring .',
      'D: have you ever had any numbness in your hands ?',
      'P: no , never .',
      'D: and is this the worst pain you have ever had ?',
      'P: no , it was worse last year .',
      'D: okay .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe reports numbness in her hands.\nThe pain was worse last year.',
      'en',
    );
    expect(check(report, 'She reports numbness in her hands.').support).toBe('contradicted');
    expect(flagged(check(report, 'The pain was worse last year.'))).toBe(false);
  });

  it('"have you ever tried <drug>?" answered "no" does not deny the treatment started now', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my knee has been aching for a month .',
      'D: have you ever tried capsaicin topical , as a cream for the knee ?',
      'P: no , i have never tried anything for it .',
      'D: okay , so we will start capsaicin cream , you rub it on topically twice a day .',
    ];
    const report = verify(lines, 'CURRENT MEDICATIONS\nCapsaicin cream applied topically.', 'en');
    expect(check(report, 'Capsaicin cream applied topically.').support).not.toBe('contradicted');
  });

  it('"… anywhere else?" asks about other places, not other rashes: its "no" denies the rash', () => {
    const lines = [
      'D: okay and have you noticed any rashes on your arms or anywhere else ?',
      'P: no .',
      'D: alright .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nSkin: Reports rashes.', 'en');
    expect(check(report, 'Skin: Reports rashes.').support).toBe('contradicted');
  });

  it('a word that leans on another is not denied where it is said of something else ("acute fracture")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my knee has been swollen since friday .',
      'D: on your x-ray there is no acute fracture .',
      'D: but you do have some arthritis in the knee and it is flaring up .',
    ];
    const report = verify(lines, 'ASSESSMENT\nThis is an acute flare of her arthritis.', 'en');
    expect(flagged(check(report, 'This is an acute flare of her arthritis.'))).toBe(false);
  });

  it('a preposition of time ("After the incident") is no finding a "no" could deny', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i fell during a soccer game on saturday and hurt my ankle , it is very painful and swollen .',
      'D: and after the fall were you able to keep playing ?',
      'P: no , i had to stop .',
      'D: okay and what did you do then ?',
      'P: my coach drove me to the emergency room and they took an x-ray of the ankle .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nAfter the incident, her coach drove her to the emergency room.',
      'en',
    );
    expect(check(report, 'After the incident, her coach drove her to the emergency room.').support).not.toBe(
      'contradicted',
    );
  });

  it('a qualified answer ("just when …", "slight cramps") is a yes', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i get tired when i work in the yard .',
      'D: okay , and do you get short of breath ?',
      'P: just when i am carrying heavy bags up the stairs .',
      'D: do you have any chest pain ?',
      'P: slight cramps in the chest now and then .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has not had any shortness of breath.\nShe has not had chest pain.',
      'en',
    );
    expect(check(report, 'She has not had any shortness of breath.').support).toBe('contradicted');
    expect(check(report, 'She has not had chest pain.').support).toBe('contradicted');
  });

  it('an "if" far after a word leaves it said as fact ("no murmurs or rubs … breathe in if you can")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my chest has felt tight for a week .',
      'D: okay let me examine you i am listening to your heart there are no murmurs or rubs now breathe in deeply for me if you can and your lungs are clear',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nCardiovascular: Murmurs, rubs.', 'en');
    expect(check(report, 'Cardiovascular: Murmurs, rubs.').support).toBe('contradicted');
  });

  it('a negation before a clause of purpose is a claim, not a condition ("not provided with … so she can see if …")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i have a kidney stone on the left side and the pain is bad , i also feel sick .',
      'D: okay , i am going to give you a strainer to use when you pee , so you can catch the stone .',
    ];
    const report = verify(
      lines,
      'PLAN\nShe was not provided with a strainer so she can see if the stone passes.',
      'en',
    );
    expect(
      check(report, 'She was not provided with a strainer so she can see if the stone passes.').support,
    ).toBe('contradicted');
  });

  it('"off-color" urine is discolored urine', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my urine has looked off-color for a few days and i have some pain in my back .',
      'D: okay , any burning ?',
      'P: no .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nGenitourinary: Denies urine discoloration.', 'en');
    expect(check(report, 'Genitourinary: Denies urine discoloration.').support).toBe('contradicted');
  });

  it('"No murmurs, gallops." denies both; a semicolon ends the list ("No edema; regular rhythm")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i get a racing heart when i climb stairs .',
      'D: so let me examine you .',
      'D: your heart sounds regular , i do not hear any murmurs or gallops .',
      'D: there is no swelling in your legs .',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nNo murmurs, gallops.\nNo edema; regular rhythm.', 'en');
    expect(flagged(check(report, 'No murmurs, gallops.'))).toBe(false);
    expect(flagged(check(report, 'No edema; regular rhythm.'))).toBe(false);
  });

  it('a clause before a relative is named is the patient\'s ("He reports kidney stones …, and his father …")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i have pain in my right side and some blood in my urine .',
      'D: have you had kidney stones before ?',
      'P: no , never .',
      'D: and anyone in the family ?',
      'P: my father had them .',
    ];
    const text = 'He reports having kidney stones in the past, and his father has had kidney stones.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${text}`, 'en');
    expect(check(report, text).support).toBe('contradicted');
  });

  it('"no vomiting but constipation": the "no" does not reach a word the answer confirms', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my belly has been bloated and painful for a month and i feel tired .',
      'D: do you have other symptoms such as weight loss constipation or vomiting',
      'P: no vomiting but constipation and weight loss',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nGastrointestinal: Denies constipation.', 'en');
    expect(check(report, 'Gastrointestinal: Denies constipation.').support).toBe('contradicted');
  });

  it('a doctor\'s turn ending in "any …" answered "not that i can recall" is a question', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my scalp has been itchy for two months .',
      'D: okay let us talk about some other symptoms any joint pain fever weight loss',
      'P: not that i can recall i have been pretty good otherwise',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nMusculoskeletal: Reports joint pain.', 'en');
    expect(check(report, 'Musculoskeletal: Reports joint pain.').support).toBe('contradicted');
  });

  it('"… and any chest pain … no no": an answer run into the turn answers the "any" question after its fillers', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my sugars have been high and my feet tingle .',
      'D: okay alright and any chest pain or shortness of breath or anything like that no no yeah no nothing like that really',
      'P: okay',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nCardiovascular: Reports chest pain.', 'en');
    expect(check(report, 'Cardiovascular: Reports chest pain.').support).toBe('contradicted');
  });

  it('after "even if …," the main clause is said as fact ("even if i am only walking , i find myself …")', () => {
    const lines = [
      'D: so what brings you in today , any chest pain or fever ?',
      'P: no chest pain , but there are times when i am just walking , even if i am only walking to the mailbox , i find myself having palpitations a lot .',
      'D: okay , and how is your blood pressure ?',
      'P: it has been fine .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nCardiovascular: Denies palpitations.', 'en');
    expect(check(report, 'Cardiovascular: Denies palpitations.').support).toBe('contradicted');
  });

  it('"he states …" after a relative is named is still the patient\'s report', () => {
    const lines = [
      'D: so what happened on saturday ?',
      'P: i got short of breath playing tennis and my wife drove me to the er .',
      'D: and how have you been feeling since then ?',
      'P: about six hours after we got home i felt very lightheaded and dizzy .',
    ];
    const text =
      'His wife took him to the emergency room, and he states that he had not felt lightheaded afterwards.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${text}`, 'en');
    expect(check(report, text).support).toBe('contradicted');
  });
  it('a question asked after a denial takes the answer; the denial before it stands ("no wheezing … are you running")', () => {
    const lines = [
      'D: how has the asthma been since the new inhaler',
      'P: much better honestly',
      "D: good so you haven't had any wheezing or night cough you're back at the gym are you running again",
      'P: yes three times a week',
      'D: great',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nRespiratory: Reports wheezing.', 'en');
    expect(check(report, 'Respiratory: Reports wheezing.').support).toBe('contradicted');
  });

  it('under a label, a head the transcript never says does not hide the answered word ("sleep disturbance")', () => {
    const lines = [
      'D: how are the headaches now',
      'P: a lot less often',
      'D: and any trouble sleeping lately ?',
      'P: no i sleep through the night',
      'D: good',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Reports sleep disturbance.', 'en');
    expect(check(report, 'Constitutional: Reports sleep disturbance.').support).toBe('contradicted');
  });

  it('a drawn-out hesitation before the "no" still opens a negative answer ("hmmm no")', () => {
    const lines = [
      'D: how is the new diet going',
      'P: better than i expected',
      'D: good and any problems with your stomach any heartburn',
      'P: hmmm no i feel fine after meals',
      'D: great',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nGastrointestinal: Reports heartburn.', 'en');
    expect(check(report, 'Gastrointestinal: Reports heartburn.').support).toBe('contradicted');
  });
});
