import {
  type AgendaItemView,
  DECIDABLE_PROPOSAL_STATUSES,
  DECISION_OUTCOMES,
  type DecisionView,
  type MeetingView,
} from '@polity/contracts';
import {
  ConsoleNav,
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  type LiveConfig,
  PostForm,
  RadioField,
  SelectField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
  StepButton,
  MoveButtons,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { DecisionItem, type LinkTitles, linkKey } from '../pages/decision-item';
import type { Draft } from './council-forms';
import { MEETINGS_CONSOLE } from './meetings-console.page';

export interface LiveConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  meeting: MeetingView;
  titles: LinkTitles;
  live: LiveConfig;
  /** The meeting's details as the details form shows them. */
  details: Draft;
  /** The key the decision form carries: the same until a decision is recorded on the item, so a resend records it once. */
  idempotencyKey: string | null;
  /** What was sent with problems, by form: `decide`, `agenda`, `cancel`, or `correct:<decisionId>`. */
  sent?: { form: string; draft: Draft; errors: FieldError[] };
  news?: string;
  refusal?: ComponentChildren;
}

/**
 * One screen to run a meeting while it is streamed: its state and the steps it allows, the agenda
 * with the item to open next, the decision form for the open item, corrections, and beside them the
 * decisions as residents see them. Every step is a plain form; the live client keeps it current.
 */
export function LiveConsolePage(props: LiveConsolePageProps) {
  const { t, web, meeting } = props;
  const base = `${MEETINGS_CONSOLE}/${meeting.id}`;
  const open = meeting.agenda.find((item) => item.status === 'open');
  const next = meeting.status === 'live' && !open ? meeting.agenda.find((item) => item.status === 'pending') : undefined;
  const decisions = meeting.agenda.flatMap((item) => item.decisions).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const sent = (form: string) => (props.sent?.form === form ? props.sent : undefined);
  return (
    <Layout t={t} siteName={props.siteName} web={web} title={meeting.title} section="staff" live={props.live}>
      <ConsoleNav
        label={t.t('cc.console.nav')}
        current={base}
        links={[
          { href: MEETINGS_CONSOLE, label: t.t('cc.console.all') },
          { href: `/meetings/${meeting.id}`, label: t.t('cc.console.public') },
        ]}
      />
      <ConsoleNotice news={props.news} refusal={props.refusal} />
      <ErrorSummary t={t} errors={props.sent?.errors ?? []} />
      <section aria-labelledby="controls-title">
        <h2 class="utrecht-heading-2" id="controls-title">
          {t.t('cc.console.controls')}
        </h2>
        <div data-live-part="controls" data-announce={t.t(`cc.status.${meeting.status}`)}>
          <p class="polity-meta">
            <span>{meeting.body}</span>
            <span>{t.t('cc.when', { date: t.date(meeting.scheduledAt), place: meeting.place })}</span>
            <strong>{t.t('cc.console.status', { status: t.t(`cc.status.${meeting.status}`) })}</strong>
          </p>
          <p class="utrecht-paragraph">
            {meeting.stream ? t.t('cc.console.stream', { url: meeting.stream.url }) : t.t('cc.console.noStream')}
          </p>
          <div class="polity-actions">
            {(meeting.status === 'scheduled' || meeting.status === 'adjourned') && (
              <StepButton web={web} action={`${base}/start`} label={meeting.status === 'scheduled' ? t.t('cc.start') : t.t('cc.resume')} />
            )}
            {meeting.status === 'live' && <StepButton web={web} action={`${base}/adjourn`} label={t.t('cc.adjourn')} secondary />}
            {(meeting.status === 'live' || meeting.status === 'adjourned') && (
              <StepButton web={web} action={`${base}/end`} label={t.t('cc.end')} secondary />
            )}
            {next && (
              <StepButton web={web} action={`${base}/agenda/${next.id}/open`} label={t.t('cc.agenda.next', { title: next.title })} />
            )}
          </div>
        </div>
        {meeting.status === 'scheduled' && (
          <details class="polity-disclosure" open={sent('cancel') !== undefined}>
            <summary>{t.t('cc.cancel.legend')}</summary>
            <PostForm web={web} action={`${base}/cancel`}>
              <TextAreaField
                name="reason"
                id="cancel-reason"
                label={t.t('cc.cancel.reason')}
                rows={2}
                value={sent('cancel')?.draft.reason}
                error={sent('cancel')?.errors[0]?.message}
              />
              <button class="polity-button polity-button--secondary" type="submit">
                {t.t('cc.cancel.submit')}
              </button>
            </PostForm>
          </details>
        )}
        <details class="polity-disclosure" open={sent('details') !== undefined}>
          <summary>{t.t('cc.details.title')}</summary>
          <DetailsForm t={t} web={web} base={base} draft={sent('details')?.draft ?? props.details} errors={sent('details')?.errors ?? []} />
        </details>
      </section>
      <div class="polity-console-columns">
        <section aria-labelledby="decide-title">
          <DecideForm
            t={t}
            web={web}
            base={base}
            item={open}
            titles={props.titles}
            idempotencyKey={props.idempotencyKey}
            sent={sent('decide')}
          />
        </section>
        <section aria-labelledby="agenda-title">
          <h2 class="utrecht-heading-2" id="agenda-title">
            {t.t('cc.agenda.title')}
          </h2>
          <div data-live-part="agenda" data-live-quiet>
            <Agenda t={t} web={web} base={base} meeting={meeting} titles={props.titles} />
          </div>
          <details class="polity-disclosure" open={sent('agenda') !== undefined}>
            <summary>{t.t('cc.agenda.add')}</summary>
            <AgendaForm t={t} web={web} base={base} sent={sent('agenda')} />
          </details>
        </section>
      </div>
      <div class="polity-console-columns">
        <section aria-labelledby="corrections-title">
          <h2 class="utrecht-heading-2" id="corrections-title">
            {t.t('cc.correct.title')}
          </h2>
          <div data-live-part="corrections" data-live-quiet data-live-prune>
            {decisions.length === 0 && (
              <p class="utrecht-paragraph" data-live-empty="corrections">
                {t.t('cc.residents.none')}
              </p>
            )}
            <ul class="polity-console-list" data-live-list="corrections">
              {decisions.map((decision) => (
                <CorrectionForm key={decision.id} t={t} web={web} decision={decision} sent={sent(`correct:${decision.id}`)} />
              ))}
            </ul>
          </div>
        </section>
        <section aria-labelledby="residents-title">
          <h2 class="utrecht-heading-2" id="residents-title">
            {t.t('cc.residents.title')}
          </h2>
          <div data-live-part="residents" data-live-quiet>
            {decisions.length === 0 ? (
              <p class="utrecht-paragraph">{t.t('cc.residents.none')}</p>
            ) : (
              <ol class="polity-list">
                {decisions.map((decision) => (
                  <DecisionItem key={decision.id} t={t} decision={decision} titles={props.titles} keyed={false} />
                ))}
              </ol>
            )}
          </div>
        </section>
      </div>
    </Layout>
  );
}

