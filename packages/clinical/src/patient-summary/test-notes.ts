import type { Note } from '@kollega/domain';

/** Synthetic approved notes for the patient-summary tests (invented; no real patient). */

/** A Norwegian GP note on a streptococcal sore throat, with one internal statement and an internal section. */
export const SORE_THROAT_NOTE: Note = {
  template: 'fastlege',
  language: 'nb',
  sections: [
    {
      id: 'aktuelt',
      title: 'Aktuelt',
      statements: [
        { id: 'a1', text: 'Sår hals i 3 d.', evidence: ['s1'], support: 'supported' },
        { id: 'a2', text: 'Feber 38,9 i går kveld.', evidence: ['s2'], support: 'supported' },
        { id: 'a3', text: 'Ingen hoste.', evidence: ['s3'], support: 'supported' },
      ],
    },
    {
      id: 'undersokelse',
      title: 'Us.',
      statements: [
        { id: 'u1', text: 'T 38,6.', evidence: ['s4'], support: 'supported' },
        { id: 'u2', text: 'Store tonsiller med hvitt belegg bilat.', evidence: ['s4'], support: 'supported' },
        { id: 'u3', text: 'Ømme lymfeknuter på halsen bilat.', evidence: ['s4'], support: 'supported' },
        { id: 'u4', text: 'Strep A hurtigtest pos.', evidence: ['s5'], support: 'supported' },
      ],
    },
    {
      id: 'vurdering',
      title: 'Vurdering',
      statements: [
        { id: 'v1', text: 'Halsbetennelse med streptokokker.', evidence: ['s6'], support: 'inferred' },
        {
          id: 'v2',
          text: 'Mistenker at mor presser på for antibiotika.',
          evidence: ['s6'],
          support: 'inferred',
          internal: true,
        },
      ],
    },
    {
      id: 'tiltak',
      title: 'Tiltak',
      statements: [
        {
          id: 't1',
          text: 'Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.',
          evidence: ['s7'],
          support: 'supported',
        },
        { id: 't2', text: 'Paracetamol 1 g x 4 v/behov.', evidence: ['s7'], support: 'supported' },
        { id: 't3', text: 'Sykmeldt i 3 d.', evidence: ['s8'], support: 'supported' },
        {
          id: 't4',
          text: 'Ny kontakt ved tung pust eller hvis hun ikke klarer å svelge.',
          evidence: ['s9'],
          support: 'supported',
        },
      ],
    },
    {
      id: 'intern',
      title: 'Intern',
      statements: [
        { id: 'i1', text: 'Vurder melding til barnevernet.', evidence: [], support: 'unverified' },
      ],
    },
  ],
};

/** A Norwegian note on back pain with a negated diagnosis ("ikke tegn til lungebetennelse" style). */
export const BACK_PAIN_NOTE: Note = {
  template: 'fastlege',
  language: 'nb',
  sections: [
    {
      id: 'aktuelt',
      title: 'Aktuelt',
      statements: [
        {
          id: 'a1',
          text: 'Vondt i korsryggen i 2 uker, stråler ned i v. bein.',
          evidence: ['s1'],
          support: 'supported',
        },
        { id: 'a2', text: 'Ingen nummenhet i skrittet.', evidence: ['s2'], support: 'supported' },
      ],
    },
    {
      id: 'undersokelse',
      title: 'Us.',
      statements: [
        { id: 'u1', text: 'Lasègue pos. v. side ved 40 grader.', evidence: ['s3'], support: 'supported' },
        { id: 'u2', text: 'Kraft i beina ua.', evidence: ['s3'], support: 'supported' },
      ],
    },
    {
      id: 'vurdering',
      title: 'Vurdering',
      statements: [
        { id: 'v1', text: 'Isjias v. side.', evidence: ['s4'], support: 'inferred' },
        { id: 'v2', text: 'Ingen tegn til kreft.', evidence: ['s4'], support: 'inferred' },
      ],
    },
    {
      id: 'tiltak',
      title: 'Tiltak',
      statements: [
        { id: 't1', text: 'Ibuprofen 400 mg x 3 i 7 d.', evidence: ['s5'], support: 'supported' },
        { id: 't2', text: 'Henv. fysioterapeut.', evidence: ['s5'], support: 'supported' },
        { id: 't3', text: 'Ktr. om 2 uker.', evidence: ['s6'], support: 'supported' },
      ],
    },
  ],
};

/** An English SOAP note on a urinary tract infection. */
export const ENGLISH_UTI_NOTE: Note = {
  template: 'soap',
  language: 'en',
  sections: [
    {
      id: 'subjective',
      title: 'Subjective',
      statements: [
        { id: 'a1', text: 'Burning on urination for 2 days.', evidence: ['s1'], support: 'supported' },
      ],
    },
    {
      id: 'objective',
      title: 'Objective',
      statements: [
        { id: 'o1', text: 'T 36.9.', evidence: ['s2'], support: 'supported' },
        { id: 'o2', text: 'Urine dipstick positive for nitrite.', evidence: ['s2'], support: 'supported' },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      statements: [{ id: 'v1', text: 'Uncomplicated cystitis.', evidence: ['s3'], support: 'inferred' }],
    },
    {
      id: 'plan',
      title: 'Plan',
      statements: [
        { id: 'p1', text: 'Pivmecillinam 200 mg x 3 for 3 d.', evidence: ['s4'], support: 'supported' },
        { id: 'p2', text: 'Call us if fever or back pain.', evidence: ['s5'], support: 'supported' },
      ],
    },
  ],
};
