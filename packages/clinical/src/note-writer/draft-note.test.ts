import { describe, expect, it } from 'vitest';
import type { Segment, SpeakerRole, Transcript } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { createPersonalTemplate } from '../templates/personal-template';
import { draftNote } from './draft-note';

function transcript(turns: Array<[SpeakerRole, string]>): Transcript {
  return {
    segments: turns.map(([speaker, text], index): Segment => ({ id: `s${index + 1}`, speaker, text })),
  };
}

const SORE_THROAT = transcript([
  ['lege', 'Hei, hva kan jeg hjelpe deg med i dag?'],
  ['pasient', 'Jeg har så vondt i halsen. Det begynte for tre dager siden.'],
  ['lege', 'Har du hatt feber?'],
  ['pasient', 'Ja, jeg målte trettiåtte komma fem i går.'],
  ['lege', 'Hoster du?'],
  ['pasient', 'Nei.'],
  ['lege', 'Allergier?'],
  ['pasient', 'Nei, ingen allergier.'],
  [
    'lege',
    'Da ser jeg i halsen. Mandlene er store og røde, med belegg på begge sider. Temperaturen er trettiåtte komma to.',
  ],
  ['lege', 'Du har en halsbetennelse.'],
  [
    'lege',
    'Jeg skriver ut fenoksymetylpenicillin, seks hundre og seksti milligram fire ganger daglig i fem dager.',
  ],
  ['lege', 'Hvis du blir verre eller får vondt på den ene siden, så må du ta kontakt.'],
]);

