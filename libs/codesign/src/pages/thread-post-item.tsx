import type { ThreadPostView, ThreadReaction } from '@polity/contracts';
import { PostForm, TextAreaField, type Translator, type WebRequest } from '@polity/web';

/** A stage's name in the reader's language when it is one of the usual four; the officials' own words otherwise. */
export function stageName(t: Translator, stage: string): string {
  return ['discover', 'define', 'develop', 'deliver'].includes(stage) ? t.t(`codesign.stage.${stage}`) : stage;
}

export interface PostItemProps {
  t: Translator;
  web: WebRequest;
  post: ThreadPostView;
  /** The replies on the page, by the post they answer (a reply's own replies nest under it). */
  replies: ReadonlyMap<string, ThreadPostView[]>;
  /** The reactions the reader gave, per post id. */
  mine: ReadonlyMap<string, readonly ThreadReaction[]>;
  threadOpen: boolean;
}

function PostText({ t, post, own }: { t: Translator; post: ThreadPostView; own: boolean }) {
  if (post.deleted) return <p class="utrecht-paragraph">{t.t('codesign.post.deleted')}</p>;
  if (post.bodyHtml === null)
    return <p class="utrecht-paragraph">{t.t(post.moderationState === 'hidden' ? 'codesign.post.hidden' : 'codesign.post.held')}</p>;
  return (
    <>
      {own && post.moderationState === 'held' && <p class="polity-notice">{t.t('codesign.post.heldYours')}</p>}
      {/* Markdown rendered to an allow-listed subset by the codesign library. */}
      <div class="polity-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
    </>
  );
}

/** A post without what is nested under it: its marks, byline, text, reactions and actions. */
function PostBody({ t, web, post, mine, threadOpen }: Omit<PostItemProps, 'replies'>) {
  const author = post.author?.displayName ?? t.t('codesign.post.deletedAuthor');
  const own = post.author !== null && post.author.id === web.principal?.userId;
  const active = !post.deleted && post.moderationState === 'visible';
  const given = mine.get(post.id) ?? [];
  const back = encodeURIComponent(`/threads/${post.threadId}#post-${post.id}`);
  return (
    <article
      id={`post-${post.id}`}
      class={`polity-post${post.official ? ' polity-post--official' : ''}`}
      data-live-body
      aria-label={t.t('codesign.post.by', { author, date: t.date(post.createdAt) })}
    >
      <p class="polity-post__marks">
        {post.type && <span class="polity-mark">{t.t(`codesign.post.type.${post.type}`)}</span>}
        {post.official && <span class="polity-mark polity-mark--official">{t.t('codesign.post.official')}</span>}
        {post.pinned && <span class="polity-mark">{t.t('codesign.post.pinned')}</span>}
        {post.answered && <span class="polity-mark polity-mark--answered">{t.t('codesign.post.answered')}</span>}
      </p>
      <p class="polity-meta">
        <span>{t.t('codesign.post.by', { author, date: t.date(post.createdAt) })}</span>
        {post.parentId === null && <span>{t.t('codesign.post.stage', { stage: stageName(t, post.stage) })}</span>}
        {post.edited && !post.deleted && <span>{t.t('codesign.post.edited')}</span>}
      </p>
      <PostText t={t} post={post} own={own} />
      {active && (!web.principal || own || !threadOpen) && (
        <p class="polity-meta">{t.t('codesign.reaction.counts', { support: post.reactions.support, meToo: post.reactions.meToo })}</p>
      )}
      {active && web.principal && !own && threadOpen && (
        <div class="polity-comment__actions" role="group" aria-label={t.t('codesign.post.actions')}>
          <PostForm web={web} action={`/threads/${post.threadId}/posts/${post.id}/react`} live>
            {(['support', 'me_too'] as const).map((reaction) => {
              const pressed = given.includes(reaction);
              return (
                <button
                  key={reaction}
                  class="polity-link-button polity-link-button--plain"
                  type="submit"
                  name={reaction}
                  value={pressed ? 'off' : 'on'}
                  aria-pressed={pressed ? 'true' : 'false'}
                  id={`react-${reaction}-${post.id}`}
                >
                  {t.t(`codesign.reaction.${reaction}`, { count: reaction === 'support' ? post.reactions.support : post.reactions.meToo })}
                </button>
              );
            })}
          </PostForm>
          <a class="utrecht-link" href={`/report?kind=thread-posts&id=${post.id}&back=${back}`}>
            {t.t('codesign.post.report')}
          </a>
        </div>
      )}
    </article>
  );
}

/**
 * One timeline post with its replies and a reply form. Keyed for the live client like comments: a
 * new post goes at the end of the timeline, a reply under its post, a changed one in place.
 */
export function PostItem(props: PostItemProps) {
  const { t, web, post, threadOpen } = props;
  const replies = props.replies.get(post.id) ?? [];
  const author = post.author?.displayName ?? t.t('codesign.post.deletedAuthor');
  const top = post.parentId === null;
  return (
    <li
      class="polity-timeline__entry"
      data-live-key={`post-${post.id}`}
      data-live-in={top ? 'timeline' : `replies-${post.parentId}`}
      data-live-under={top ? undefined : `post-${post.parentId}`}
      data-announce={t.t('codesign.announce.post', { author })}
    >
      <PostBody {...props} />
      {replies.length > 0 && (
        <ul class="polity-comments" data-live-list={`replies-${post.id}`} aria-label={t.t('codesign.replies')}>
          {replies.map((reply) => (
            <PostItem key={reply.id} {...props} post={reply} />
          ))}
        </ul>
      )}
      {top && threadOpen && web.principal && !post.deleted && post.moderationState === 'visible' && (
        <details class="polity-reply">
          <summary>{t.t('codesign.reply.open')}</summary>
          <PostForm web={web} action={`/threads/${post.threadId}/posts`}>
            <input type="hidden" name="parentId" value={post.id} />
            <TextAreaField name={`reply-${post.id}`} label={t.t('codesign.reply.label')} rows={3} />
            <button class="polity-button polity-button--secondary" type="submit">
              {t.t('codesign.reply.send')}
            </button>
          </PostForm>
        </details>
      )}
    </li>
  );
}
