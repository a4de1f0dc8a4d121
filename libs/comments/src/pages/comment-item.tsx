import { PostForm, resourcePage, type Translator, type WebRequest } from '@polity/web';
import type { CommentThreadDto } from '../comments.dto';
import { MAX_COMMENT_DEPTH } from '../comments.service';

/** A comment's text, or what stands in its place: deleted, awaiting a moderator (its author is told so), removed. */
function CommentText({ comment, t, mine }: { comment: CommentThreadDto; t: Translator; mine: boolean }) {
  if (comment.deleted) return <p class="utrecht-paragraph">{t.t('comments.deleted')}</p>;
  if (comment.bodyHtml === null)
    return <p class="utrecht-paragraph">{t.t(comment.moderationState === 'hidden' ? 'comments.hidden' : 'comments.held')}</p>;
  return (
    <>
      {mine && comment.moderationState === 'held' && <p class="polity-notice">{t.t('comments.heldYours')}</p>}
      {/* Markdown rendered to an allow-listed subset by the comments library. */}
      <div class="polity-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
    </>
  );
}

/** What a signed-in reader may do with a comment: vote, reply, and change their own or report another's. */
function CommentActions({ comment, t, web }: { comment: CommentThreadDto; t: Translator; web: WebRequest }) {
  const mine = comment.author?.id === web.principal?.userId;
  const live = comment.moderationState === 'visible';
  const back = encodeURIComponent(`${resourcePage(comment.kind, comment.resourceId) ?? '/'}#comment-${comment.id}`);
  return (
    <div class="polity-comment__actions" role="group" aria-label={t.t('comments.actions.label')}>
      {live && !mine && (
        <PostForm web={web} action={`/comments/${comment.id}/vote`} live>
          <button
            class="polity-link-button polity-link-button--plain"
            type="submit"
            name="value"
            value={comment.myVote === 1 ? 'clear' : 'up'}
            aria-pressed={comment.myVote === 1 ? 'true' : 'false'}
            id={`vote-up-${comment.id}`}
          >
            {t.t('comments.vote.up', { count: comment.upvotes })}
          </button>{' '}
          <button
            class="polity-link-button polity-link-button--plain"
            type="submit"
            name="value"
            value={comment.myVote === -1 ? 'clear' : 'down'}
            aria-pressed={comment.myVote === -1 ? 'true' : 'false'}
            id={`vote-down-${comment.id}`}
          >
            {t.t('comments.vote.down', { count: comment.downvotes })}
          </button>
        </PostForm>
      )}
      {live && comment.depth < MAX_COMMENT_DEPTH && (
        <a class="utrecht-link" href={`/comments/${comment.id}/reply`}>
          {t.t('comments.action.reply')}
        </a>
      )}
      {mine && (
        <a class="utrecht-link" href={`/comments/${comment.id}/edit`}>
          {t.t('comments.action.edit')}
        </a>
      )}
      {mine && (
        <a class="utrecht-link" href={`/comments/${comment.id}/delete`}>
          {t.t('comments.action.delete')}
        </a>
      )}
      {live && !mine && (
        <a class="utrecht-link" href={`/report?kind=comments&id=${comment.id}&back=${back}`}>
          {t.t('comments.action.report')}
        </a>
      )}
    </div>
  );
}

/** A comment without what is nested under it: its byline, text, votes and actions. */
export function CommentBody({
  comment,
  t,
  web,
  withActions = true,
}: {
  comment: CommentThreadDto;
  t: Translator;
  web: WebRequest;
  withActions?: boolean;
}) {
  const author = comment.author?.displayName ?? t.t('comments.deletedAuthor');
  const byline = t.t('comments.by', { author, date: t.date(comment.createdAt) });
  const mine = comment.author !== null && comment.author.id === web.principal?.userId;
  const readable = !comment.deleted && comment.bodyHtml !== null;
  return (
    <article id={`comment-${comment.id}`} aria-label={byline} data-live-body>
      <p class="polity-meta">
        <span>{byline}</span>
        {comment.edited && !comment.deleted && <span>{t.t('comments.edited')}</span>}
        {comment.alignment && <span>{t.t(`comments.alignment.${comment.alignment}`)}</span>}
      </p>
      <CommentText comment={comment} t={t} mine={mine} />
      {readable && (!web.principal || mine || !withActions) && (
        <p class="polity-meta">{t.t('comments.votes', { up: comment.upvotes, down: comment.downvotes })}</p>
      )}
      {readable && web.principal && withActions && <CommentActions comment={comment} t={t} web={web} />}
    </article>
  );
}

/**
 * One comment and its replies. The `data-live-*` attributes let the live client put a new or
 * changed comment in place: its key, the list it belongs in (and, for a reply, the comment that
 * list hangs under), and what to announce.
 */
export function CommentItem({ comment, t, web }: { comment: CommentThreadDto; t: Translator; web: WebRequest }) {
  const author = comment.author?.displayName ?? t.t('comments.deletedAuthor');
  return (
    <li
      class="polity-comment"
      data-live-key={`comment-${comment.id}`}
      data-live-in={comment.parentId ? `replies-${comment.parentId}` : 'comments'}
      data-live-under={comment.parentId ? `comment-${comment.parentId}` : undefined}
      data-announce={t.t('comments.announce', { author })}
    >
      <CommentBody comment={comment} t={t} web={web} />
      {/* Only when there are replies: the live client makes the list for the first one that arrives. */}
      {comment.replies.length > 0 && (
        <ul class="polity-comments" data-live-list={`replies-${comment.id}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} t={t} web={web} />
          ))}
        </ul>
      )}
    </li>
  );
}
