import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommentView } from '@polity/contracts';
import { CurrentPrincipal, DiscussableResources, Page, PageQueryDto, Principal, Public } from '@polity/platform';
import { IsUUID, Matches } from 'class-validator';
import { CommentThreadsQuery } from './comment-threads.query';
import {
  CommentDto,
  CommentIdParamsDto,
  CommentReplyPageDto,
  CommentThreadDto,
  CommentThreadPageDto,
  CommentWithMyVoteDto,
  CreateCommentDto,
  ListCommentsQueryDto,
  UpdateCommentDto,
  VoteCommentDto,
} from './comments.dto';
import { CommentsService } from './comments.service';

class CommentedResourceParamsDto {
  @Matches(/^[a-z][a-z-]{1,30}$/)
  kind: string;

  @IsUUID()
  id: string;
}

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly threads: CommentThreadsQuery,
    private readonly resources: DiscussableResources,
  ) {}

  /** The discussion of any resource that takes comments, e.g. `/proposals/<id>/comments`. */
  @Public()
  @Get(':kind/:id/comments')
  @ApiOkResponse({ type: CommentThreadPageDto })
  async list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: CommentedResourceParamsDto,
    @Query() query: ListCommentsQueryDto,
  ): Promise<Page<CommentThreadDto>> {
    await this.resources.roomOf(params.kind, params.id, principal);
    return this.threads.page(params.kind, params.id, query.sort, query.limit, query.cursor, principal);
  }

  /** The rest of a conversation, after the replies its top-level comment came with. */
  @Public()
  @Get('comments/:commentId/replies')
  @ApiOkResponse({ type: CommentReplyPageDto })
  replies(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: CommentIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<CommentWithMyVoteDto>> {
    return this.threads.replies(params.commentId, query.limit, query.cursor, principal);
  }

  /**
   * Comments on a proposal, budget, project, survey or thread, or replies with parentId. Followers are told once
   * screening clears it; 409 when the discussion is closed.
   */
  @ApiBearerAuth()
  @Post(':kind/:id/comments')
  @ApiCreatedResponse({ type: CommentDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommentedResourceParamsDto,
    @Body() body: CreateCommentDto,
  ): Promise<CommentView> {
    return this.comments.create(principal, params.kind, params.id, body);
  }

  /**
   * Edits my comment (screened again; pre-moderated edits wait for screening). 409 once a moderator hid it.
   */
  @ApiBearerAuth()
  @Patch('comments/:commentId')
  @ApiOkResponse({ type: CommentDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommentIdParamsDto,
    @Body() body: UpdateCommentDto,
  ): Promise<CommentView> {
    return this.comments.update(principal, params.commentId, body);
  }

  /** Deletes my comment: its text goes, its place and replies stay. */
  @ApiBearerAuth()
  @Delete('comments/:commentId')
  @HttpCode(204)
  delete(@CurrentPrincipal() principal: Principal, @Param() params: CommentIdParamsDto): Promise<void> {
    return this.comments.delete(principal, params.commentId);
  }

  /** Votes a comment up (1) or down (-1); one vote per person, replaced by the next. */
  @ApiBearerAuth()
  @Put('comments/:commentId/vote')
  @ApiOkResponse({ type: CommentDto })
  vote(@CurrentPrincipal() principal: Principal, @Param() params: CommentIdParamsDto, @Body() body: VoteCommentDto): Promise<CommentView> {
    return this.comments.vote(principal, params.commentId, body.value);
  }

  /** Takes back my vote on a comment. */
  @ApiBearerAuth()
  @Delete('comments/:commentId/vote')
  @ApiOkResponse({ type: CommentDto })
  unvote(@CurrentPrincipal() principal: Principal, @Param() params: CommentIdParamsDto): Promise<CommentView> {
    return this.comments.vote(principal, params.commentId, null);
  }
}
