import { Body, Controller, Get, Header, Headers, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  HTML,
  LIVE_HEADER,
  pageTranslator,
  renderPage,
  resourcePage,
  seeOther,
  signInFirst,
  Translator,
  Web,
  type WebRequest,
} from '@polity/web';
import type { Response } from 'express';
import { renderToString } from 'preact-render-to-string';
import { CommentThreadsQuery } from '../comment-threads.query';
import type { CommentThreadDto } from '../comments.dto';
import { CommentsService } from '../comments.service';
import { type CommentAction, CommentActionPage } from './comment-action.page';
import { commentRefusal, CommentForms, readCommentForm } from './comment-forms';
import { CommentItem } from './comment-item';
import { COMMENTS_MESSAGES } from './comments.messages';
import type { CommentDraft } from './conversation';

const VOTES: Record<string, 1 | -1 | null> = { up: 1, down: -1, clear: null };

/**
 * A comment's own addresses on the site, whatever it is a comment on: read one (the live client's
 * fragment, or a link to it in its conversation), vote, reply, edit and delete. Each form posts,
 * then goes back (303) to the conversation at the comment.
 */
@ApiExcludeController()
@Public()
@Controller('comments/:id')
export class CommentPagesController {
  constructor(
    private readonly threads: CommentThreadsQuery,
    private readonly comments: CommentsService,
    private readonly forms: CommentForms,
    private readonly site: SiteConfig,
  ) {}

  /** For the live client, the comment as its conversation shows this reader; for anyone else, the conversation at it. */
  @Get()
  async one(@Web() web: WebRequest, @Param('id') id: string, @Headers(LIVE_HEADER) live: string | undefined, @Res() response: Response) {
    const comment = await this.find(web, id);
    if (!live) return seeOther(response, this.at(comment));
    response.type(HTML).send(renderToString(<CommentItem comment={comment} t={this.translator(web)} web={web} />));
  }

  @Post('vote')
  async vote(@Web() web: WebRequest, @Param('id') id: string, @Body() form: Record<string, unknown>, @Res() response: Response) {
    const comment = await this.find(web, id);
    const value = VOTES[String(form.value)];
    if (web.principal && value !== undefined) {
      // One's own comment, or one deleted or held meanwhile: nothing to vote on, the conversation shows why.
      await this.comments.vote(web.principal, id, value).catch((error: unknown) => {
        if (!(error instanceof ProblemException && [403, 409].includes(error.getStatus()))) throw error;
      });
    }
    seeOther(response, this.at(comment));
  }

  @Get(':action')
  @Header('content-type', HTML)
  async form(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('action') action: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const chosen = this.action(action);
    const comment = await this.find(web, id);
    if (!web.principal) return signInFirst(response, web.path);
    const draft: CommentDraft =
      chosen === 'edit' ? { body: comment.body ?? '', alignment: comment.alignment ?? undefined, errors: [] } : { errors: [] };
    return this.page(web, chosen, comment, draft);
  }

  @Post(':action')
  @HttpCode(422)
  @Header('content-type', HTML)
  async act(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const chosen = this.action(action);
    const comment = await this.find(web, id);
    if (!web.principal) return signInFirst(response, web.path);
    const t = this.translator(web);
    let draft: CommentDraft;
    if (chosen === 'reply') {
      const published = await this.forms.publish(web.principal, comment.kind, comment.resourceId, form, t, comment.id);
      if ('id' in published) return seeOther(response, this.at({ ...comment, id: published.id }));
      draft = published;
    } else if (chosen === 'edit') {
      draft = readCommentForm(form, t);
      if (draft.errors.length === 0) {
        const changed = await this.comments
          .update(web.principal, id, { body: draft.body, alignment: (draft.alignment as CommentThreadDto['alignment']) ?? null })
          .catch((error: unknown) => ({ refused: commentRefusal(error, t) }));
        if (!('refused' in changed)) return seeOther(response, this.at(comment));
        draft.errors.push({ field: 'body', message: changed.refused });
      }
    } else {
      const deleted = await this.comments
        .delete(web.principal, id)
        .then(() => null)
        .catch((error: unknown) => commentRefusal(error, t));
      if (deleted === null) return seeOther(response, this.at(comment));
      draft = { errors: [{ field: 'body', message: deleted }] };
    }
    return this.page(web, chosen, comment, draft);
  }

  private async find(web: WebRequest, id: string): Promise<CommentThreadDto> {
    const comment = isUuid(id) ? await this.threads.one(id, web.principal).catch(() => null) : null;
    if (!comment || !resourcePage(comment.kind, comment.resourceId)) throw new NotFoundException();
    return comment;
  }

  private action(action: string): CommentAction {
    if (action !== 'reply' && action !== 'edit' && action !== 'delete') throw new NotFoundException();
    return action;
  }

  /** The conversation's page at this comment. */
  private at(comment: Pick<CommentThreadDto, 'id' | 'kind' | 'resourceId'>): string {
    return `${resourcePage(comment.kind, comment.resourceId)}#comment-${comment.id}`;
  }

  private page(web: WebRequest, action: CommentAction, comment: CommentThreadDto, draft: CommentDraft): string {
    const back = this.at(comment);
    return renderPage(
      <CommentActionPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        action={action}
        comment={comment}
        back={back}
        draft={draft}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, COMMENTS_MESSAGES);
  }
}
