/**
 * English reporting verbs swapped in polarity (synthetic consultations): "reports" where the patient denied what was
 * asked, "denies" where the patient told it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English reporting verb whose polarity the patient did not give', () => {
  it('items named after "anything else" are asked by name: a yes that confirms one denies the others', () => {
    const lines = [
      'D: so you are here for follow up of your heart failure',
      'P: yes i have been a bit more tired lately',
      'D: okay . and anything else that i might have missed , fever , chills , any nasal congestion , cough ?',
      "P: uh , i've had a little bit of nasal congestion just because of the pollen . but everything else has been okay .",
      'D: okay and any other questions for me',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient reports fever, chills, or cough.\nThe patient denies fever, chills, or cough.\nShe reports nasal congestion.',
      'en',
    );
    expect(check(report, 'The patient reports fever, chills, or cough.').support).toBe('contradicted');
    expect(flagged(check(report, 'The patient denies fever, chills, or cough.'))).toBe(false);
    expect(flagged(check(report, 'She reports nasal congestion.'))).toBe(false);
  });

  it('"denies that …" takes a statement: the patient\'s own plain statement of it contradicts the denial', () => {
    const lines = [
      'D: so i hear you are having pain in this arm , is that correct ?',
      "P: yes , it's my left arm .",
      'D: okay . and when did that start ?',
      'P: and the thing started about two weeks ago . i woke up at night and it was just hurting something awful .',
      'D: okay . does it go down into your hand ?',
      'P: no , it stays up in the arm .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe denies that his left arm pain began approximately 2 weeks ago.\nHe reports that his left arm pain began approximately 2 weeks ago.\nHe denies that the pain goes down into his hand.',
      'en',
    );
    expect(check(report, 'He denies that his left arm pain began approximately 2 weeks ago.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'He reports that his left arm pain began approximately 2 weeks ago.'))).toBe(
      false,
    );
    expect(flagged(check(report, 'He denies that the pain goes down into his hand.'))).toBe(false);
  });

  it('"abdominal pain" is abdomen and pain: "pain in my abdomen" said by the patient contradicts its denial', () => {
    const lines = [
      'D: so what brings you in today',
      'P: um i have had this pain in my back on the right side for two days',
      'P: i get a little dizzy on the stairs . and i still feel a little bit more pain in my abdomen .',
      'D: okay and any fever or chills',
      'P: no',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nGastrointestinal: Denies abdominal pain.\nGastrointestinal: Endorses abdominal pain.\nConstitutional: Denies fever.',
      'en',
    );
    expect(check(report, 'Gastrointestinal: Denies abdominal pain.').support).toBe('contradicted');
    expect(flagged(check(report, 'Gastrointestinal: Endorses abdominal pain.'))).toBe(false);
    expect(flagged(check(report, 'Constitutional: Denies fever.'))).toBe(false);
  });

  it('a question asked after a negated remark is answered by the yes ("… you haven\'t had any chest pain, are you exercising?" – "kind of")', () => {
    const lines = [
      'D: so how are you doing with the blood pressure',
      "P: it's been okay i think",
      "D: okay and so you have n't had any chest pain or shortness of breath you're still walking around doing your activities of daily living are you exercising",
      'P: kind of',
      'D: kind of okay now let me take a listen',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nPatient denies that he tries to exercise.\nPatient reports that he tries to exercise.\nHe denies chest pain or shortness of breath.',
      'en',
    );
    expect(check(report, 'Patient denies that he tries to exercise.').support).toBe('contradicted');
    expect(flagged(check(report, 'Patient reports that he tries to exercise.'))).toBe(false);
    expect(flagged(check(report, 'He denies chest pain or shortness of breath.'))).toBe(false);
  });

  it('"the joint pain" later in the statement refers back to the denied one: no contrast, the talk decides the denial', () => {
    const lines = [
      'D: okay and any other symptoms body aches joint pain',
      'P: uh a bit of joint pain',
      'D: multiple joints or just one joint',
      'P: uh my knee sorry the right knee to be more exact',
      'D: okay and any pain at rest',
      'P: no only when i walk',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe denies joint pain in his right knee; however, he notes that he just noticed the joint pain when asked.\nHe endorses joint pain in his right knee; however, he notes that he just noticed the joint pain when asked.\nHe denies pain at rest; however, he reports pain when walking.',
      'en',
    );
    expect(
      check(
        report,
        'He denies joint pain in his right knee; however, he notes that he just noticed the joint pain when asked.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'He endorses joint pain in his right knee; however, he notes that he just noticed the joint pain when asked.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He denies pain at rest; however, he reports pain when walking.'))).toBe(
      false,
    );
  });

  it('"denies that she was unable to …" denies a negative statement: a question of it answered "no" contradicts the denial', () => {
    const lines = [
      'D: so tell me what happened',
      'P: yeah well i was playing soccer and i twisted my ankle when i landed',
      'D: alright were you able to continue playing',
      "P: no i had to stop i could n't put weight on my foot",
      'D: okay and is there any numbness in your foot',
      'P: no',
      'P: i really wan na keep on playing with my team this season',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient denies that she was unable to continue playing.\nShe reports that she had to stop playing.\nShe denies that she has numbness in her foot.',
      'en',
    );
    expect(check(report, 'The patient denies that she was unable to continue playing.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'She reports that she had to stop playing.'))).toBe(false);
    expect(flagged(check(report, 'She denies that she has numbness in her foot.'))).toBe(false);
  });

  it('"… numbness or tingling or any strange sensation?" – "no": "or any" goes on with the list, the items before it are asked too', () => {
    const lines = [
      'D: okay and how are you doing with the running',
      'P: pretty good i run most days',
      'D: that is awesome so just out of curiosity with the left foot have you experienced anything like numbness or tingling or or any strange sensation',
      'P: no i have not',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nNeurological: Reports left foot numbness or tingling.\nNeurological: Denies left foot numbness or tingling.',
      'en',
    );
    expect(check(report, 'Neurological: Reports left foot numbness or tingling.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Neurological: Denies left foot numbness or tingling.'))).toBe(false);
  });

  it('"no fever some chills": "some" opens a noun phrase of its own, which the "no" before it does not reach', () => {
    const lines = [
      'D: okay so have you noticed any nausea chills fever',
      "P: no fever some chills and i i just in so much pain i i ca n't eat",
      'D: okay',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nConstitutional: Denies chills.\nConstitutional: Reports chills.\nConstitutional: Denies fever.',
      'en',
    );
    expect(check(report, 'Constitutional: Denies chills.').support).toBe('contradicted');
    expect(flagged(check(report, 'Constitutional: Reports chills.'))).toBe(false);
    expect(flagged(check(report, 'Constitutional: Denies fever.'))).toBe(false);
  });
});
