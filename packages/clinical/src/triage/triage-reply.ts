import type { Language, TriageCategory, TriageUrgency } from '@kollega/domain';
import type { TriageReplyTopic } from './triage-rules';

/** What the suggested reply depends on. */
export interface ReplyContext {
  urgency: TriageUrgency;
  category: TriageCategory;
  language: Language;
  topics: ReadonlySet<TriageReplyTopic>;
}

/**
 * Phone numbers in replies: 113 (medical emergency), 116117 (legevakt), 116 123 (Mental Helse's helpline)
 * and 22 59 13 00 (Giftinformasjonen). 113 and 116117 are from norwegian-domain.md §3 [V]; the last two are
 * general knowledge [GK] and must be checked before release.
 */
const TEXT = {
  nb: {
    emergency: 'Ring 113 nå. Det du beskriver kan være alvorlig og trenger hjelp med en gang.',
    emergencyMentalHealth:
      'Ring 113 nå. Det du skriver gjør oss bekymret for at du ikke er trygg, og du skal få hjelp med en gang. Er det noen i nærheten, si fra til dem.',
    emergencyFooter: 'Ikke vent på svar fra legekontoret – meldinger blir ikke lest fortløpende.',
    poison: 'Giftinformasjonen svarer døgnet rundt på 22 59 13 00.',
    sameDay:
      'Dette bør vurderes av lege i dag. Ring legekontoret i dag, eller legevakten på 116117 hvis vi har stengt.',
    sameDayMentalHealth:
      'Takk for at du skriver. Dette vil vi snakke med deg om i dag: ring legekontoret i dag, eller legevakten på 116117 hvis vi har stengt. Blir tankene sterkere eller føler du deg ikke trygg, ring 113. Mental Helses hjelpetelefon 116 123 er åpen hele døgnet. Meldinger blir ikke lest fortløpende.',
    sameDayMedication:
      'Vi behandler reseptforespørselen i dag. Har du ikke fått resepten innen i ettermiddag, ring legekontoret, eller legevakten på 116117 når vi har stengt.',
    sameDayLab:
      'Prøvesvaret bør vurderes av lege i dag, og vi tar kontakt med deg i løpet av dagen. Hører du ikke fra oss, ring legekontoret, eller legevakten på 116117 når vi har stengt.',
    sameDayFooter: 'Meldinger blir ikke lest fortløpende. Ved fare for liv, ring 113.',
    withinWeek:
      'Takk for meldingen. Dette bør en lege se på i løpet av de nærmeste dagene, og vi tar kontakt for å avtale time.',
    withinWeekSickLeave:
      'Takk for meldingen. Vi tar kontakt for å avtale en time før sykmeldingen går ut, slik at legen kan vurdere den videre.',
    withinWeekFooter:
      'Meldinger blir ikke lest fortløpende. Blir du verre før det, ring legekontoret eller legevakten på 116117. Ved fare for liv, ring 113.',
    routine: {
      klinisk: 'Takk for meldingen. Vi tar kontakt for å avtale en vanlig time.',
      resept: 'Takk for meldingen. Vi behandler reseptforespørselen så snart vi kan.',
      sykmelding: 'Takk for meldingen. Vi ser på saken om sykmeldingen og svarer deg så snart vi kan.',
      prøvesvar: 'Takk for meldingen. Legen ser på prøvesvaret og svarer deg så snart som mulig.',
      administrativ: 'Takk for meldingen. Vi svarer deg så snart vi kan.',
    } satisfies Record<TriageCategory, string>,
    footer:
      'Meldinger blir ikke lest fortløpende. Blir du plutselig dårligere, ring legevakten på 116117, og ved fare for liv 113.',
  },
  en: {
    emergency:
      'Call 113 now (medical emergency number). What you describe may be serious and needs help right away.',
    emergencyMentalHealth:
      'Call 113 now (medical emergency number). What you write makes us worried that you are not safe, and you should get help right away. If someone is nearby, tell them.',
    emergencyFooter: 'Do not wait for a reply from the surgery – messages are not read continuously.',
    poison: 'The Norwegian Poison Information Centre answers day and night on 22 59 13 00.',
    sameDay:
      'This should be assessed by a doctor today. Call the surgery today, or the out-of-hours service (legevakt) on 116117 if we are closed.',
    sameDayMentalHealth:
      'Thank you for writing. We want to talk with you today: call the surgery today, or the out-of-hours service on 116117 if we are closed. If the thoughts get stronger or you do not feel safe, call 113. The Mental Helse helpline 116 123 is open day and night. Messages are not read continuously.',
    sameDayMedication:
      'We will handle your prescription request today. If you have not received it by this afternoon, call the surgery, or the out-of-hours service on 116117 when we are closed.',
    sameDayLab:
      'Your test result should be assessed by a doctor today, and we will contact you during the day. If you do not hear from us, call the surgery, or the out-of-hours service on 116117 when we are closed.',
    sameDayFooter: 'Messages are not read continuously. In an emergency, call 113.',
    withinWeek:
      'Thank you for your message. A doctor should see you within the next few days, and we will contact you to book an appointment.',
    withinWeekSickLeave:
      'Thank you for your message. We will contact you to book an appointment before your sick leave ends so the doctor can assess it.',
    withinWeekFooter:
      'Messages are not read continuously. If you get worse before then, call the surgery or the out-of-hours service on 116117. In an emergency, call 113.',
    routine: {
      klinisk: 'Thank you for your message. We will contact you to book an ordinary appointment.',
      resept: 'Thank you for your message. We will handle your prescription request as soon as we can.',
      sykmelding:
        'Thank you for your message. We will look at your sick-leave question and reply as soon as we can.',
      prøvesvar:
        'Thank you for your message. The doctor will look at your test result and reply as soon as possible.',
      administrativ: 'Thank you for your message. We will reply as soon as we can.',
    } satisfies Record<TriageCategory, string>,
    footer:
      'Messages are not read continuously. If you suddenly get worse, call the out-of-hours service on 116117, and 113 in an emergency.',
  },
} as const;

/** Writes the suggested reply to the patient; for `akutt` it starts with "Ring 113 nå" / "Call 113 now". */
export function composeTriageReply(context: ReplyContext): string {
  const text = TEXT[context.language];
  const poison = context.topics.has('poisoning') ? [text.poison] : [];
  switch (context.urgency) {
    case 'akutt':
      return [
        context.topics.has('mental_health') ? text.emergencyMentalHealth : text.emergency,
        text.emergencyFooter,
        ...poison,
      ].join(' ');
    case 'samme_dag': {
      if (context.topics.has('mental_health')) return text.sameDayMentalHealth;
      let main: string = text.sameDay;
      if (context.category === 'resept' && context.topics.has('medication')) main = text.sameDayMedication;
      else if (context.category === 'prøvesvar' && context.topics.has('lab_result')) main = text.sameDayLab;
      return [main, ...poison, text.sameDayFooter].join(' ');
    }
    case 'innen_uke':
      return [
        context.category === 'sykmelding' && context.topics.has('sick_leave')
          ? text.withinWeekSickLeave
          : text.withinWeek,
        text.withinWeekFooter,
      ].join(' ');
    case 'rutine':
      return [text.routine[context.category], text.footer].join(' ');
  }
}
