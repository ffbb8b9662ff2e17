/**
 * Dropped and added negations (synthetic consultations): a positive claim the conversation says only under a close
 * negation, double negation, conditions of advice, negations after the verb, the polarity of the aligned sentence,
 * narrow negations ("manglende"), allergies, negated advice in a plan, and the earlier guards for positive
 * examination findings and uncertainty.
 */
import { describe, expect, it } from 'vitest';
import { analyseTokens, lexiconFor } from './text-analysis';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a positive claim said only under a negation', () => {
  const iron = [
    'L: Blodprøvene viser at du har lite jern, så du får jerntabletter.',
    'L: Ta én tablett hver morgen på tom mage.',
    'L: Ikke samtidig med kaffe eller yoghurt, for da tas jernet dårligere opp.',
    'P: Greit, det skal jeg huske.',
  ];

  it('nb: advice that drops the negation ("samtidig med kaffe" against "ikke samtidig med kaffe")', () => {
    const report = verify(
      iron,
      'Tiltak: Jerntablett hver morgen på tom mage; tas samtidig med kaffe.\nJerntablett hver morgen på tom mage; ikke samtidig med kaffe.',
      'nb',
    );
    expect(flagged(check(report, 'Jerntablett hver morgen på tom mage; tas samtidig med kaffe.'))).toBe(true);
    expect(flagged(check(report, 'Jerntablett hver morgen på tom mage; ikke samtidig med kaffe.'))).toBe(
      false,
    );
  });

  it('nb: a negation after the verb ("smørt med sinkkrem, men det hjalp ikke") denies the effect', () => {
    const lines = [
      'R: Han har hatt kløende utslett på armene i en uke.',
      'R: Vi har smørt med sinkkrem, men det hjalp ikke.',
      'L: Da skal jeg se på det.',
    ];
    const report = verify(
      lines,
      'Aktuelt: Smørt med sinkkrem med effekt.\nSmørt med sinkkrem uten effekt.',
      'nb',
    );
    expect(flagged(check(report, 'Smørt med sinkkrem med effekt.'))).toBe(true);
    expect(flagged(check(report, 'Smørt med sinkkrem uten effekt.'))).toBe(false);
  });

  it('nb: two negations cancel ("klarer ikke gå opp bakken uten å hvile")', () => {
    const lines = [
      'L: Hvordan går det med pusten?',
      'P: Jeg klarer ikke gå opp bakken uten å hvile to ganger.',
      'L: Har du hevelse i beina?',
      'P: Litt om kvelden.',
    ];
    const report = verify(lines, 'Aktuelt: Må hvile to ganger i bakken.', 'nb');
    expect(flagged(check(report, 'Må hvile to ganger i bakken.'))).toBe(false);
  });

  it('nb: "og så fikk han …" is a statement, not a question (a fronted adverb inverts a statement)', () => {
    const lines = [
      'L: Hva kan jeg hjelpe dere med i dag?',
      'R: Han var forkjølet i en uke, og så fikk han en liten blemme ved munnen som sprakk.',
      'L: Har han hatt feber eller vondt?',
      'R: Nei, men det klør mye.',
      'L: Jeg ser på huden nå. Ingen blemmer nå, bare tørre skorper rundt munnen.',
    ];
    const report = verify(lines, 'Aktuelt: Startet som blemme ved munnen.', 'nb');
    expect(flagged(check(report, 'Startet som blemme ved munnen.'))).toBe(false);
  });

  it('the condition of advice supposes, it does not claim ("Ny kontakt ved feber" after "Feber? – Nei")', () => {
    const lines = [
      'L: Har du hatt feber?',
      'P: Nei, ingen feber.',
      'L: Hvis du får feber eller blir tungpusten, må du ringe meg.',
      'P: Ja.',
    ];
    const report = verify(lines, 'Tiltak: Ny kontakt ved feber, tungpust eller forverring.', 'nb');
    expect(flagged(check(report, 'Ny kontakt ved feber, tungpust eller forverring.'))).toBe(false);
  });

  it('a condition in parentheses ends with them ("(ev. … ved kvalme), samtidig med kaffe")', () => {
    const report = verify(
      [
        'L: Du får jerntabletter, én hver morgen, eller annenhver dag hvis du blir kvalm.',
        'L: Ikke samtidig med kaffe eller yoghurt.',
        'P: Greit.',
      ],
      'Tiltak: Jerntablett x 1 (ev. annenhver dag ved kvalme), samtidig med kaffe.',
      'nb',
    );
    expect(
      flagged(check(report, 'Jerntablett x 1 (ev. annenhver dag ved kvalme), samtidig med kaffe.')),
    ).toBe(true);
  });

  it('en: a positive claim whose word the conversation only denies ("did not relieve the itching")', () => {
    const lines = [
      'D: Have you tried anything for the rash on your arms?',
      'P: I used some hydrocortisone cream for a week, but the cream did not relieve the itching at all.',
      'D: Okay, let me look at your arms.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe used hydrocortisone cream with relief of the itching.\nShe used hydrocortisone cream without relief of the itching.',
      'en',
    );
    expect(flagged(check(report, 'She used hydrocortisone cream with relief of the itching.'))).toBe(true);
    expect(flagged(check(report, 'She used hydrocortisone cream without relief of the itching.'))).toBe(
      false,
    );
  });
});

