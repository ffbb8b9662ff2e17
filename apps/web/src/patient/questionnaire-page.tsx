import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { Language } from '@kollega/domain';
import { isApiError } from '../api';
import { QUESTIONNAIRE_MESSAGES } from './patient-messages';
import type { QuestionnaireMessages } from './patient-messages';
import { checkQuestionnaire, openQuestionnaire, submitQuestionnaire } from './patient-api';
import type { QuestionnaireAnswers, QuestionnaireDefinition, Urgency, YesNoAnswer } from './patient-api';
import {
  activeModuleIds,
  createEmptyAnswers,
  detectModules,
  fieldElementId,
  moreUrgent,
  urgencyOfAnswers,
  validateAnswers,
} from './questionnaire-logic';
import './patient.css';

type Phase =
  | { name: 'code'; problem?: string }
  | { name: 'loading' }
  | { name: 'form'; token: string; definition: QuestionnaireDefinition; expiresAt: string }
  | { name: 'done'; urgency: Urgency };

function initialLanguage(): Language {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

function describeOpenError(error: unknown, messages: QuestionnaireMessages): string {
  if (!isApiError(error)) return messages.genericError;
  if (error.code === 'network') return messages.networkError;
  if (error.details.reason === 'expired') return messages.expired;
  if (error.details.reason === 'submitted') return messages.alreadySubmitted;
  if (error.status === 404 || error.status === 400) return messages.invalidCode;
  return messages.genericError;
}

/** The "Ring 113" / "contact a doctor today" alert, announced at once (role=alert). */
function RedFlagAlert({
  urgency,
  advice,
  messages,
}: {
  urgency: Urgency;
  advice: string;
  messages: QuestionnaireMessages;
}) {
  return (
    <div className="patient-alert-region" role="alert" aria-atomic="true">
      {urgency !== 'none' && (
        <div
          className={`patient-alert patient-alert-${urgency}`}
          data-testid="red-flag-alert"
          data-urgency={urgency}
        >
          <strong className="patient-alert-title">
            {urgency === 'akutt' ? messages.alertTitleAcute : messages.alertTitleSameDay}
          </strong>
          <p>{advice}</p>
          <p className="patient-alert-actions">
            {urgency === 'samme_dag' && (
              <a className="patient-call" href="tel:116117">
                {messages.call116117}
              </a>
            )}
            <a className="patient-call patient-call-emergency" href="tel:113">
              {messages.call113}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}

/** Props shared by the form fields: label, hint and error wiring for screen readers. */
interface FieldProps {
  field: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  optionalText?: string;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [
    hint === undefined ? undefined : `${id}-hint`,
    error === undefined ? undefined : `${id}-error`,
  ].filter((value): value is string => value !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function FieldHint({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint !== undefined && (
        <p className="patient-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="patient-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

function TextField({
  field,
  label,
  hint,
  error,
  required,
  optionalText,
  value,
  onChange,
  onBlur,
  disabled,
  maxLength,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  disabled?: boolean;
  maxLength: number;
}) {
  const id = fieldElementId(field);
  return (
    <div className={`patient-field${error === undefined ? '' : ' patient-field-invalid'}`}>
      <label htmlFor={id} className="patient-label">
        {label}
        {required === true ? (
          <span aria-hidden="true"> *</span>
        ) : (
          optionalText !== undefined && <span className="patient-optional"> {optionalText}</span>
        )}
      </label>
      <FieldHint
        id={id}
        {...(hint === undefined ? {} : { hint })}
        {...(error === undefined ? {} : { error })}
      />
      <textarea
        id={id}
        name={field}
        rows={3}
        value={value}
        maxLength={maxLength + 100}
        disabled={disabled === true}
        aria-required={required === true ? true : undefined}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        data-testid={`field-${field}`}
      />
    </div>
  );
}

function ChoiceGroup({
  field,
  label,
  hint,
  error,
  options,
  value,
  onChange,
}: FieldProps & {
  options: Array<{ value: string; label: string }>;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = fieldElementId(field);
  const legendId = `${id}-legend`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      role="radiogroup"
      aria-labelledby={legendId}
      aria-required="true"
      aria-invalid={error === undefined ? undefined : true}
      aria-describedby={describedBy(id, hint, error)}
      className={`patient-choices${error === undefined ? '' : ' patient-field-invalid'}`}
      data-testid={`field-${field}`}
    >
      <legend id={legendId} className="patient-label">
        {label}
        <span aria-hidden="true"> *</span>
      </legend>
      <FieldHint
        id={id}
        {...(hint === undefined ? {} : { hint })}
        {...(error === undefined ? {} : { error })}
      />
      <div className="patient-choice-list">
        {options.map((option) => (
          <label key={option.value} className="patient-choice">
            <input
              type="radio"
              name={field}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The code form shown when the page is opened without a token in the link. */
function CodeForm({
  messages,
  problem,
  onOpen,
}: {
  messages: QuestionnaireMessages;
  problem?: string;
  onOpen: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const id = 'q-code';
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') {
      setError(messages.codeMissing);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onOpen(code);
  }
  const shown = error ?? problem;
  return (
    <form className="patient-card" onSubmit={handleSubmit} noValidate aria-labelledby="q-code-heading">
      <h2 id="q-code-heading">{messages.codeHeading}</h2>
      <div className={`patient-field${shown === undefined ? '' : ' patient-field-invalid'}`}>
        <label htmlFor={id} className="patient-label">
          {messages.codeLabel}
        </label>
        <FieldHint id={id} hint={messages.codeHint} {...(shown === undefined ? {} : { error: shown })} />
        <input
          id={id}
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          aria-invalid={shown === undefined ? undefined : true}
          aria-describedby={describedBy(id, messages.codeHint, shown)}
          onChange={(event) => setCode(event.target.value)}
          data-testid="code-input"
        />
      </div>
      <button type="submit" className="patient-button" data-testid="code-submit">
        {messages.codeSubmit}
      </button>
    </form>
  );
}

/**
 * Page `/skjema#TOKEN` (or `/skjema` with a code): the patient's pre-visit questionnaire. Built for phones,
 * Bokmål and English, usable with keyboard and screen reader: every field has a label, its hint and error are
 * tied to it (aria-describedby, aria-invalid), errors are listed at the top with links, and a red-flag answer
 * shows the 113 advice at once (role=alert).
 */
export function QuestionnairePage() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const messages = QUESTIONNAIRE_MESSAGES[language];
  const [phase, setPhase] = useState<Phase>(() =>
    window.location.hash.length > 1 ? { name: 'loading' } : { name: 'code' },
  );
  const [answers, setAnswers] = useState<QuestionnaireAnswers>(createEmptyAnswers);
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [showSummary, setShowSummary] = useState(false);
  const [serverUrgency, setServerUrgency] = useState<Urgency>('none');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const touchedComplaints = useRef(new Set<string>());
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${messages.pageTitle} – Kollega`;
  }, [language, messages.pageTitle]);

  const open = useCallback((token: string) => {
    setPhase({ name: 'loading' });
    openQuestionnaire(token).then(
      (opened) => {
        setLanguage(opened.language);
        setPhase({ name: 'form', token, definition: opened.definition, expiresAt: opened.expiresAt });
      },
      (error: unknown) =>
        setPhase({
          name: 'code',
          problem: describeOpenError(error, QUESTIONNAIRE_MESSAGES[initialLanguage()]),
        }),
    );
  }, []);

  useEffect(() => {
    const token = decodeURIComponent(window.location.hash.slice(1));
    if (token !== '') open(token);
  }, [open]);

  const definition = phase.name === 'form' ? phase.definition : undefined;
  const active = useMemo(
    () => (definition ? activeModuleIds(definition, answers) : []),
    [definition, answers],
  );
  const answerUrgency = definition ? urgencyOfAnswers(definition, answers) : 'none';
  const urgency = phase.name === 'done' ? phase.urgency : moreUrgent(answerUrgency, serverUrgency);
  const advice = definition !== undefined && urgency !== 'none' ? definition.advice[language][urgency] : '';
  const [doneAdvice, setDoneAdvice] = useState('');

  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  /** The question a field error belongs to, so the error list says which answer is missing. */
  function labelFor(current: QuestionnaireDefinition, field: string): string {
    const fixed: Record<string, string> = {
      reason: messages.reasonLabel,
      symptoms: messages.symptomsLabel,
      duration: messages.durationLegend,
      medicines: messages.medicinesLabel,
      allergies: messages.allergiesLabel,
      hopes: messages.hopesLabel,
    };
    const questionId = field.startsWith('followUp.') ? field.slice('followUp.'.length) : undefined;
    const question = current.modules
      .flatMap((module) => module.questions)
      .find((candidate) => candidate.id === questionId);
    return question?.text[language] ?? fixed[field] ?? field;
  }

  function update(change: Partial<QuestionnaireAnswers>) {
    const next = { ...answers, ...change };
    if (definition !== undefined && (change.reason !== undefined || change.symptoms !== undefined)) {
      // A complaint named in the patient's words is ticked for them, unless they changed that box themselves.
      const detected = detectModules(definition, `${next.reason}\n${next.symptoms}`);
      const added = detected.filter(
        (id) => !next.complaints.includes(id) && !touchedComplaints.current.has(id),
      );
      if (added.length > 0) next.complaints = [...next.complaints, ...added];
    }
    setAnswers(next);
    if (errors.length > 0 && definition !== undefined) setErrors(validateAnswers(definition, next, language));
  }

  function toggleComplaint(id: string, checked: boolean) {
    touchedComplaints.current.add(id);
    update({
      complaints: checked ? [...answers.complaints, id] : answers.complaints.filter((value) => value !== id),
    });
  }

  function setFollowUp(questionId: string, value: YesNoAnswer) {
    update({ followUp: { ...answers.followUp, [questionId]: value } });
  }

  function checkFreeText() {
    if (phase.name !== 'form') return;
    if (`${answers.reason}${answers.symptoms}${answers.hopes}`.trim() === '') return;
    checkQuestionnaire(phase.token, language, answers).then(
      (result) => setServerUrgency(result.urgency),
      () => undefined,
    );
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (phase.name !== 'form') return;
    const found = validateAnswers(phase.definition, answers, language);
    setErrors(found);
    setShowSummary(true);
    setSubmitError(null);
    if (found.length > 0) {
      window.requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSubmitting(true);
    submitQuestionnaire(phase.token, language, answers).then(
      (result) => {
        setSubmitting(false);
        setDoneAdvice(result.advice);
        setPhase({ name: 'done', urgency: moreUrgent(result.urgency, urgency) });
        window.scrollTo({ top: 0 });
      },
      (error: unknown) => {
        setSubmitting(false);
        if (isApiError(error) && typeof error.details.field === 'string') {
          const field = error.details.field;
          setErrors([{ field, message: error.message }]);
          window.requestAnimationFrame(() => summaryRef.current?.focus());
          return;
        }
        setSubmitError(
          isApiError(error) && error.code === 'network'
            ? messages.networkError
            : describeOpenError(error, messages),
        );
      },
    );
  }

  const followUpAnswers: Array<{ value: YesNoAnswer; label: string }> = [
    { value: 'ja', label: messages.yes },
    { value: 'nei', label: messages.no },
    { value: 'vet-ikke', label: messages.dontKnow },
  ];

  let body: ReactNode;
  if (phase.name === 'loading') {
    body = (
      <p className="patient-card" role="status">
        {messages.loading}
      </p>
    );
  } else if (phase.name === 'code') {
    body = (
      <CodeForm
        messages={messages}
        {...(phase.problem === undefined ? {} : { problem: phase.problem })}
        onOpen={open}
      />
    );
  } else if (phase.name === 'done') {
    body = (
      <section className="patient-card" aria-labelledby="q-done" data-testid="questionnaire-done">
        <h2 id="q-done" tabIndex={-1}>
          {messages.thanksTitle}
        </h2>
        <p>{messages.thanksBody}</p>
      </section>
    );
  } else {
    const { definition: current } = phase;
    const maxLength = current.maxFreeTextLength;
    const expires = new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(phase.expiresAt));
    body = (
      <form
        className="patient-form"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby={headingId}
        data-testid="questionnaire-form"
      >
        <h2 id={headingId} className="visually-hidden">
          {messages.pageTitle}
        </h2>
        <p className="patient-muted">
          {messages.expiresAt(expires)} {messages.requiredNote}
        </p>
        {showSummary && errors.length > 0 && (
          <div
            className="patient-error-summary"
            role="alert"
            tabIndex={-1}
            ref={summaryRef}
            data-testid="error-summary"
          >
            <h2>{messages.errorSummaryTitle(errors.length)}</h2>
            <ul>
              {errors.map((error) => (
                <li key={error.field}>
                  <a href={`#${fieldElementId(error.field)}`}>
                    <span className="patient-error-question">{labelFor(current, error.field)}</span>{' '}
                    {error.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}

        <TextField
          field="reason"
          label={messages.reasonLabel}
          hint={messages.reasonHint}
          {...(errorFor('reason') === undefined ? {} : { error: errorFor('reason') })}
          required
          value={answers.reason}
          onChange={(reason) => update({ reason })}
          onBlur={checkFreeText}
          maxLength={maxLength}
        />

        <fieldset className="patient-choices" aria-describedby="q-complaints-hint">
          <legend className="patient-label">{messages.complaintsLegend}</legend>
          <p className="patient-hint" id="q-complaints-hint">
            {messages.complaintsHint}
          </p>
          <div className="patient-choice-list">
            {current.modules.map((module) => (
              <label key={module.id} className="patient-choice">
                <input
                  type="checkbox"
                  checked={answers.complaints.includes(module.id)}
                  onChange={(event) => toggleComplaint(module.id, event.target.checked)}
                  data-testid={`complaint-${module.id}`}
                />
                <span>{module.title[language]}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {current.modules
          .filter((module) => active.includes(module.id))
          .map((module) => (
            <section
              key={module.id}
              className="patient-module"
              aria-labelledby={`q-module-${module.id}`}
              data-testid={`module-${module.id}`}
            >
              <h2 id={`q-module-${module.id}`}>{messages.followUpHeading(module.title[language])}</h2>
              {module.questions.map((question) => {
                const field = `followUp.${question.id}`;
                const error = errorFor(field);
                return (
                  <ChoiceGroup
                    key={question.id}
                    field={field}
                    label={question.text[language]}
                    {...(question.hint === undefined ? {} : { hint: question.hint[language] })}
                    {...(error === undefined ? {} : { error })}
                    options={followUpAnswers}
                    value={answers.followUp[question.id]}
                    onChange={(value) => setFollowUp(question.id, value as YesNoAnswer)}
                  />
                );
              })}
            </section>
          ))}

        <TextField
          field="symptoms"
          label={messages.symptomsLabel}
          hint={messages.symptomsHint}
          optionalText={messages.optional}
          {...(errorFor('symptoms') === undefined ? {} : { error: errorFor('symptoms') })}
          value={answers.symptoms}
          onChange={(symptoms) => update({ symptoms })}
          onBlur={checkFreeText}
          maxLength={maxLength}
        />

        <ChoiceGroup
          field="duration"
          label={messages.durationLegend}
          {...(errorFor('duration') === undefined ? {} : { error: errorFor('duration') })}
          options={current.durations.map((duration) => ({
            value: duration.id,
            label: duration.text[language],
          }))}
          value={answers.duration === '' ? undefined : answers.duration}
          onChange={(duration) => update({ duration })}
        />

        <div className="patient-group">
          <TextField
            field="medicines"
            label={messages.medicinesLabel}
            hint={messages.medicinesHint}
            {...(errorFor('medicines') === undefined ? {} : { error: errorFor('medicines') })}
            required
            disabled={answers.noMedicines}
            value={answers.medicines}
            onChange={(medicines) => update({ medicines })}
            maxLength={maxLength}
          />
          <label className="patient-choice">
            <input
              type="checkbox"
              checked={answers.noMedicines}
              onChange={(event) => update({ noMedicines: event.target.checked })}
              data-testid="no-medicines"
            />
            <span>{messages.noMedicines}</span>
          </label>
        </div>

        <div className="patient-group">
          <TextField
            field="allergies"
            label={messages.allergiesLabel}
            hint={messages.allergiesHint}
            {...(errorFor('allergies') === undefined ? {} : { error: errorFor('allergies') })}
            required
            disabled={answers.noAllergies}
            value={answers.allergies}
            onChange={(allergies) => update({ allergies })}
            maxLength={maxLength}
          />
          <label className="patient-choice">
            <input
              type="checkbox"
              checked={answers.noAllergies}
              onChange={(event) => update({ noAllergies: event.target.checked })}
              data-testid="no-allergies"
            />
            <span>{messages.noAllergies}</span>
          </label>
        </div>

        <TextField
          field="hopes"
          label={messages.hopesLabel}
          hint={messages.hopesHint}
          optionalText={messages.optional}
          {...(errorFor('hopes') === undefined ? {} : { error: errorFor('hopes') })}
          value={answers.hopes}
          onChange={(hopes) => update({ hopes })}
          onBlur={checkFreeText}
          maxLength={maxLength}
        />

        {submitError !== null && (
          <p className="patient-error" role="alert">
            {submitError}
          </p>
        )}
        <button
          type="submit"
          className="patient-button"
          disabled={submitting}
          data-testid="questionnaire-submit"
        >
          {submitting ? messages.submitting : messages.submit}
        </button>
      </form>
    );
  }

  return (
    <div className="patient-page" data-testid="questionnaire-page">
      <a className="skip-link" href="#patient-main">
        {language === 'nb' ? 'Hopp til skjemaet' : 'Skip to the form'}
      </a>
      <header className="patient-header">
        <span className="patient-brand">{messages.brand}</span>
        <div className="patient-language" role="group" aria-label={messages.languageSwitch}>
          {(['nb', 'en'] as const).map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={language === code}
              onClick={() => setLanguage(code)}
              data-testid={`patient-language-${code}`}
            >
              {code === 'nb' ? 'Norsk' : 'English'}
            </button>
          ))}
        </div>
      </header>
      <main id="patient-main" tabIndex={-1}>
        <h1>{messages.pageTitle}</h1>
        <p>{messages.intro}</p>
        <p className="patient-emergency">{messages.emergencyNote}</p>
        <RedFlagAlert
          urgency={urgency}
          advice={phase.name === 'done' && doneAdvice !== '' ? doneAdvice : advice}
          messages={messages}
        />
        {body}
      </main>
    </div>
  );
}
