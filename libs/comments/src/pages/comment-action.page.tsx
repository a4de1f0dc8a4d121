import { ErrorSummary, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { CommentThreadDto } from '../comments.dto';
import { CommentBody } from './comment-item';
import { type CommentDraft, CommentForm } from './conversation';

export type CommentAction = 'reply' | 'edit' | 'delete';

export interface CommentActionPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  action: CommentAction;
  comment: CommentThreadDto;
  /** The page the conversation is on, to go back to. */
  back: string;
  draft: CommentDraft;
}

const TITLES: Record<CommentAction, string> = {
  reply: 'comments.reply.title',
  edit: 'comments.edit.title',
  delete: 'comments.delete.title',
};

/** Replying to a comment, editing or deleting one's own: the comment as it stands, then the form. */
export function CommentActionPage({ t, siteName, web, action, comment, back, draft }: CommentActionPageProps) {
  const author = comment.author?.displayName ?? t.t('comments.deletedAuthor');
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t(TITLES[action], { author })}>
      <div class="polity-quote">
        <CommentBody comment={comment} t={t} web={web} withActions={false} />
      </div>
      {action === 'delete' ? (
        <>
          <ErrorSummary t={t} errors={draft.errors} />
          <p class="utrecht-paragraph">{t.t('comments.delete.explain')}</p>
          <PostForm web={web} action={`/comments/${comment.id}/delete`}>
            <button class="polity-button" type="submit">
              {t.t('comments.delete.submit')}
            </button>
          </PostForm>
        </>
      ) : (
        <CommentForm
          t={t}
          web={web}
          action={`/comments/${comment.id}/${action}`}
          draft={draft}
          title={t.t(action === 'reply' ? 'comments.form.body' : 'comments.edit.title')}
          submit={t.t(action === 'reply' ? 'comments.reply.submit' : 'comments.edit.submit')}
        />
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {t.t('comments.cancel')}
        </a>
      </p>
    </Layout>
  );
}