describe('verifyNote: the polarity of the aligned sentence', () => {
  it('nb: a statement of fact that denies one of the clause\'s own words ("… har tørket inn og ikke væsker")', () => {
    const lines = [
      'L: Han har fått brennkopper rundt munnen, det er en smittsom hudinfeksjon.',
      'L: Han bør være hjemme fra barnehagen til sårene har tørket inn og ikke væsker lenger.',
      'R: Skjønner, da holder vi ham hjemme.',
    ];
    const report = verify(
      lines,
      'Tiltak: Hjemme fra barnehagen til sårene er inntørket og væsker.\nHjemme fra barnehagen til sårene er inntørket og ikke væsker.',
      'nb',
    );
    expect(flagged(check(report, 'Hjemme fra barnehagen til sårene er inntørket og væsker.'))).toBe(true);
    expect(flagged(check(report, 'Hjemme fra barnehagen til sårene er inntørket og ikke væsker.'))).toBe(
      false,
    );
  });

  it('nb: "manglende" negates its own noun, not the rest of a list', () => {
    const lines = [
      'L: Det er en ørebetennelse, og den går oftest over av seg selv.',
      'L: Hvis hun ikke er bedre om tre dager, eller hun får høy feber, eller det begynner å renne fra øret, må dere ringe.',
      'R: Det skal vi gjøre.',
    ];
    const report = verify(
      lines,
      'Tiltak: Ny kontakt ved manglende bedring innen 3 d, høy feber eller renning fra øret.',
      'nb',
    );
    expect(
      flagged(check(report, 'Ny kontakt ved manglende bedring innen 3 d, høy feber eller renning fra øret.')),
    ).toBe(false);
  });

  it('nb: an allergy is documented by what must be avoided ("skal du ikke ha penicillin")', () => {
    const lines = [
      'L: Du fikk en kraftig allergisk reaksjon med elveblest etter en antibiotikakur som barn, sier du?',
      'P: Ja, over hele kroppen, og jeg hovnet opp i ansiktet.',
      'L: Med den reaksjonen skal du ikke ha penicillin igjen.',
    ];
    const report = verify(lines, 'Aktuelt: Penicillinallergi (straksreaksjon med elveblest).', 'nb');
    expect(flagged(check(report, 'Penicillinallergi (straksreaksjon med elveblest).'))).toBe(false);
  });

  it('nb: a plan that negates the advice given ("Ingen paracetamol" against "ta paracetamol mot smertene")', () => {
    const lines = [
      'L: Det er et virus, så antibiotika hjelper ikke mot halsvondten.',
      'L: Det som hjelper, er å drikke godt og ta paracetamol, ett gram inntil fire ganger daglig, mot smertene, og halstabletter.',
      'P: Takk, det skal jeg gjøre.',
    ];
    const report = verify(
      lines,
      'Tiltak: Symptomatisk: ingen paracetamol 1 g inntil x 4, halstabletter.\nSymptomatisk: paracetamol 1 g inntil x 4, halstabletter.',
      'nb',
    );
    expect(flagged(check(report, 'Symptomatisk: ingen paracetamol 1 g inntil x 4, halstabletter.'))).toBe(
      true,
    );
    expect(flagged(check(report, 'Symptomatisk: paracetamol 1 g inntil x 4, halstabletter.'))).toBe(false);
  });
});

