import { COMMENT_ALIGNMENTS } from '@polity/contracts';
import { ErrorSummary, type FieldError, PostForm, SelectField, TextAreaField, type Translator, type WebRequest } from '@polity/web';
import { COMMENT_SORTS, type CommentSort, type CommentThreadDto } from '../comments.dto';
import { CommentItem } from './comment-item';

export interface CommentDraft {
  body?: string;
  alignment?: string;
  errors: FieldError[];
}

export interface ConversationProps {
  t: Translator;
  web: WebRequest;
  /** The page the conversation is on (`/proposals/<id>`): its sort links go there, its form posts to `<page>/comments`. */
  page: string;
  comments: CommentThreadDto[];
  sort: CommentSort;
  /** The address of the next comments, if there are more. */
  more: string | null;
  draft: CommentDraft;
  /** Whether the resource takes comments now. */
  open: boolean;
}

/**
 * The conversation under anything people discuss: threaded comments in the reader's chosen order,
 * each with what the reader may do with it, and the form to add one. New and changed comments
 * are put in the log as they happen (see CommentItem's live attributes).
 */
export function Conversation({ t, web, page, comments, sort, more, draft, open }: ConversationProps) {
  return (
    <section aria-labelledby="comments-title">
      <h2 class="utrecht-heading-2" id="comments-title">
        {t.t('comments.title')}
      </h2>
      {comments.length > 1 && (
        <nav class="polity-sort" aria-label={t.t('comments.sort.label')}>
          <ul>
            {COMMENT_SORTS.map((option) => (
              <li key={option}>
                <a href={`${page}?sort=${option}#comments-title`} aria-current={option === sort ? 'true' : undefined}>
                  {t.t(`comments.sort.${option}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {comments.length === 0 && (
        <p class="utrecht-paragraph" data-live-empty="comments">
          {t.t('comments.none')}
        </p>
      )}
      <div role="log" aria-labelledby="comments-title" data-live-part="comments">
        <ul class="polity-comments" data-live-list="comments">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} t={t} web={web} />
          ))}
        </ul>
      </div>
      {more && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={more}>
            {t.t('comments.more')}
          </a>
        </p>
      )}
      {open && web.principal && <CommentForm t={t} web={web} action={`${page}/comments`} draft={draft} />}
    </section>
  );
}

/** The form that adds a comment (or a reply); sent back with the text kept when something is wrong. */
export function CommentForm({
  t,
  web,
  action,
  draft,
  title = t.t('comments.form.title'),
  submit = t.t('comments.form.submit'),
}: {
  t: Translator;
  web: WebRequest;
  action: string;
  draft: CommentDraft;
  title?: string;
  submit?: string;
}) {
  return (
    <section aria-labelledby="comment-form-title">
      <h2 class="utrecht-heading-2" id="comment-form-title">
        {title}
      </h2>
      <ErrorSummary t={t} errors={draft.errors} />
      <PostForm web={web} action={action}>
        <TextAreaField
          name="body"
          label={t.t('comments.form.body')}
          hint={t.t('comments.form.bodyHint')}
          value={draft.body}
          error={draft.errors.find((error) => error.field === 'body')?.message}
          preview={t.t('comments.form.preview')}
        />
        <SelectField
          name="alignment"
          label={t.t('comments.form.alignment')}
          value={draft.alignment}
          options={[
            { value: '', label: t.t('comments.form.noAlignment') },
            ...COMMENT_ALIGNMENTS.map((alignment) => ({ value: alignment, label: t.t(`comments.alignment.${alignment}`) })),
          ]}
        />
        <button class="polity-button" type="submit">
          {submit}
        </button>
      </PostForm>
    </section>
  );
}
