import { THREAD_POST_TYPES, type ThreadPostView, type ThreadView } from '@polity/contracts';
import {
  ConsoleNav,
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  type LiveConfig,
  PostForm,
  SelectField,
  TextAreaField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { THREADS_CONSOLE } from './threads-console.page';

interface FacilitationPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  thread: ThreadView;
  posts: ThreadPostView[];
  links: string;
  live: LiveConfig;
  sent?: { form: string; draft: Record<string, string>; errors: FieldError[] };
  news?: string;
  refusal?: ComponentChildren;
}

/**
 * A thread as its facilitators run it: stage moves with their summary, posting as the service,
 * questions waiting for an answer first, pins and answered marks in one click, the links, the status.
 */
export function FacilitationPage({ t, siteName, web, thread, posts, links, live, sent, news, refusal }: FacilitationPageProps) {
  const base = `${THREADS_CONSOLE}/${thread.id}`;
  const next = thread.stages.slice(thread.stages.indexOf(thread.currentStage) + 1);
  const mine = (form: string) => (sent?.form === form ? sent : undefined);
  const error = (form: string, field: string) => mine(form)?.errors.find((problem) => problem.field === field)?.message;
  const waiting = posts.filter((post) => post.type === 'question' && !post.answered && post.body !== null);
  return (
    <Layout t={t} siteName={siteName} web={web} title={thread.title} section="staff" live={live}>
      <ConsoleNav
        label={t.t('tc.nav.label')}
        current={base}
        links={[
          { href: THREADS_CONSOLE, label: t.t('tc.nav.all') },
          { href: `/threads/${thread.id}`, label: t.t('tc.nav.public') },
        ]}
      />
      <ConsoleNotice news={news} refusal={refusal} />
      <ErrorSummary t={t} errors={sent?.errors ?? []} />
      <div class="polity-console-columns">
        <section aria-labelledby="stage-title">
          <h2 class="utrecht-heading-2" id="stage-title">
            {t.t('tc.stage.title')}
          </h2>
          <p class="utrecht-paragraph">
            <strong>{t.t('tc.stage.now', { stage: thread.currentStage })}</strong> · {t.t(`tc.status.${thread.status}`)}
          </p>
          {next.length === 0 ? (
            <p class="utrecht-paragraph">{t.t('tc.stage.last')}</p>
          ) : (
            <PostForm web={web} action={`${base}/stage`}>
              <SelectField
                name="stage"
                label={t.t('tc.stage.to')}
                value={mine('stage')?.draft.stage}
                options={next.map((stage) => ({ value: stage, label: stage }))}
              />
              <TextAreaField
                name="summary"
                label={t.t('tc.stage.summary')}
                rows={4}
                value={mine('stage')?.draft.summary}
                error={error('stage', 'summary')}
              />
              <button class="polity-button" type="submit">
                {t.t('tc.stage.submit')}
              </button>
            </PostForm>
          )}
          <PostForm web={web} action={`${base}/status`}>
            <input type="hidden" name="status" value={thread.status === 'open' ? 'closed' : 'open'} />
            <button class="polity-button polity-button--secondary" type="submit">
              {thread.status === 'open' ? t.t('tc.close') : t.t('tc.reopen')}
            </button>
          </PostForm>
        </section>
        <section aria-labelledby="post-title">
          <h2 class="utrecht-heading-2" id="post-title">
            {t.t('tc.post.title')}
          </h2>
          <PostForm web={web} action={`${base}/posts`}>
            <SelectField
              name="type"
              label={t.t('tc.post.type')}
              value={mine('post')?.draft.type ?? 'update'}
              options={THREAD_POST_TYPES.map((type) => ({ value: type, label: t.t(`tc.type.${type}`) }))}
            />
            <TextAreaField
              name="body"
              label={t.t('tc.post.body')}
              rows={5}
              value={mine('post')?.draft.body}
              error={error('post', 'body')}
            />
            <button class="polity-button" type="submit">
              {t.t('tc.post.submit')}
            </button>
          </PostForm>
        </section>
      </div>
      <div data-live-part="posts" data-live-quiet>
        <section aria-labelledby="questions-title">
          <h2 class="utrecht-heading-2" id="questions-title">
            {t.t('tc.questions.title')}
          </h2>
          {waiting.length === 0 ? (
            <p class="utrecht-paragraph">{t.t('tc.questions.none')}</p>
          ) : (
            <PostList t={t} web={web} base={base} posts={waiting} prefix="q" />
          )}
        </section>
        <section aria-labelledby="posts-title">
          <h2 class="utrecht-heading-2" id="posts-title">
            {t.t('tc.posts.title')}
          </h2>
          {posts.length === 0 ? (
            <p class="utrecht-paragraph">{t.t('tc.posts.none')}</p>
          ) : (
            <PostList t={t} web={web} base={base} posts={posts} prefix="p" />
          )}
        </section>
      </div>
      <section aria-labelledby="links-title">
        <h2 class="utrecht-heading-2" id="links-title">
          {t.t('tc.links.title')}
        </h2>
        <PostForm web={web} action={`${base}/links`}>
          <TextAreaField
            name="links"
            label={t.t('tc.field.links')}
            rows={3}
            value={mine('links')?.draft.links ?? links}
            error={error('links', 'links')}
          />
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('tc.links.submit')}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

function PostList({
  t,
  web,
  base,
  posts,
  prefix,
}: {
  t: Translator;
  web: WebRequest;
  base: string;
  posts: ThreadPostView[];
  prefix: string;
}) {
  return (
    <ol class="polity-console-list">
      {posts.map((post) => (
        <li key={`${prefix}-${post.id}`} class="polity-console-card">
          <p class="polity-meta" id={`${prefix}-${post.id}-meta`}>
            {t.t('tc.post.meta', {
              type: t.t(`tc.type.${post.type ?? 'idea'}`),
              author: post.author?.displayName ?? '–',
              when: t.date(post.createdAt),
            })}
            {post.official && <strong> · {t.t('tc.post.official')}</strong>}
          </p>
          {post.bodyHtml ? (
            <div class="polity-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          ) : (
            <p class="utrecht-paragraph">{t.t('tc.post.unseen')}</p>
          )}
          <div class="polity-actions">
            <PostForm web={web} action={`${base}/posts/${post.id}/marks`}>
              <input type="hidden" name="pinned" value={post.pinned ? 'false' : 'true'} />
              <button class="polity-button polity-button--secondary" type="submit" aria-describedby={`${prefix}-${post.id}-meta`}>
                {post.pinned ? t.t('tc.unpin') : t.t('tc.pin')}
              </button>
            </PostForm>
            {post.type === 'question' && (
              <PostForm web={web} action={`${base}/posts/${post.id}/marks`}>
                <input type="hidden" name="answered" value={post.answered ? 'false' : 'true'} />
                <button class="polity-button polity-button--secondary" type="submit" aria-describedby={`${prefix}-${post.id}-meta`}>
                  {post.answered ? t.t('tc.unanswered') : t.t('tc.answered')}
                </button>
              </PostForm>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
