import { CONTENT_STATES, kindsWith, type ModerationQueueItemView, REPORT_REASONS } from '@polity/contracts';
import { ConsoleNotice, ErrorSummary, Layout, type LiveConfig, PostForm, SelectField, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { QueueSort } from '../queue/moderation-queue.dto';
import { QUEUE_SORTS } from '../queue/moderation-queue.dto';
import type { TemplateDto } from '../settings/moderation-settings.dto';
import { ModerationNav, QUEUE_PATH, APPEALS_PATH } from './moderation-nav';
import { type DecisionDraft, DecisionFields, kindLabel, QueueItem } from './queue-item';
import type { WaitingAppeal } from './waiting-appeals';

export interface QueueFilters {
  state: string;
  reason: string;
  kind: string;
  origin: string;
  sort: QueueSort;
  cursor?: string;
}

interface QueuePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  filters: QueueFilters;
  items: ModerationQueueItemView[];
  nextCursor: string | null;
  appeals: Map<string, WaitingAppeal>;
  templates: TemplateDto[];
  live: LiveConfig;
  news?: string;
  refusal?: ComponentChildren;
  draft?: DecisionDraft;
  bulkDraft?: Omit<DecisionDraft, 'itemId'>;
}

const ORIGINS = ['screening', 'reports', 'premoderation', 'appeal'] as const;

/** The live queue: filters kept in the address, a bulk decision, and every item with its own forms. */
export function QueuePage(props: QueuePageProps) {
  const { t, web, filters, items, templates } = props;
  const appealsOnly = filters.origin === 'appeal';
  const back = web.path;
  const any = { value: '', label: t.t('modc.filter.any') };
  const next = new URLSearchParams(Object.entries({ ...filters, cursor: props.nextCursor ?? '' }).filter(([, value]) => value !== ''));
  return (
    <Layout
      t={t}
      siteName={props.siteName}
      web={web}
      title={appealsOnly ? t.t('modc.appeals.title') : t.t('modc.queue.title')}
      section="staff"
      live={props.live}
    >
      <ModerationNav t={t} current={appealsOnly ? APPEALS_PATH : QUEUE_PATH} />
      <ConsoleNotice news={props.news} refusal={props.refusal} />
      <ErrorSummary
        t={t}
        errors={[
          ...(props.draft?.errors ?? []).map((error) => ({ ...error, field: `${error.field}-${props.draft?.itemId}` })),
          ...(props.bulkDraft?.errors ?? []).map((error) => ({
            ...error,
            field: error.field === 'select' ? 'bulk-form-fields' : `${error.field}-bulk`,
          })),
        ]}
      />
      <p class="utrecht-paragraph">{t.t('modc.queue.intro')}</p>
      <p class="polity-field__hint" id="shortcuts">
        {t.t('modc.shortcuts')}
      </p>
      <form method="get" action={QUEUE_PATH} class="polity-filters" aria-label={t.t('modc.filter.title')}>
        <SelectField
          name="state"
          label={t.t('modc.filter.state')}
          value={filters.state}
          options={[any, ...CONTENT_STATES.map((state) => ({ value: state, label: t.t(`modc.state.${state}`) }))]}
        />
        <SelectField
          name="reason"
          label={t.t('modc.filter.reason')}
          value={filters.reason}
          options={[any, ...[...REPORT_REASONS, 'screening'].map((reason) => ({ value: reason, label: t.t(`modc.reason.${reason}`) }))]}
        />
        <SelectField
          name="kind"
          label={t.t('modc.filter.kind')}
          value={filters.kind}
          options={[any, ...kindsWith('moderation').map((kind) => ({ value: kind, label: kindLabel(t, kind) }))]}
        />
        <SelectField
          name="origin"
          label={t.t('modc.filter.origin')}
          value={filters.origin}
          options={[any, ...ORIGINS.map((origin) => ({ value: origin, label: t.t(`modc.origin.${origin}`) }))]}
        />
        <SelectField
          name="sort"
          label={t.t('modc.filter.sort')}
          value={filters.sort}
          options={QUEUE_SORTS.map((sort) => ({ value: sort, label: t.t(`modc.sort.${sort}`) }))}
        />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('modc.filter.apply')}
        </button>
      </form>
      {!appealsOnly && (
        <details class="polity-disclosure" open={props.bulkDraft !== undefined}>
          <summary>{t.t('modc.bulk.legend')}</summary>
          {/* The items' checkboxes belong to this form through their form attribute. */}
          <PostForm web={web} action="/staff/moderation/bulk" id="bulk">
            <div id="bulk-form-fields">
              <input type="hidden" name="back" value={back} />
              <DecisionFields t={t} prefix="bulk" templates={templates} draft={props.bulkDraft} />
              <button class="polity-button" type="submit">
                {t.t('modc.bulk.submit')}
              </button>
            </div>
          </PostForm>
        </details>
      )}
      <div data-live-part="queue" data-live-prune data-pruned={t.t('modc.pruned')}>
        {items.length === 0 && (
          <p class="utrecht-paragraph" data-live-empty="queue">
            {t.t('modc.empty')}
          </p>
        )}
        <ol class="polity-queue" data-live-list="queue" data-shortcuts="queue" aria-describedby="shortcuts">
          {items.map((item) => (
            <QueueItem
              key={item.id}
              t={t}
              web={web}
              item={item}
              appeal={props.appeals.get(item.id)}
              templates={templates}
              back={back}
              draft={props.draft?.itemId === item.id ? props.draft : undefined}
            />
          ))}
        </ol>
      </div>
      {props.nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${QUEUE_PATH}?${next.toString()}`}>
            {t.t('modc.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
