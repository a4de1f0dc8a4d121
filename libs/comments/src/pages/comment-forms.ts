import { Injectable } from '@nestjs/common';
import { COMMENT_ALIGNMENTS, type CommentAlignment } from '@polity/contracts';
import { type Principal, ProblemException } from '@polity/platform';
import { formText, type Translator } from '@polity/web';
import { CommentsService } from '../comments.service';
import type { CommentDraft } from './conversation';

const MAX_BODY = 5000;

/** The refusals a person can do something about, shown beside the text; anything else is the server's fault. */
const SHOWN = [403, 409, 422, 429];

/** A comment form as sent: its text and position, and what is wrong with them. */
export function readCommentForm(form: Record<string, unknown>, t: Translator): CommentDraft & { alignment?: CommentAlignment } {
  const body = formText(form.body, MAX_BODY * 2).trim();
  const alignment = COMMENT_ALIGNMENTS.find((value) => value === form.alignment);
  const errors = !body
    ? [{ field: 'body', message: t.t('comments.form.empty') }]
    : body.length > MAX_BODY
      ? [{ field: 'body', message: t.t('comments.form.tooLong') }]
      : [];
  return { body, alignment, errors };
}

/** What a refused comment says to its writer, beside the text. */
export function commentRefusal(error: unknown, t: Translator): string {
  if (!(error instanceof ProblemException) || !SHOWN.includes(error.getStatus())) throw error;
  const detail = (error.getResponse() as { detail?: string }).detail ?? error.message;
  return t.t('comments.form.refused', { reason: detail });
}

/** Publishing a comment or a reply from a page's form, for every feature whose pages hold a conversation. */
@Injectable()
export class CommentForms {
  constructor(private readonly comments: CommentsService) {}

  /** The new comment's id, or the draft back with what is wrong. */
  async publish(
    principal: Principal,
    kind: string,
    resourceId: string,
    form: Record<string, unknown>,
    t: Translator,
    parentId?: string,
  ): Promise<{ id: string } | CommentDraft> {
    const draft = readCommentForm(form, t);
    if (draft.errors.length > 0) return draft;
    try {
      const created = await this.comments.create(principal, kind, resourceId, {
        body: draft.body ?? '',
        ...(draft.alignment && { alignment: draft.alignment }),
        ...(parentId && { parentId }),
      });
      return { id: created.id };
    } catch (error) {
      return { ...draft, errors: [{ field: 'body', message: commentRefusal(error, t) }] };
    }
  }
}
