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

function Comment({ comment, t }: { comment: CommentThreadDto; t: Translator }) {
  const byline = t.t('proposals.comment.by', {
    author: comment.author?.displayName ?? t.t('proposals.comment.deletedAuthor'),
    date: t.date(comment.createdAt),
  });
  return (
    <li class="polity-comment">
      <article id={`comment-${comment.id}`} aria-label={byline}>
        <p class="polity-meta">
          <span>{byline}</span>
          {comment.alignment && <span>{t.t(`proposals.comment.alignment.${comment.alignment}`)}</span>}
        </p>
        <CommentText comment={comment} t={t} />
        {!comment.deleted && comment.bodyHtml !== null && (
          <p class="polity-meta">{t.t('proposals.comment.votes', { up: comment.upvotes, down: comment.downvotes })}</p>
        )}
        {comment.replies.length > 0 && (
          <ul class="polity-comments">
            {comment.replies.map((reply) => (
              <Comment key={reply.id} comment={reply} t={t} />
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}

/** The conversation under a proposal, threaded; new comments are appended to the log as they arrive. */
export function ProposalComments({ comments, more, t }: { comments: CommentThreadDto[]; more: string | null; t: Translator }) {
  return (
    <section aria-labelledby="comments-title">
      <h2 class="utrecht-heading-2" id="comments-title">
        {t.t('proposals.comments.title')}
      </h2>
      {comments.length === 0 && <p class="utrecht-paragraph">{t.t('proposals.comments.none')}</p>}
      <div role="log" aria-labelledby="comments-title">
        <ul class="polity-comments">
          {comments.map((comment) => (
            <Comment key={comment.id} comment={comment} t={t} />
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
