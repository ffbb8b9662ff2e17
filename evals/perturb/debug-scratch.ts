import { verifyNote, parseNoteText } from '@kollega/clinical';
import { loadNorwegianCases } from './datasets';
const [id, text] = [process.argv[2]!, process.argv[3]!];
const c = loadNorwegianCases('/work/shared/data/nb-dev/consultations.jsonl').find((x) => x.id === id)!;
const note = parseNoteText(`Aktuelt: ${text}`, { language: 'nb', template: 'fastlege' });
const r = verifyNote(c.transcript, note);
for (const s of r.statements) console.log(s.support, s.text, s.reasons);
