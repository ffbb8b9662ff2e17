import type { LanguageLexicon } from './lexicon-types';
import { rules } from './rewrite';

/**
 * English language pack: spoken clinic English → clinic-note English. The patient's first person
 * becomes the third person through placeholders (⟨P⟩ subject, ⟨Poss⟩ possessive, ⟨Obj⟩ object)
 * that the writer fills with "she/he/the patient". Vocabulary is general outpatient vocabulary.
 */

const CLINICAL_STEMS = `
pain ache hurt sore tender swell swollen swelling numb tingl burn itch rash lesion wound bruis bleed blood
headache migraine dizz lighthead vertigo nause vomit diarrh constipat stool bowel abdom stomach belly bloat
fever chill sweat temperature cough sputum phlegm congest runny nose sneez throat hoarse voice swallow
ear hearing eye vision blurr chest breath short wheez palpitat heart pulse racing
back neck shoulder arm elbow wrist hand finger thumb hip thigh knee leg calf ankle foot feet toe heel joint
fatigue tired exhaust energy sleep insomnia snor weight appetite thirst urinat urine pee bladder kidney
depress anxi stress mood panic suicid
allerg react medic medication pill tablet dose mg milligram prescri refill inhaler insulin
smok cigarette alcohol drink beer wine drug marijuana vape
diabet sugar a1c glucose cholesterol pressure hypertens asthma copd cancer tumor stroke infarct attack
surgery operat fracture broke injur fell fall accident sprain strain tear torn
infection inflam virus bacteria antibiot strep flu covid pneumon bronch sinus
pregnan period menstru contracept
x-ray xray mri ct scan ultrasound echo ekg ecg lab labs bloodwork biopsy
exam tender range motion strength reflex sensation murmur rales crackl clear effusion edema erythema
therap physical therapy brace splint cast injection shot
diagnos referr refer specialist
`;

