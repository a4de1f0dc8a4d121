import { THREAD_POST_TYPES, type ThreadPostView, type ThreadReaction, type ThreadTimelineEntry, type ThreadView } from '@polity/contracts';
import {
  ErrorSummary,
  type FieldError,
  FollowForm,
  LabelledLink,
  Layout,
  type LiveConfig,
  PostForm,
  RadioField,
  resourcePage,
  signInPath,
  TextAreaField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { VNode } from 'preact';
import { PostItem, stageName } from './thread-post-item';

export interface PostDraft {
  type: string;
  body: string;
  errors: FieldError[];
}

export interface ThreadPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  thread: ThreadView;
  timeline: ThreadTimelineEntry[];
  more: string | null;
  /** Every stage change so far (also those beyond this page of the timeline): each stage's summary. */
  summaries: ReadonlyMap<string, string>;
  replies: ReadonlyMap<string, ThreadPostView[]>;
  mine: ReadonlyMap<string, readonly ThreadReaction[]>;
  linkTitles: ReadonlyMap<string, string>;
  draft: PostDraft;
  following: boolean;
  decisions: VNode | null;
  live: LiveConfig;
}

/**
 * A co-design thread: the service and its facilitators, where the work stands (stages, with each
 * finished stage's summary), what it is linked to, and the timeline of posts, stage moves and
 * council decisions, to which residents add problems, ideas, questions and evidence.
 */