function Agenda({
  t,
  web,
  base,
  meeting,
  titles,
}: {
  t: Translator;
  web: WebRequest;
  base: string;
  meeting: MeetingView;
  titles: LinkTitles;
}) {
  if (meeting.agenda.length === 0) return <p class="utrecht-paragraph">{t.t('cc.agenda.empty')}</p>;
  return (
    <ol class="polity-agenda">
      {meeting.agenda.map((item, index) => (
        <li
          key={item.id}
          class={`polity-agenda__item polity-agenda__item--${item.status}`}
          aria-current={item.status === 'open' ? 'step' : undefined}
        >
          <p class="polity-agenda__title">
            <strong>{item.title}</strong> <span class="polity-meta">({t.t(`cc.agenda.status.${item.status}`)})</span>
          </p>
          {item.links.some((link) => titles.has(linkKey(link))) && (
            <p class="polity-meta">
              {t.t('shell.labelled', { label: t.t('cc.agenda.links') })}{' '}
              {item.links.flatMap((link) => titles.get(linkKey(link)) ?? []).join(', ')}
            </p>
          )}
          <p class="polity-meta">{t.t('cc.agenda.decisions', { count: item.decisions.length })}</p>
          {meeting.status === 'live' && item.status !== 'open' && (
            <StepButton
              web={web}
              action={`${base}/agenda/${item.id}/open`}
              label={t.t('cc.agenda.open', { position: item.position })}
              secondary
            />
          )}
          {item.status === 'open' && (
            <StepButton
              web={web}
              action={`${base}/agenda/${item.id}/close`}
              label={t.t('cc.agenda.close', { position: item.position })}
              secondary
            />
          )}
          {meeting.status !== 'ended' && meeting.status !== 'cancelled' && (
            <div class="polity-actions">
              <MoveButtons
                web={web}
                path={`${base}/agenda/${item.id}`}
                index={index}
                count={meeting.agenda.length}
                up={t.t('cc.agenda.up', { position: item.position })}
                down={t.t('cc.agenda.down', { position: item.position })}
              />
              {item.status === 'pending' && (
                <StepButton
                  web={web}
                  action={`${base}/agenda/${item.id}/remove`}
                  label={t.t('cc.agenda.remove', { position: item.position })}
                  secondary
                />
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function DecideForm(props: {
  t: Translator;
  web: WebRequest;
  base: string;
  item: AgendaItemView | undefined;
  titles: LinkTitles;
  idempotencyKey: string | null;
  sent: { draft: Draft; errors: FieldError[] } | undefined;
}) {
  const { t, web, item, sent } = props;
  // Its own live part, named after the open item: replaced when another item opens, kept (with what is typed) otherwise.
  return (
    <div data-live-part="decide" data-live-quiet>
      {item && props.idempotencyKey ? (
        <>
          <h2 class="utrecht-heading-2" id="decide-title">
            {t.t('cc.decide.title', { position: item.position, title: item.title })}
          </h2>
          <PostForm web={web} action={`${props.base}/agenda/${item.id}/decisions`}>
            <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
            <p class="polity-field__hint">{t.t('cc.decide.once')}</p>
            <DecisionFields
              t={t}
              prefix=""
              draft={sent?.draft}
              errors={sent?.errors ?? []}
              linksProposals={item.links.some((link) => link.kind === 'proposals')}
            />
            <button class="polity-button" type="submit">
              {t.t('cc.decide.submit')}
            </button>
          </PostForm>
        </>
      ) : (
        <>
          <h2 class="utrecht-heading-2" id="decide-title">
            {t.t('cc.decide.submit')}
          </h2>
          <p class="utrecht-paragraph">{t.t('cc.decide.none')}</p>
        </>
      )}
    </div>
  );
}

/** The fields of a decision, for recording one or correcting it; `prefix` keeps ids apart. */
function DecisionFields({
  t,
  prefix,
  draft,
  errors,
  linksProposals,
  initial,
}: {
  t: Translator;
  prefix: string;
  draft: Draft | undefined;
  errors: FieldError[];
  linksProposals: boolean;
  initial?: DecisionView;
}) {
  const error = (field: string) => errors.find((problem) => problem.field === `${prefix}${field}`)?.message;
  const value = (field: string, fallback = '') => draft?.[field] ?? fallback;
  const rollCall = initial?.rollCall?.map((entry) => `${entry.name}: ${entry.vote}`).join('\n') ?? '';
  return (
    <>
      <RadioField
        name="outcome"
        id={`${prefix}outcome`}
        legend={t.t('cc.decide.outcome')}
        value={value('outcome', initial?.outcome ?? 'approved')}
        options={DECISION_OUTCOMES.map((outcome) => ({ value: outcome, label: t.t(`cc.outcome.${outcome}`) }))}
      />
      <TextAreaField
        name="text"
        id={`${prefix}text`}
        label={t.t('cc.decide.text')}
        rows={4}
        value={value('text', initial?.text)}
        error={error('text')}
      />
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('cc.decide.votes')}</legend>
        {error('for') && <p class="polity-field__error">{error('for')}</p>}
        <div class="polity-inline-fields">
          {(['for', 'against', 'abstain'] as const).map((side) => (
            <TextField
              key={side}
              name={side}
              id={side === 'for' ? `${prefix}for` : `${prefix}${side}`}
              type="number"
              inputClass="polity-number"
              label={t.t(`cc.decide.${side}`)}
              value={value(side, initial ? String(initial.votes[side]) : '')}
            />
          ))}
        </div>
      </fieldset>
      <TextAreaField
        name="rollCall"
        id={`${prefix}rollCall`}
        label={t.t('cc.decide.rollCall')}
        hint={t.t('cc.decide.rollCallHint')}
        rows={4}
        value={value('rollCall', rollCall)}
        error={error('rollCall')}
      />
      {linksProposals && (
        <SelectField
          name="proposalStatus"
          id={`${prefix}proposalStatus`}
          label={t.t('cc.decide.proposalStatus')}
          value={value('proposalStatus', initial?.proposalStatus ?? '')}
          options={[
            { value: '', label: t.t('cc.decide.noStatus') },
            ...DECIDABLE_PROPOSAL_STATUSES.map((status) => ({ value: status, label: t.t(`cc.status.${status}`) })),
          ]}
        />
      )}
    </>
  );
}

function AgendaForm({
  t,
  web,
  base,
  sent,
}: {
  t: Translator;
  web: WebRequest;
  base: string;
  sent: { draft: Draft; errors: FieldError[] } | undefined;
}) {
  const error = (field: string) => sent?.errors.find((problem) => problem.field === field)?.message;
  return (
    <PostForm web={web} action={`${base}/agenda`}>
      <TextField name="title" id="item-title" label={t.t('cc.field.title')} value={sent?.draft.title} error={error('item-title')} />
      <TextAreaField
        name="description"
        id="item-description"
        label={t.t('cc.field.description')}
        rows={3}
        value={sent?.draft.description}
        error={error('item-description')}
      />
      <TextAreaField name="links" label={t.t('cc.field.links')} rows={3} value={sent?.draft.links} error={error('links')} />
      <button class="polity-button" type="submit">
        {t.t('cc.agenda.addSubmit')}
      </button>
    </PostForm>
  );
}

function CorrectionForm({
  t,
  web,
  decision,
  sent,
}: {
  t: Translator;
  web: WebRequest;
  decision: DecisionView;
  sent: { draft: Draft; errors: FieldError[] } | undefined;
}) {
  const prefix = `c-${decision.id}-`;
  const reasonError = sent?.errors.find((problem) => problem.field === `${prefix}reason`)?.message;
  return (
    <li data-live-key={`correct-${decision.id}-${decision.revision}`} data-live-in="corrections" class="polity-console-card">
      <details open={sent !== undefined}>
        <summary>
          {t.t('cc.agenda.item', { position: decision.agendaItem.position, title: decision.agendaItem.title })}:{' '}
          {t.t(`cc.outcome.${decision.outcome}`)}
        </summary>
        <PostForm web={web} action={`${MEETINGS_CONSOLE}/${decision.meeting.id}/decisions/${decision.id}/corrections`}>
          <DecisionFields
            t={t}
            prefix={prefix}
            draft={sent?.draft}
            errors={sent?.errors ?? []}
            linksProposals={decision.links.some((link) => link.kind === 'proposals')}
            initial={decision}
          />
          <TextAreaField
            name="reason"
            id={`${prefix}reason`}
            label={t.t('cc.correct.reason')}
            rows={2}
            value={sent?.draft.reason}
            error={reasonError}
          />
          <button class="polity-button" type="submit">
            {t.t('cc.correct.submit')}
          </button>
        </PostForm>
      </details>
    </li>
  );
}

/** The meeting's details, stream, and after it the recording and minutes. */
function DetailsForm({
  t,
  web,
  base,
  draft,
  errors,
}: {
  t: Translator;
  web: WebRequest;
  base: string;
  draft: Draft;
  errors: FieldError[];
}) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  const text = (field: string, type: 'text' | 'url' | 'datetime-local' = 'text', label = `cc.field.${field}`) => (
    <TextField name={field} type={type} label={t.t(label, { zone: web.timeZone })} value={draft[field]} error={error(field)} />
  );
  return (
    <PostForm web={web} action={`${base}/details`}>
      {text('body')}
      {text('title')}
      {text('place')}
      {text('scheduledAt', 'datetime-local')}
      {text('endsAt', 'datetime-local')}
      {text('streamUrl', 'url')}
      {text('recordingUrl', 'url')}
      <TextAreaField
        name="description"
        label={t.t('cc.field.description')}
        rows={3}
        value={draft.description}
        error={error('description')}
      />
      <TextAreaField name="minutes" label={t.t('cc.field.minutes')} rows={6} value={draft.minutes} error={error('minutes')} />
      <button class="polity-button" type="submit">
        {t.t('cc.details.save')}
      </button>
    </PostForm>
  );
}
