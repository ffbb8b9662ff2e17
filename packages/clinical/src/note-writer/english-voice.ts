import type { Transcript } from '@kollega/domain';

/** The patient's grammatical gender as the conversation shows it, for third-person notes. */
export type PatientGender = 'female' | 'male' | undefined;

/**
 * Infers the patient's gender from how the doctor and others refer to them ("she", "Mr.", "a
 * 45-year-old female"). Undefined when the conversation does not say; the note then writes
 * "the patient".
 */
export function inferPatientGender(transcript: Transcript): PatientGender {
  let female = 0;
  let male = 0;
  for (const segment of transcript.segments) {
    const text = segment.text.toLowerCase();
    if (segment.speaker === 'lege' || segment.speaker === 'pårørende') {
      female += (text.match(/\b(she|her|hers|herself|mrs|ms|miss|female|woman|lady)\b/g) ?? []).length;
      male += (text.match(/\b(he|him|his|himself|mr|male|man|gentleman)\b/g) ?? []).length;
    }
    if (segment.speaker === 'pasient') {
      female += (text.match(/\b(my husband|pregnan\w*|my period|menstrua\w*)\b/g) ?? []).length;
      male += (text.match(/\b(my wife|prostate)\b/g) ?? []).length;
    }
  }
  if (female >= male + 2) return 'female';
  if (male >= female + 2) return 'male';
  return undefined;
}

const PRONOUNS: Record<'female' | 'male' | 'neutral', Record<string, string>> = {
  female: { P: 'she', Poss: 'her', Obj: 'her', Refl: 'herself', PossPronoun: 'hers' },
  male: { P: 'he', Poss: 'his', Obj: 'him', Refl: 'himself', PossPronoun: 'his' },
  neutral: {
    P: 'the patient',
    Poss: "the patient's",
    Obj: 'the patient',
    Refl: 'themselves',
    PossPronoun: "the patient's",
  },
};

/** Fills the third-person placeholders (⟨P⟩, ⟨Poss⟩, ⟨Obj⟩ …) of English statements. */
export function fillPronouns(text: string, gender: PatientGender): string {
  if (!text.includes('⟨')) return text;
  const table = PRONOUNS[gender ?? 'neutral'];
  let result = text.replace(/⟨(P|Poss|Obj|Refl|PossPronoun)⟩/g, (_whole, key: string) => table[key] ?? '');
  // agreement after "the patient" (neutral) stays singular; capitalise sentence starts
  result = result.replace(
    /(^|[.!?]\s+)([a-z])/g,
    (_whole, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
  );
  return result;
}