export function ThreadPage(props: ThreadPageProps) {
  const { t, siteName, web, thread, live } = props;
  const open = thread.status === 'open';
  return (
    <Layout t={t} siteName={siteName} web={web} title={thread.title} section="threads" live={live}>
      <div data-live-part="about" data-live-quiet>
        <p class="polity-meta">
          <span>{t.t('codesign.thread.service', { service: thread.serviceName })}</span>
          <span>{t.t('codesign.thread.department', { department: thread.department })}</span>
          <span>{t.t(open ? 'codesign.thread.open' : 'codesign.thread.closed')}</span>
        </p>
        {thread.facilitators.length > 0 && (
          <p class="polity-meta">
            {t.t('codesign.thread.facilitators', { names: thread.facilitators.map((f) => f.displayName).join(', ') })}
          </p>
        )}
      </div>
      <div class="polity-body" dangerouslySetInnerHTML={{ __html: thread.descriptionHtml }} />
      <FollowForm t={t} web={web} kind="threads" id={thread.id} following={props.following} label={t.t('codesign.thread.follow')} />
      <div data-live-part="stages" data-announce={t.t('codesign.announce.stage')}>
        <Stages {...props} />
      </div>
      {thread.links.length > 0 && <Links {...props} />}
      {props.decisions}
      <div data-live-part="pinned" data-live-quiet>
        {thread.pinnedPosts.length > 0 && (
          <section aria-labelledby="pinned-title">
            <h2 class="utrecht-heading-2" id="pinned-title">
              {t.t('codesign.pinned.title')}
            </h2>
            <ul class="polity-list">
              {thread.pinnedPosts.map((post) => (
                <li key={post.id}>
                  <a class="utrecht-link" href={`#post-${post.id}`}>
                    {post.type ? `${t.t('shell.labelled', { label: t.t(`codesign.post.type.${post.type}`) })} ` : ''}
                    {(post.body ?? '').slice(0, 120)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <Timeline {...props} />
      <PostFormSection {...props} />
    </Layout>
  );
}

function Stages({ t, thread, summaries }: ThreadPageProps) {
  const current = thread.stages.indexOf(thread.currentStage);
  return (
    <section aria-labelledby="stages-title">
      <h2 class="utrecht-heading-2" id="stages-title">
        {t.t('codesign.stages.title')}
      </h2>
      <p class="utrecht-paragraph">
        {t.t('codesign.stages.position', { position: current + 1, count: thread.stages.length, stage: stageName(t, thread.currentStage) })}
      </p>
      <ol class="polity-stages">
        {thread.stages.map((stage, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'next';
          return (
            <li
              key={stage}
              class={`polity-stages__stage polity-stages__stage--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <p class="polity-stages__name">
                <strong>{stageName(t, stage)}</strong> <span class="polity-meta">({t.t(`codesign.stages.${state}`)})</span>
              </p>
              {summaries.get(stage) && <div class="polity-body" dangerouslySetInnerHTML={{ __html: summaries.get(stage) ?? '' }} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Links({ t, thread, linkTitles }: ThreadPageProps) {
  return (
    <section aria-labelledby="links-title">
      <h2 class="utrecht-heading-2" id="links-title">
        {t.t('codesign.links.title')}
      </h2>
      <ul>
        {thread.links.map((link) => {
          const title = linkTitles.get(`${link.kind}:${link.id}`);
          if (!title) return null;
          return (
            <li key={`${link.kind}:${link.id}`}>
              <LabelledLink t={t} label={t.t(`codesign.links.${link.kind}`)} title={title} href={resourcePage(link.kind, link.id)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Timeline(props: ThreadPageProps) {
  const { t, web, thread, timeline, replies, mine } = props;
  return (
    <section aria-labelledby="timeline-title">
      <h2 class="utrecht-heading-2" id="timeline-title">
        {t.t('codesign.timeline.title')}
      </h2>
      <div data-live-part="timeline">
        {timeline.length === 0 && (
          <p class="utrecht-paragraph" data-live-empty="timeline">
            {t.t('codesign.timeline.empty')}
          </p>
        )}
        <ol class="polity-list polity-timeline" data-live-list="timeline">
          {timeline.map((entry) => {
            if (entry.type === 'post') {
              return (
                <PostItem
                  key={entry.post.id}
                  t={t}
                  web={web}
                  post={entry.post}
                  replies={replies}
                  mine={mine}
                  threadOpen={thread.status === 'open'}
                />
              );
            }
            if (entry.type === 'stage_changed') {
              const change = entry.stageChange;
              return (
                <li
                  key={change.id}
                  class="polity-timeline__entry polity-timeline__stage"
                  data-live-key={`stage-${change.id}`}
                  data-live-in="timeline"
                >
                  <p class="utrecht-paragraph">
                    <strong>
                      {change.from
                        ? t.t('codesign.timeline.stage', {
                            by: change.by.displayName,
                            from: stageName(t, change.from),
                            to: stageName(t, change.to),
                          })
                        : t.t('codesign.timeline.start', { to: stageName(t, change.to) })}
                    </strong>
                  </p>
                  <p class="polity-meta">{t.date(change.at)}</p>
                  <div class="polity-body" dangerouslySetInnerHTML={{ __html: change.summaryHtml }} />
                </li>
              );
            }
            const decision = entry.decision;
            return (
              <li
                key={decision.decisionId}
                class="polity-timeline__entry"
                data-live-key={`decision-${decision.decisionId}`}
                data-live-in="timeline"
              >
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`/meetings/${decision.meetingId}#decision-${decision.decisionId}`}>
                    {t.t('codesign.timeline.decision', {
                      meeting: decision.meetingTitle,
                      outcome: t.t(`codesign.outcome.${decision.outcome}`),
                    })}
                  </a>
                </p>
                <p class="polity-meta">{t.date(decision.decidedAt)}</p>
                {decision.text && <p class="utrecht-paragraph">{decision.text}</p>}
              </li>
            );
          })}
        </ol>
        {props.more && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={props.more}>
              {t.t('codesign.timeline.more')}
            </a>
          </p>
        )}
      </div>
    </section>
  );
}

function PostFormSection({ t, web, thread, draft }: ThreadPageProps) {
  const types = THREAD_POST_TYPES.filter((type) => type !== 'update');
  const error = (field: string) => draft.errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="take-part-title">
      <h2 class="utrecht-heading-2" id="take-part-title">
        {t.t('codesign.form.title')}
      </h2>
      {thread.status !== 'open' ? (
        <p class="utrecht-paragraph">{t.t('codesign.form.closed')}</p>
      ) : !web.principal ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={signInPath(`/threads/${thread.id}#take-part-title`)}>
            {t.t('codesign.form.signIn')}
          </a>
        </p>
      ) : (
        <>
          <ErrorSummary t={t} errors={draft.errors} />
          <PostForm web={web} action={`/threads/${thread.id}/posts`}>
            <RadioField
              name="type"
              legend={t.t('codesign.form.type')}
              options={types.map((type) => ({ value: type, label: t.t(`codesign.post.type.${type}`) }))}
              value={draft.type}
              error={error('type')}
            />
            <TextAreaField
              name="body"
              label={t.t('codesign.form.body')}
              hint={t.t('codesign.form.hint')}
              value={draft.body}
              error={error('body')}
              preview={t.t('codesign.form.preview')}
            />
            <button class="polity-button" type="submit">
              {t.t('codesign.form.send')}
            </button>
          </PostForm>
        </>
      )}
    </section>
  );
}
