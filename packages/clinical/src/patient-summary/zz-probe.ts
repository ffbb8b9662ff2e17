import { triageMessage } from '../triage/index';
for (const text of ['Vondt i halsen i tre dager', 'Jeg har sterke brystsmerter og er kaldsvett', 'vondt i ryggen, nummen i skrittet og får ikke tisset', 'I have chest pain and cannot breathe', 'Svie når jeg tisser']) {
  const r = triageMessage(text);
  console.log(r.urgency, r.redFlags.map(f=>f.rule+':'+f.description), '|', r.reply.slice(0,200));
}