describe('draftNote', () => {
  it('writes GP shorthand in the fastlege sections, every statement with evidence', () => {
    const { value, warnings } = draftNote(SORE_THROAT, { language: 'nb' });
    expect(warnings).toEqual([]);
    const byId = Object.fromEntries(
      value.note.sections.map((section) => [
        section.id,
        section.statements.map((statement) => statement.text).join(' '),
      ]),
    );
    expect(byId['aktuelt']).toMatch(/Sår hals/u);
    expect(byId['aktuelt']).toMatch(/Ingen hoste/u);
    expect(byId['aktuelt']).toMatch(/Ingen kjente allergier/u);
    expect(byId['undersokelse']).toMatch(/T 38,2/u);
    expect(byId['undersokelse']).toMatch(/bilat\./u);
    expect(byId['vurdering']).toMatch(/[Hh]alsbetennelse/u);
    expect(byId['tiltak']).toMatch(/fenoksymetylpenicillin 660 mg x 4 i 5 d/u);
    expect(byId['tiltak']).toMatch(/[Nn]y kontakt ved forverring/u);
    for (const section of value.note.sections)
      for (const statement of section.statements) expect(statement.evidence.length).toBeGreaterThan(0);
    expect(value.text.split('\n')[0]).toMatch(/^Aktuelt: /u);
  });

  it('spells shorthand out in the fuller styles', () => {
    const short = draftNote(SORE_THROAT, { language: 'nb', style: 'kort' }).value.text;
    const full = draftNote(SORE_THROAT, { language: 'nb', style: 'utfyllende' }).value.text;
    expect(short).toMatch(/bilat\./u);
    expect(full).toMatch(/på begge sider/u);
    expect(full).not.toMatch(/bilat\./u);
  });

  it('follows a personal template: its headings, order and abbreviations', () => {
    const template = createPersonalTemplate({
      name: 'Min mal',
      headings: ['Anamnese', 'Funn', 'Vurdering og plan'],
      exampleNote:
        'Anamnese: Vondt i hø. kne. Funn: Temp 37,2. Hevelse u.a. Vurdering og plan: Kontroll ved behov.',
    });
    const { value } = draftNote(SORE_THROAT, { language: 'nb', template });
    expect(value.note.sections.map((section) => section.title)).toEqual([
      'Anamnese',
      'Funn',
      'Vurdering og plan',
    ]);
    expect(value.text).toMatch(/Temp 38,2/u);
    const plan = value.note.sections[2]?.statements.map((statement) => statement.text).join(' ') ?? '';
    expect(plan).toMatch(/fenoksymetylpenicillin/u);
  });

  it('renders ACI-BENCH notes as headings followed by paragraphs', () => {
    const english = transcript([
      ['lege', 'What brings you in today?'],
      ['pasient', "I've had pain in my right knee for two weeks after I fell playing basketball."],
      ['lege', 'Any fever?'],
      ['pasient', 'No.'],
      ['lege', 'On exam, there is tenderness over the medial joint line of the right knee.'],
      [
        'lege',
        "I think you have a medial collateral ligament strain. I'm going to prescribe meloxicam 15 mg once a day.",
      ],
    ]);
    const { value } = draftNote(english, { language: 'en', template: 'aci' });
    expect(value.text).toMatch(/^CHIEF COMPLAINT\n\n/u);
    expect(value.text).toMatch(/\n\nREVIEW OF SYSTEMS\n\nDenies fever\./u);
    expect(value.text).toMatch(/ASSESSMENT AND PLAN\n\n/u);
    expect(value.text).toMatch(/meloxicam 15 mg/u);
  });

  it('warns when there is no consultation and rejects unknown templates', () => {
    expect(draftNote({ segments: [] }, { language: 'nb' }).warnings.map((warning) => warning.code)).toEqual([
      'no_consultation',
    ]);
    expect(() => draftNote(SORE_THROAT, { language: 'nb', template: 'finnes-ikke' })).toThrow(AppError);
  });

  it('is deterministic', () => {
    expect(draftNote(SORE_THROAT, { language: 'nb' }).value.text).toBe(
      draftNote(SORE_THROAT, { language: 'nb' }).value.text,
    );
  });
  it('puts a known reaction first, then no known allergies and the drug tolerated next to it', () => {
    const { value } = draftNote(
      transcript([
        ['lege', 'Hva kan jeg hjelpe deg med?'],
        ['pasient', 'Jeg har hatt vondt i øret i to dager.'],
        ['lege', 'Er du allergisk mot noen medisiner?'],
        ['pasient', 'Nei.'],
        ['pasient', 'Men jeg reagerer på plaster, huden blir rød.'],
        ['lege', 'Ingen reaksjoner på penicillin?'],
        ['pasient', 'Nei, jeg har fått penicillin før, da jeg var liten, og det gikk fint.'],
      ]),
      { language: 'nb' },
    );
    const history = value.note.sections.find((section) => section.id === 'aktuelt')?.statements ?? [];
    const texts = history.map((statement) => statement.text);
    const plaster = texts.findIndex((text) => /plaster/u.test(text));
    const none = texts.findIndex((text) => /^Ingen kjente allergier/u.test(text));
    const tolerated = texts.findIndex((text) => /tålt penicillin/iu.test(text));
    expect(plaster).toBeGreaterThanOrEqual(0);
    expect(none).toBe(plaster + 1);
    expect(tolerated).toBe(none + 1);
    expect(history[tolerated]?.evidence).toContain('s7');
  });

  it('keeps the consultation setting however long the conversation is', () => {
    const chatter: Array<[SpeakerRole, string]> = [];
    for (let turn = 0; turn < 30; turn += 1) {
      chatter.push([
        'pasient',
        `Jeg har hatt vondt i ryggen og i nakken, og det verker mer om kvelden dag ${turn + 1}.`,
      ]);
      chatter.push(['lege', 'Ja, jeg forstår at det er plagsomt, fortell mer om smertene.']);
    }
    const { value } = draftNote(
      transcript([['lege', 'Hei, det er legen som ringer deg på telefon.'], ...chatter]),
      { language: 'nb', setting: 'telefon' },
    );
    expect(value.text).toMatch(/Telefonkonsultasjon\./u);
  });
});