describe('verifyNote: the reach of a negation', () => {
  it('nb: a negation two meaning words away is not the word\'s own ("ikke sovet pga hosten")', () => {
    const lines = [
      'L: Hva kan jeg hjelpe deg med?',
      'P: Jeg har ikke sovet pga hosten, den har vart i en uke.',
      'L: Har du hatt feber?',
      'P: Nei.',
    ];
    const report = verify(lines, 'Aktuelt: Hoste i en uke.', 'nb');
    expect(flagged(check(report, 'Hoste i en uke.'))).toBe(false);
  });

  it('nb: the condition of advice is not checked against what the patient denies ("Ny kontakt ved feber")', () => {
    const lines = [
      'L: Du har vondt i halsen og er tett i nesen. Har du hatt feber?',
      'P: Nei, ingen feber.',
      'L: Det er en vanlig forkjølelse. Ring meg hvis det blir verre.',
      'P: Ja, takk.',
    ];
    const report = verify(lines, 'Tiltak: Ny kontakt ved feber eller forverring.', 'nb');
    expect(flagged(check(report, 'Ny kontakt ved feber eller forverring.'))).toBe(false);
  });

  it('nb: an allergy is not contradicted by the drug to avoid ("skal du ikke ha penicillin")', () => {
    const lines = [
      'L: Du fikk en kraftig allergisk reaksjon med elveblest over hele kroppen som barn, sier du?',
      'P: Ja, og jeg hovnet opp i ansiktet. Det var etter en kur mot ørebetennelse.',
      'L: Med den reaksjonen skal du ikke ha penicillin igjen.',
    ];
    const report = verify(lines, 'Aktuelt: Allergi mot penicillin (elveblest).', 'nb');
    expect(flagged(check(report, 'Allergi mot penicillin (elveblest).'))).toBe(false);
  });

  it('nb: a plan that negates a drug the doctor advised ("Ingen paracetamol" against "Du tar Paracet mot smertene")', () => {
    const lines = [
      'L: Det er et virus, så antibiotika hjelper ikke mot halsvondten.',
      'L: Du tar Paracet mot smertene, drikker godt og hviler stemmen i noen dager.',
      'P: Takk, det skal jeg gjøre.',
    ];
    const report = verify(
      lines,
      'Tiltak: Ingen paracetamol, drikke godt, stemmehvile.\nParacetamol, drikke godt, stemmehvile.',
      'nb',
    );
    expect(flagged(check(report, 'Ingen paracetamol, drikke godt, stemmehvile.'))).toBe(true);
    expect(flagged(check(report, 'Paracetamol, drikke godt, stemmehvile.'))).toBe(false);
  });
});

describe('verifyNote: words that carry no finding of their own', () => {
  it('en: "experiencing", "findings" and "able" denied elsewhere do not deny the claim', () => {
    const cough = [
      'D: How has the cough been since the radiation treatment?',
      'P: It is a dry cough, it comes and goes, mostly at night.',
      'D: The radiation is what is causing that cough, I know you are not experiencing it much now, but it can last for weeks.',
    ];
    expect(
      flagged(
        check(
          verify(cough, 'ASSESSMENT\nThe patient is experiencing a dry cough.', 'en'),
          'The patient is experiencing a dry cough.',
        ),
      ),
    ).toBe(false);
    const colonoscopy = [
      'D: When was your last colonoscopy?',
      'P: About five years ago, they found two small benign polyps.',
      'D: Good. And today your physical exam is normal without any significant findings.',
    ];
    const findings = 'She had a colonoscopy 5 years ago with benign findings.';
    expect(
      flagged(check(verify(colonoscopy, `HISTORY OF PRESENT ILLNESS\n${findings}`, 'en'), findings)),
    ).toBe(false);
    const knee = [
      'D: How is your knee after the fall?',
      'P: It still hurts, but I can put weight on it and walk the dog.',
      'D: We would not be able to see a tear on an x-ray, so we will get an MRI of the knee.',
    ];
    const able = 'She is able to put weight on the knee and walk.';
    expect(flagged(check(verify(knee, `HISTORY OF PRESENT ILLNESS\n${able}`, 'en'), able))).toBe(false);
  });
});