/** The English lexicon. */
export const EN_LEXICON: LanguageLexicon = {
  language: 'en',
  clinicalStems: CLINICAL_STEMS.split(/\s+/).filter((stem) => stem.length > 0),
  bloodRelatives:
    'mother|mom|mum|father|dad|brother|brothers|sister|sisters|siblings|daughter|son|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|parents|kids|children|child',
  otherPeople:
    'wife|husband|partner|boyfriend|girlfriend|friend|friends|coworker|colleague|neighbor|boss|roommate',
  firstPerson: 'i|me|my|mine|myself|we|us|our',
  thirdPersonPronouns: 'he|she|him|her|his|hers|they|them|their',
  secondPerson: 'you|your|yours|yourself',
  answerYes:
    "yes|yeah|yep|yup|uh-huh|mm-hmm|mhmm|correct|right|i do|i have|i did|i am|sure|definitely|absolutely|that's right|that's correct",
  answerNo:
    "no|nope|nah|not really|never|none|nothing|i don't|i do n't|i haven't|i have n't|i didn't|i did n't|not that i know|not that i've noticed",
  answerUnsure:
    "i'm not sure|not sure|i don't know|i do n't know|maybe|possibly|i can't remember|i don't remember|kind of|sort of",
  fillers: rules([
    ['u+h+m*|u+m+|h+m+|mm+|mm-hmm|uh-huh|er+m*|ah+', ''],
    [
      'you know|i mean|like,|kinda|kind of|sort of|sorta|basically|actually|literally|honestly|i guess|you see',
      '',
    ],
    ['okay|ok|alright|all right|so|well|yeah|oh', ''],
    ['really|pretty|very|super|just|totally', ''],
  ]),
  historyRewrites: rules([
    ["i(?:'m| am)", '⟨P⟩ is'],
    ["i(?:'ve| have)", '⟨P⟩ has'],
    ['i was', '⟨P⟩ was'],
    ['i had', '⟨P⟩ had'],
    ["i (?:don't|do n't|do not)", '⟨P⟩ does not'],
    ["i (?:didn't|did n't|did not)", '⟨P⟩ did not'],
    ["i (?:can't|ca n't|cannot|can not)", '⟨P⟩ cannot'],
    ["i (?:haven't|have n't|have not)", '⟨P⟩ has not'],
    ["i (?:wasn't|was n't|was not)", '⟨P⟩ was not'],
    ["i (?:won't|wo n't|will not)", '⟨P⟩ will not'],
    ["i(?:'ll| will)", '⟨P⟩ will'],
    ["i(?:'d| would)", '⟨P⟩ would'],
    ['i (could|should|might|did|do|can|may|must)', '⟨P⟩ $1'],
    ['myself', '⟨Refl⟩'],
    ['my', '⟨Poss⟩'],
    ['mine', '⟨PossPronoun⟩'],
    ['me', '⟨Obj⟩'],
  ]),
  examinationRewrites: rules([
    ['your', ''],
    ["i (?:do )?(?:see|hear|feel|appreciate|notice)(?: that)?(?: there is| there's| some| an| a)?", ''],
    ["i (?:do n't|don't|do not) (?:see|hear|feel|appreciate|notice)(?: any)?", 'no'],
    ['on (?:your )?(?:physical )?exam(?:ination)?,?', ''],
  ]),
  planRewrites: rules([
    ["i(?:'m| am) (?:gon na|gonna|going to)", 'I am going to'],
    ["we(?:'re| are) (?:gon na|gonna|going to)", 'we will'],
    ["let's", 'we will'],
    ["i (?:want|would like|'d like) you to", '⟨P⟩ should'],
    [
      '(?<=(?:call|give|see|tell|send|ask|to|for|with|let|help|get|have|show|put|keep|bring|email|message|refer|schedule|check on|follow up with|examine) )you(?=[\\s.,;!?]|$)',
      '⟨Obj⟩',
    ],
    ['your', '⟨Poss⟩'],
    ['you(?:r)?self', '⟨Refl⟩'],
    ["you(?:'re| are)", '⟨P⟩ is'],
    ["you(?:'ve| have)", '⟨P⟩ has'],
    ['you', '⟨P⟩'],
  ]),
  commonRewrites: rules([
    ['(\\d+(?:\\.\\d+)?) ?(?:milligrams?|mg)', '$1 mg'],
    ['(\\d+(?:\\.\\d+)?) ?(?:micrograms?|mcg)', '$1 mcg'],
    ['(\\d+(?:\\.\\d+)?) ?(?:percent)', '$1%'],
    ['gon na|gonna', 'going to'],
    ['wan na|wanna', 'want to'],
    ['got ta|gotta', 'have to'],
    ["ca n't", 'cannot'],
    ["do n't", 'do not'],
    ["does n't", 'does not'],
    ["did n't", 'did not'],
    ["is n't", 'is not'],
    ["was n't", 'was not'],
    ["have n't", 'have not'],
    ["has n't", 'has not'],
    ["wo n't", 'will not'],
    ["would n't", 'would not'],
    ["could n't", 'could not'],
    ["are n't", 'are not'],
    ["it's", 'it is'],
    ["that's", 'that is'],
    ["there's", 'there is'],
    ["'cause|cuz", 'because'],
  ]),
  questionFrames: [
    '^(?:and |so |okay,? |ok,? |alright,? |all right,? |now,? |um,? |uh,? |great,? |good,? )*',
    '(?:do you|did you|have you|are you|were you|is there|has there|any)(?: ever)?(?: been| had| have| got| noticed| experienced| feel| felt| get| take| use| having| taking| feeling| experiencing)?(?: any| a| some)?',
    '(?:how about|what about)(?: any)?',
    '(?:at all|lately|recently|now|today|or anything like that|or anything)(?=\\?|$)',
  ],
  verbTopics: [
    ['cough', 'cough'],
    ['smoke', 'smoking'],
    ['drink', 'alcohol use'],
  ],
  allergyTopic: 'allerg\\p{L}*',
  noKnownAllergies: 'No known allergies.',
  noKnownDrugAllergies: 'No known drug allergies.',
  drugWordsInQuestion: 'medication|medications|medicine|medicines|drugs|penicillin',
  smallTalk:
    'hello|hi|how are you|good to see you|nice to meet you|thank you|thanks|bye|goodbye|weather|vacation|game|team|basketball|football|baseball|christmas|holiday',
  negativeWord: 'No',
  notWord: 'No',
  nounSymptoms: '.*',
  adjectiveSymptoms: '(?!)',
  uncertaintyPrefix: 'Unsure about',
  familyHistoryPrefix: 'Family history:',
  reportedPrefix: 'Per',
};
