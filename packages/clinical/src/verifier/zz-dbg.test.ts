import { it } from 'vitest';
import { transcriptOf } from '/tmp/wt-r3-nb/packages/clinical/src/verifier/verifier-test-kit';
import { verifyNote } from '/tmp/wt-r3-nb/packages/clinical/src/verifier/verify-note';
import { parseNoteText } from '/tmp/wt-r3-nb/packages/clinical/src/verifier/parse-note-text';
const verify = (l: string[], n: string, lang: 'nb') => verifyNote(transcriptOf(l), parseNoteText(n, { language: lang }), { language: lang, trace: true });
it('dbg', () => {
  const cases: Array<[string[], string]> = [
    [['L: Hvordan har du det om morgenene nå?','P: Det er tungt. Noen dager tenker jeg at jeg orker ikke stå opp i det hele tatt.','L: Har du sluttet med noe du likte å gjøre før?','P: Ja, jeg går ikke på koret lenger, jeg orker ikke folk.', 'L: Hvordan sover du om natta?', 'P: Jeg sovner sent og våkner tidlig.'],
     'Aktuelt: Tungt om morgenen («orker stå opp»), sluttet i koret.\nTungt om morgenen («orker ikke stå opp»), sluttet i koret.'],
    [['L: Du tar fortsatt blodtrykkstablettene, amlodipin fem milligram hver morgen?','P: Ja, hver eneste morgen.','L: Hovne ankler, hodepine eller rødme i ansiktet?','P: Nei, ikke noe av det.','L: Blodtrykket er fint i dag, 128 over 80.', 'P: Så bra.'],
     'Aktuelt: Tar amlodipin 5 mg hver morgen, med bivirkninger.\nTar amlodipin 5 mg hver morgen, uten bivirkninger.'],
  ];
  for (const [l, n] of cases) for (const s of verify(l, n, 'nb', ).statements) console.log(s.text, s.support, s.reasons);
});