describe('verifyNote: earlier guards, isolated', () => {
  it('nb: a positive examination finding the doctor said only as absent is unsupported ("ingen tydelig rød flekk")', () => {
    const lines = [
      'L: Hva kan jeg hjelpe deg med i dag?',
      'P: Jeg ble stukket av noe på leggen i helgen, og det klør veldig.',
      'L: Da skal jeg se. Jeg ser ingen tydelig rød flekk der.',
      'P: Så bra.',
    ];
    const report = verify(lines, 'Undersøkelse: Flekk på leggen etter insektstikk i hagen.', 'nb');
    expect(check(report, 'Flekk på leggen etter insektstikk i hagen.').support).toBe('unsupported');
  });

  it('uncertainty ("not sure whether", "ikke sikker på om") is neither asserted nor denied', () => {
    const english = [
      'D: Where do you think the rash came from?',
      'P: I think the rash came from the new washing powder we bought last week.',
      'D: Okay, let me take a look at it.',
    ];
    const claim = 'She is not sure the rash came from the new washing powder.';
    expect(flagged(check(verify(english, `HISTORY OF PRESENT ILLNESS\n${claim}`, 'en'), claim))).toBe(false);
    const norwegian = [
      'L: Hvor tror du utslettet kommer fra?',
      'P: Kanskje utslettet kommer fra det nye vaskepulveret, eller fra katten.',
      'L: Da skal jeg se på det.',
    ];
    const norwegianClaim = 'Er ikke sikker på om utslettet kommer fra det nye vaskepulveret.';
    expect(flagged(check(verify(norwegian, `Aktuelt: ${norwegianClaim}`, 'nb'), norwegianClaim))).toBe(false);
  });
});

describe("verifyNote: which side mentions are the clause's side", () => {
  const trauma = 'Vridningstraume h. kne på fotballtrening for 10 d siden.';

  it('nb: a relative\'s side is not the patient\'s ("pappa fikk nytt høyre kne")', () => {
    const lines = [
      'L: Hva kan jeg hjelpe deg med?',
      'P: Jeg vred kneet på fotballtrening for ti dager siden.',
      'L: Har du hatt feber eller vært syk ellers?',
      'P: Nei, jeg har vært frisk.',
      'L: Bruker du noen medisiner fast?',
      'P: Nei, ingen medisiner.',
      'L: Har noen i familien kneproblemer?',
      'P: Pappa fikk nytt høyre kne i fjor.',
      'L: Da undersøker jeg deg. Jeg sammenligner med høyre kne.',
      'L: Venstre kne: lett hevelse på innsiden.',
      'L: Høyre kne bøyer til 140, det andre til 120.',
      'L: Det er nok en meniskskade i venstre kne.',
      'P: Det er venstre kne som er vondt, ja.',
    ];
    expect(check(verify(lines, `Aktuelt: ${trauma}`, 'nb'), trauma).support).toBe('contradicted');
  });

  it('nb: the side compared with is not the side examined, and a clear majority decides the side of a body site', () => {
    const lines = [
      'L: Hva kan jeg hjelpe deg med?',
      'P: Jeg vred kneet på fotballtrening for ti dager siden.',
      'L: Har du hatt feber eller vært syk ellers?',
      'P: Nei, jeg har vært frisk.',
      'L: Bruker du noen medisiner fast?',
      'P: Nei, ingen medisiner.',
      'L: Da undersøker jeg deg nå.',
      'L: Jeg sammenligner med høyre kne.',
      'L: Høyre kne bøyer til 140, det andre til 120.',
      'L: Det er en meniskskade i venstre kne.',
      'P: Ja, det er venstre kne som er vondt.',
      'L: Venstre kne er litt hovent på innsiden.',
    ];
    expect(check(verify(lines, `Aktuelt: ${trauma}`, 'nb'), trauma).support).toBe('contradicted');
  });

  it('en: a side belongs to its own body site ("that left wrist" is not the side of the elbow said with it)', () => {
    const lines = [
      'D: So what happened?',
      'P: I fell on my right elbow last week, it is swollen.',
      'D: Any fever or chills since then?',
      'P: No, nothing like that.',
      'D: Do you take any medicines?',
      'P: Just vitamins.',
      'D: You have pain with flexion of that left wrist, and I reviewed the x-ray of your elbow.',
      'D: It shows no fracture.',
    ];
    const report = verify(
      lines,
      'RESULTS\nX-ray of the left elbow was reviewed.\nX-ray of the right elbow was reviewed.',
      'en',
    );
    expect(flagged(check(report, 'X-ray of the left elbow was reviewed.'))).toBe(true);
    expect(flagged(check(report, 'X-ray of the right elbow was reviewed.'))).toBe(false);
  });
});

