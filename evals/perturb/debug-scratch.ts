import { verifyNote, parseNoteText } from '@kollega/clinical';
const t = { segments: [
  { id: 's1', speaker: 'lege' as const, text: 'Hva gjelder det?' },
  { id: 's2', speaker: 'pasient' as const, text: 'Jeg har vondt i kneet etter fotball.' },
  { id: 's3', speaker: 'lege' as const, text: 'Ibux kan gi magesmerter og halsbrann hvis du tar det lenge.' } ] };
const r = verifyNote(t, parseNoteText('Aktuelt: Magesmerter og halsbrann.', { language: 'nb' }));
console.log(JSON.stringify(r.statements, null, 1));
import { lexiconFor } from '../../packages/clinical/src/verifier/text-analysis';
import { indexTranscript } from '../../packages/clinical/src/verifier/transcript-index';
const idx = indexTranscript(t, lexiconFor('nb'));
for (const u of idx.units) console.log(u.segmentId, u.hypothetical, u.plan, u.isQuestion, u.tokens.map((x) => x.canonical).join(' '));
