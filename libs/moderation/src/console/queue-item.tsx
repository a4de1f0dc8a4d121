import { MODERATION_ACTIONS, type ModerationQueueItemView, type ReportReason } from '@polity/contracts';
import {
  type FieldError,
  PostForm,
  RadioField,
  resourcePage,
  SelectField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { TemplateDto } from '../settings/moderation-settings.dto';
import type { WaitingAppeal } from './waiting-appeals';

/** What a moderator sent for one item, shown again with its problems. */
export interface DecisionDraft {
  itemId: string;
  action: string;
  template: string;
  statement: string;
  blockUntil: string;
  errors: FieldError[];
}

export const kindLabel = (t: Translator, kind: string): string =>
  t.has(`modc.kind.${kind}`) ? t.t(`modc.kind.${kind}`) : t.t('modc.kind.other');

interface QueueItemProps {
  t: Translator;
  web: WebRequest;
  item: ModerationQueueItemView;
  appeal: WaitingAppeal | undefined;
  templates: TemplateDto[];
  back: string;
  draft: DecisionDraft | undefined;
}

/** One item of the queue: what it is, why it is here, who holds it, and the forms to act on it. */
export function QueueItem({ t, web, item, appeal, templates, back, draft }: QueueItemProps) {
  const headingId = `item-${item.id}-title`;
  const mine = item.claim?.moderator.id === web.principal?.userId;
  const page = resourcePage(item.kind, item.contentId);
  const error = (field: string) => draft?.errors.find((problem) => problem.field === field)?.message;
  const reasons = Object.entries(item.reports.reasons) as [ReportReason, number][];
  return (
    <li
      data-live-key={item.id}
      data-live-in="queue"
      data-announce={t.t('modc.arrived', { kind: kindLabel(t, item.kind) })}
      class="polity-queue__item"
    >
      <article aria-labelledby={headingId}>
        <h2 class="utrecht-heading-3" id={headingId} tabIndex={-1} data-shortcut-target>
          {t.t('modc.item.heading', { kind: kindLabel(t, item.kind), author: item.author.displayName })}
        </h2>
        <div class="polity-choice">
          <input type="checkbox" id={`select-${item.id}`} name="itemIds" value={item.id} form="bulk" data-shortcut-select />
          <label for={`select-${item.id}`}>{t.t('modc.item.select')}</label>
        </div>
        <p class="polity-meta">
          {t.t(`modc.state.${item.state}`)}
          {item.origin && <> · {t.t(`modc.origin.${item.origin}`)}</>}
          {item.queuedAt && <> · {t.t('modc.item.queued', { when: t.date(item.queuedAt) })}</>}
          {page && (
            <>
              {' · '}
              <a class="utrecht-link" href={page}>
                {t.t('modc.item.open')}
              </a>
            </>
          )}
        </p>
        {item.text ? <blockquote class="polity-quote">{item.text}</blockquote> : <p class="utrecht-paragraph">{t.t('modc.item.noText')}</p>}
        {item.screening && item.screening.hits.length > 0 && (
          <div>
            <p class="utrecht-paragraph">{t.t('modc.item.screening', { score: t.number(item.screening.score) })}</p>
            <ul class="polity-tags">
              {item.screening.hits.map((hit) => (
                <li key={hit.rule}>
                  {t.t('shell.labelled', { label: `${hit.rule} (${t.number(hit.score)})` })} <span lang="en">{hit.detail}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {item.reports.count > 0 && (
          <p class="utrecht-paragraph">
            {t.t('shell.labelled', { label: t.t('modc.item.reports', { count: item.reports.count }) })}{' '}
            {reasons.map(([reason, count]) => `${t.t(`modc.reason.${reason}`)} ${count}`).join(', ')}
          </p>
        )}
        {appeal && (
          <div class="polity-answer">
            <p class="utrecht-paragraph">
              <strong>{t.t('shell.labelled', { label: t.t('modc.appeal.label') })}</strong> {appeal.statement}
            </p>
            <p class="utrecht-paragraph">
              {t.t('modc.appeal.first', { action: t.t(`modc.action.${appeal.appealed.action}`), statement: appeal.appealed.statement })}
            </p>
          </div>
        )}
        <div class="polity-actions">
          <p class="utrecht-paragraph" data-claim>
            {item.claim
              ? mine
                ? t.t('modc.item.claimedByYou', { until: t.date(item.claim.until) })
                : t.t('modc.item.claimedBy', { moderator: item.claim.moderator.displayName, until: t.date(item.claim.until) })
              : t.t('modc.item.unclaimed')}
          </p>
          <PostForm web={web} action={`/staff/moderation/items/${item.id}/${mine ? 'release' : 'claim'}`}>
            <input type="hidden" name="back" value={back} />
            <button class="polity-button polity-button--secondary" type="submit" data-shortcut-claim>
              {mine ? t.t('modc.release') : t.t('modc.claim')}
            </button>
          </PostForm>
        </div>
        {appeal ? (
          <PostForm web={web} action={`/staff/moderation/appeals/${appeal.id}/decision`}>
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="itemId" value={item.id} />
            <RadioField
              name="outcome"
              id={`outcome-${item.id}`}
              legend={t.t('modc.appeal.outcome')}
              value={draft?.action || 'upheld'}
              options={[
                { value: 'upheld', label: t.t('modc.appeal.upheld') },
                { value: 'overturned', label: t.t('modc.appeal.overturned') },
              ]}
            />
            <TextAreaField
              name="statement"
              id={`statement-${item.id}`}
              label={t.t('modc.appeal.statement')}
              rows={3}
              value={draft?.statement}
              error={error('statement')}
            />
            <button class="polity-button" type="submit">
              {t.t('modc.appeal.submit')}
            </button>
          </PostForm>
        ) : (
          <PostForm web={web} action={`/staff/moderation/items/${item.id}/decision`}>
            <input type="hidden" name="back" value={back} />
            <DecisionFields t={t} prefix={item.id} templates={templates} draft={draft} />
            <button class="polity-button" type="submit">
              {t.t('modc.decide.submit')}
            </button>
          </PostForm>
        )}
      </article>
    </li>
  );
}

/** The fields of a decision, for one item or for the bulk form. */
export function DecisionFields({
  t,
  prefix,
  templates,
  draft,
}: {
  t: Translator;
  prefix: string;
  templates: TemplateDto[];
  draft: Omit<DecisionDraft, 'itemId'> | undefined;
}) {
  const error = (field: string) => draft?.errors.find((problem) => problem.field === field)?.message;
  return (
    <fieldset class="utrecht-form-fieldset polity-decide-fields">
      <legend class="utrecht-form-label">{t.t('modc.decide.legend')}</legend>
      <RadioField
        name="action"
        id={`action-${prefix}`}
        legend={t.t('modc.decide.action')}
        value={draft?.action || 'hide'}
        options={MODERATION_ACTIONS.map((action) => ({ value: action, label: t.t(`modc.action.${action}`) }))}
      />
      <SelectField
        name="template"
        id={`template-${prefix}`}
        label={t.t('modc.decide.template')}
        value={draft?.template}
        options={[
          { value: '', label: t.t('modc.decide.noTemplate') },
          ...templates.map((template) => ({ value: template.key, label: template.title })),
        ]}
      />
      <TextAreaField
        name="statement"
        id={`statement-${prefix}`}
        label={t.t('modc.decide.statement')}
        hint={t.t('modc.decide.statementHint')}
        rows={2}
        value={draft?.statement}
        error={error('statement')}
      />
      <TextField
        name="blockUntil"
        id={`blockUntil-${prefix}`}
        type="date"
        label={t.t('modc.decide.blockUntil')}
        value={draft?.blockUntil}
        error={error('blockUntil')}
      />
    </fieldset>
  );
}