describe('verifyNote: a word denied where the clause is said', () => {
  it('en: a weak word can carry the claim ("with relief" against "it does not seem to help")', () => {
    const lines = [
      'D: What have you tried for the ankle?',
      'P: I have been putting ice on my ankle and taking ibuprofen, but it does not seem to help much.',
      'D: Okay, so ice and ibuprofen for the ankle since the fall on Sunday.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has been applying ice and taking ibuprofen with relief.\nShe has been applying ice and taking ibuprofen without relief.',
      'en',
    );
    expect(flagged(check(report, 'She has been applying ice and taking ibuprofen with relief.'))).toBe(true);
    expect(flagged(check(report, 'She has been applying ice and taking ibuprofen without relief.'))).toBe(
      false,
    );
  });
});

describe('verifyNote: "sår" is a wound, and sore only as a predicate', () => {
  it('nb: a wound on the feet is not supported by "ingen sår"', () => {
    const lines = [
      'L: Hvordan går det med diabetesen?',
      'P: Bra, sukkeret er fint, men jeg er litt nummen i tærne.',
      'L: Jeg vil sjekke føttene dine. Jeg kjenner pulsen på begge føttene. Huden er fin, ingen sår.',
    ];
    const report = verify(
      lines,
      'Undersøkelse: Føtter: palpable fotpulser, sår på føttene.\nFøtter: palpable fotpulser, ingen sår.',
      'nb',
    );
    expect(flagged(check(report, 'Føtter: palpable fotpulser, sår på føttene.'))).toBe(true);
    expect(flagged(check(report, 'Føtter: palpable fotpulser, ingen sår.'))).toBe(false);
  });

  it('nb: "armen er sår" is pain ("vondt i armen")', () => {
    const lines = [
      'L: Hva plager deg i dag?',
      'P: Jeg har så vondt i armen etter vaksinen, det har vart i to dager.',
      'L: Har du hatt feber?',
      'P: Nei, ingen feber.',
    ];
    expect(
      check(verify(lines, 'Aktuelt: Armen er sår etter vaksinen.', 'nb'), 'Armen er sår etter vaksinen.')
        .support,
    ).toBe('supported');
  });
});

