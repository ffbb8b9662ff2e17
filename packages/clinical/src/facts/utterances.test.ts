import { describe, expect, it } from 'vitest';
import type { Segment, SpeakerRole, Transcript } from '@kollega/domain';
import { buildUtterances, isQuestionSentence, joinDanglingSentences } from './utterances';

function transcript(turns: Array<[SpeakerRole, string]>): Transcript {
  return {
    segments: turns.map(([speaker, text], index): Segment => ({ id: `s${index + 1}`, speaker, text })),
  };
}

describe('utterances of recogniser text', () => {
  it('joins a sentence broken after a preposition by a stray full stop', () => {
    expect(joinDanglingSentences(['jeg ble bitt av en flått for.', '3 uker siden på hytta'], 'nb')).toEqual([
      'jeg ble bitt av en flått for 3 uker siden på hytta',
    ]);
    expect(joinDanglingSentences(['det var på badet i.', 'går kveld'], 'nb')).toEqual([
      'det var på badet i går kveld',
    ]);
  });

  it('keeps sentences that end on an ordinary word or start a new capitalised sentence', () => {
    expect(joinDanglingSentences(['det må bli etter det.', 'den minste er syk'], 'nb')).toHaveLength(2);
    expect(joinDanglingSentences(['Hun var med meg og.', 'Hun hostet'], 'nb')).toHaveLength(2);
  });

  it('reads "da får du …" as the plan (verb second), not as a question', () => {
    expect(isQuestionSentence('da får du amoksicillin 500 milligram 3 ganger daglig', 'nb')).toBe(false);
    expect(isQuestionSentence('så tar du to tabletter om kvelden', 'nb')).toBe(false);
    expect(isQuestionSentence('får du noen bivirkninger', 'nb')).toBe(true);
    expect(isQuestionSentence('ok, tar du noen medisiner', 'nb')).toBe(true);
  });

  it('does not turn a value the doctor reads out into a question because the patient answers', () => {
    const utterances = buildUtterances(
      transcript([
        ['lege', 'jeg måler igjen. andre måling 152/94'],
        ['pasient', 'ja det er høyt'],
      ]),
      'nb',
    );
    const value = utterances.find((utterance) => utterance.text.includes('152/94'));
    expect(value?.isQuestion).toBe(false);
  });

  it('reads a bare topic with a recogniser full stop as a question when a yes/no follows', () => {
    const utterances = buildUtterances(
      transcript([
        ['lege', 'bra. astma.'],
        ['pasient', 'nei.'],
      ]),
      'nb',
    );
    expect(utterances.find((utterance) => /astma/u.test(utterance.text))?.isQuestion).toBe(true);
    const statement = buildUtterances(
      transcript([
        ['lege', 'Lungene høres fine ut.'],
        ['pasient', 'Ja.'],
      ]),
      'nb',
    );
    expect(statement[0]?.isQuestion).toBe(false);
  });
});
