import { describe, expect, it } from 'vitest';
import { findMeasurements } from './measurements';

describe('measurements', () => {
  it('reads vital signs and labs with units', () => {
    expect(
      findMeasurements('Blodtrykket er 148/92, pulsen er 96.', 'nb').map((mention) => mention.text),
    ).toEqual(['BT 148/92', 'puls 96']);
    expect(
      findMeasurements('Temperatur 38,4. Metningen er 95 prosent.', 'nb').map((mention) => mention.text),
    ).toEqual(['T 38,4', 'SpO2 95 %']);
    expect(findMeasurements('HbA1c er 58 millimol per mol', 'nb')[0]?.text).toBe('HbA1c 58 mmol/mol');
    expect(findMeasurements('Vi tok CRP i laben, og den er 145.', 'nb')[0]?.text).toBe('CRP 145');
  });

  it('rejects implausible values and doses', () => {
    expect(findMeasurements('temperaturen 12 grader ute', 'nb')).toEqual([]);
    expect(findMeasurements('D-vitamin 50 mikrogram daglig', 'nb')).toEqual([]);
  });

  it('reads English vitals', () => {
    expect(
      findMeasurements('blood pressure is 130/80 and heart rate 72', 'en').map((mention) => mention.label),
    ).toEqual(['BP', 'heart rate']);
  });
});