describe('verifyNote (nb): quotations and reported side effects', () => {
  it('a quotation keeps the negation of the words it quotes («vil leve lenger» against "ikke vil leve lenger")', () => {
    const lines = [
      'L: Hvordan har du det om kveldene nå?',
      'P: Det er tungt. Av og til tenker jeg at jeg ikke vil leve lenger.',
      'L: Har du lagt noen planer om å gjøre deg noe?',
      'P: Nei, det kunne jeg aldri gjort mot familien.',
      'L: Hvordan sover du om natta?',
      'P: Jeg sovner sent og våkner tidlig.',
    ];
    const report = verify(
      lines,
      'Aktuelt: Tunge kvelder («vil leve lenger»), ingen planer.\nTunge kvelder («ikke vil leve lenger»), ingen planer.',
      'nb',
    );
    expect(check(report, 'Tunge kvelder («vil leve lenger»), ingen planer.').support).toBe('contradicted');
    expect(flagged(check(report, 'Tunge kvelder («ikke vil leve lenger»), ingen planer.'))).toBe(false);
  });

  it('side effects claimed where the patient only asked about them ("god effekt … med bivirkninger")', () => {
    const lines = [
      'L: Du tar fortsatt blodtrykkstablettene, amlodipin fem milligram hver morgen?',
      'P: Ja, hver eneste morgen. Er det noen bivirkninger av dem jeg bør vite om?',
      'L: Noen får hovne ankler. Har du merket det, eller hodepine?',
      'P: Nei, ikke noe av det.',
      'L: Blodtrykket er fint i dag, 128 over 80, så de virker godt.',
      'P: Så bra.',
    ];
    const report = verify(
      lines,
      'Aktuelt: God effekt av amlodipin med bivirkninger.\nGod effekt av amlodipin uten bivirkninger.',
      'nb',
    );
    expect(flagged(check(report, 'God effekt av amlodipin med bivirkninger.'))).toBe(true);
    expect(flagged(check(report, 'God effekt av amlodipin uten bivirkninger.'))).toBe(false);
  });

  it('side effects the patient reports are supported ("jeg har fått bivirkninger av den")', () => {
    const lines = [
      'L: Hvordan går det med metforminen du startet på?',
      'P: Jeg har fått bivirkninger av den, jeg er kvalm hele dagen.',
      'L: Hvor lenge har du vært kvalm, og kaster du opp?',
      'P: I to uker, men jeg har ikke kastet opp.',
      'L: Da prøver vi en lavere dose en stund og ser om kvalmen gir seg.',
      'P: Greit, takk.',
    ];
    const report = verify(lines, 'Aktuelt: Bivirkninger av metformin.', 'nb');
    expect(flagged(check(report, 'Bivirkninger av metformin.'))).toBe(false);
  });
});

describe('verifyNote (nb): advice with negated items in a row', () => {
  const lines = [
    'L: Du får en kur med tabletter mot infeksjonen, to ganger daglig i en uke.',
    'L: Svelg kapselen med mye vann, ikke rett før du legger deg, og ikke sammen med jerntilskudd.',
    'P: Skal jeg ta den til maten da?',
    'L: Ja, gjerne sammen med frokost og middag.',
  ];

  it('"ved sengetid" against "ikke rett før du legger deg" (bedtime said in lay words)', () => {
    const report = verify(
      lines,
      'Tiltak: Tas med mye vann, ved sengetid.\nTas med mye vann, ikke ved sengetid.',
      'nb',
    );
    expect(flagged(check(report, 'Tas med mye vann, ved sengetid.'))).toBe(true);
    expect(flagged(check(report, 'Tas med mye vann, ikke ved sengetid.'))).toBe(false);
  });

  it('the next item\'s negation ("…, og ikke i liggende") does not cancel the one before', () => {
    const report = verify(
      [
        ...lines.slice(0, 1),
        'L: Ta tablettene sittende, ikke sammen med jerntilskudd, og ikke rett etter at du har spist.',
        ...lines.slice(2),
      ],
      'Tiltak: Tas med mye vann, sammen med jerntilskudd.\nTas med mye vann, ikke sammen med jerntilskudd.',
      'nb',
    );
    expect(flagged(check(report, 'Tas med mye vann, sammen med jerntilskudd.'))).toBe(true);
    expect(flagged(check(report, 'Tas med mye vann, ikke sammen med jerntilskudd.'))).toBe(false);
  });
});

