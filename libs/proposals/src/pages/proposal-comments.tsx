import type { CommentThreadDto } from '@polity/comments';
import type { Translator } from '@polity/web';

/** A comment's text, or what stands in its place: deleted, awaiting a moderator, removed. */
function CommentText({ comment, t }: { comment: CommentThreadDto; t: Translator }) {
  if (comment.deleted) return <p class="utrecht-paragraph">{t.t('proposals.comment.deleted')}</p>;
  if (comment.bodyHtml === null)
    return (
      <p class="utrecht-paragraph">{t.t(comment.moderationState === 'hidden' ? 'proposals.comment.hidden' : 'proposals.comment.held')}</p>
    );
  // Markdown rendered to an allow-listed subset by the comments library.
  return <div class="polity-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />;
}

/**
 * One comment and its replies. The `data-live-*` attributes let the live client put a new or
 * changed comment in place: its key, the list it belongs in, and what to announce.
 */
export function CommentItem({ comment, t }: { comment: CommentThreadDto; t: Translator }) {
  const author = comment.author?.displayName ?? t.t('proposals.comment.deletedAuthor');
  const byline = t.t('proposals.comment.by', { author, date: t.date(comment.createdAt) });
  return (
    <li
      class="polity-comment"
      data-live-key={`comment-${comment.id}`}
      data-live-in={comment.parentId ? `replies-${comment.parentId}` : 'comments'}
      data-announce={t.t('proposals.comment.announce', { author })}
    >
      <article id={`comment-${comment.id}`} aria-label={byline} data-live-body>
        <p class="polity-meta">
          <span>{byline}</span>
          {comment.alignment && <span>{t.t(`proposals.comment.alignment.${comment.alignment}`)}</span>}
        </p>
        <CommentText comment={comment} t={t} />
        {!comment.deleted && comment.bodyHtml !== null && (
          <p class="polity-meta">{t.t('proposals.comment.votes', { up: comment.upvotes, down: comment.downvotes })}</p>
        )}
      </article>
      {/* There, hidden, when empty: a reply arriving live has its list to go in. */}
      <ul class="polity-comments" data-live-list={`replies-${comment.id}`} hidden={comment.replies.length === 0}>
        {comment.replies.map((reply) => (
          <CommentItem key={reply.id} comment={reply} t={t} />
        ))}
      </ul>
    </li>
  );
}

/** The conversation under a proposal, threaded; new comments are added to the log as they arrive. */
export function ProposalComments({ comments, more, t }: { comments: CommentThreadDto[]; more: string | null; t: Translator }) {
  return (
    <section aria-labelledby="comments-title">
      <h2 class="utrecht-heading-2" id="comments-title">
        {t.t('proposals.comments.title')}
      </h2>
      {comments.length === 0 && (
        <p class="utrecht-paragraph" data-live-empty="comments">
          {t.t('proposals.comments.none')}
        </p>
      )}
      <div role="log" aria-labelledby="comments-title" data-live-part="comments">
        <ul class="polity-comments" data-live-list="comments">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} t={t} />
          ))}
        </ul>
      </div>
      {more && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={more}>
            {t.t('proposals.comments.more')}
          </a>
        </p>
      )}
    </section>
  );
}