describe('verifyNote (nb): a positive frame of evidence ("holdepunkt for", "tegn til")', () => {
  const lines = [
    'L: Du har hatt sukkersyke i ti år nå. Kjenner du nummenhet eller prikking i beina?',
    'P: Nei, det gjør jeg ikke.',
    'L: Jeg tester følelsen under føttene med denne tråden. Det kjenner du fint på begge sider.',
    'L: Langtidsblodsukkeret er litt for høyt, så vi øker dosen.',
    'P: Greit.',
  ];

  it('"Holdepunkt for nevropati" where its signs were asked about and denied', () => {
    const report = verify(
      lines,
      'Vurdering: Holdepunkt for nevropati.\nIkke holdepunkt for nevropati.',
      'nb',
    );
    expect(flagged(check(report, 'Holdepunkt for nevropati.'))).toBe(true);
    expect(flagged(check(report, 'Ikke holdepunkt for nevropati.'))).toBe(false);
  });
});

describe('verifyNote (nb): an answer that repeats the verb with a negation after it', () => {
  it('"Bruker du smertestillende? Kan du gå normalt?" – "Jeg bruker ingenting" denies the painkillers', () => {
    const lines = [
      'L: Du har hatt vondt i ryggen i fire dager, sier du. Bruker du smertestillende? Kan du gå normalt?',
      'P: Jeg bruker ingenting. Men jeg halter litt når jeg går.',
      'L: Da kan du ta paracetamol ved behov, og holde deg i aktivitet.',
      'P: Greit, takk skal du ha.',
    ];
    const report = verify(
      lines,
      'Aktuelt: Bruker smertestillende, halter.\nBruker ikke smertestillende, halter.',
      'nb',
    );
    expect(flagged(check(report, 'Bruker smertestillende, halter.'))).toBe(true);
    expect(flagged(check(report, 'Bruker ikke smertestillende, halter.'))).toBe(false);
  });
});

describe('lexicon (nb): "bruker" (uses) is not "brukket" (broken)', () => {
  it('"bruker" keeps its own meaning; "brukket" still means a fracture', () => {
    const compiled = lexiconFor('nb');
    const canonical = (text: string): string =>
      analyseTokens(text, compiled, { note: false })[0]?.canonical ?? '';
    expect(canonical('bruker')).not.toBe(canonical('brudd'));
    expect(canonical('brukket')).toBe(canonical('brudd'));
  });
});

describe('verifyNote (nb): more instances than the ones talked about ("andre", "flere")', () => {
  it('"Andre utslett" against "ingen andre utslett" (the rash examined does not support others)', () => {
    const lines = [
      'L: Hva kan jeg hjelpe deg med i dag?',
      'P: Jeg har et utslett på armen som klør, men det gjør ikke vondt.',
      'L: Da skal jeg se på det. Utslettet er rødt og skjellende, fire centimeter.',
      'L: Jeg ser over resten av huden også. Ingen andre utslett.',
      'P: Så det er bare det ene?',
      'L: Ja, og det smører vi med en krem i to uker.',
    ];
    const report = verify(lines, 'Funn: Andre utslett.\nIngen andre utslett.', 'nb');
    expect(flagged(check(report, 'Andre utslett.'))).toBe(true);
    expect(flagged(check(report, 'Ingen andre utslett.'))).toBe(false);
  });
});

describe('verifyNote (nb): a site written as a clause of its own', () => {
  it('"Ømhet over ytre ankelknoke, medialt" against "ingen ømhet medialt"', () => {
    const lines = [
      'L: Hva har skjedd med foten?',
      'P: Jeg vrikket ankelen i trappa i går, og det gjør vondt når jeg går.',
      'L: Jeg kjenner her på utsiden. Ømhet over ytre ankelknoke. Og på innsiden?',
      'P: Nei, det kjennes ikke der.',
      'L: Ingen ømhet medialt. Leddbåndene er stabile både medialt og lateralt.',
      'P: Så jeg trenger ikke røntgen?',
    ];
    const report = verify(
      lines,
      'Funn: Ømhet over ytre ankelknoke, medialt.\nØmhet over ytre ankelknoke, ikke medialt.',
      'nb',
    );
    expect(flagged(check(report, 'Ømhet over ytre ankelknoke, medialt.'))).toBe(true);
    expect(flagged(check(report, 'Ømhet over ytre ankelknoke, ikke medialt.'))).toBe(false);
  });
});
