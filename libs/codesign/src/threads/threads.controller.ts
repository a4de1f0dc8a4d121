import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ThreadPostView, ThreadStageChangeView, ThreadTimelineEntry, ThreadView } from '@polity/contracts';
import { CurrentPrincipal, type Page, PageQueryDto, type Principal, Public, RequireRoles } from '@polity/platform';
import { CreatePostDto, EditPostDto, MarkPostDto, PostParamsDto, ReactionParamsDto, ReactionStateDto } from '../posts/posts.dto';
import { PostsService } from '../posts/posts.service';
import { ThreadsQuery } from '../timeline/threads.query';
import { CreateThreadDto, ListThreadsQueryDto, MoveStageDto, ThreadIdParamsDto, UpdateThreadDto } from './threads.dto';
import { ThreadsService } from './threads.service';

@ApiTags('co-design')
@ApiExtraModels(ReactionStateDto)
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly query: ThreadsQuery,
  ) {}

  /** Lists co-design threads, newest first. */
  @Public()
  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ListThreadsQueryDto): Promise<Page<ThreadView>> {
    return this.query.list(query, principal);
  }

  /** Opens a co-design thread about a public service, with its facilitators, stages and links. Officials. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post()
  @ApiCreatedResponse({ description: 'The thread; you facilitate it' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateThreadDto): Promise<ThreadView> {
    return this.threads.create(principal, body);
  }

  /** Reads a thread: service, stage, facilitators, links and summaries. */
  @Public()
  @Get(':id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param() params: ThreadIdParamsDto): Promise<ThreadView> {
    return this.query.get(params.id, principal);
  }

  /** Facilitators edit the thread: details, stages, facilitators, links, open or closed. */
  @ApiBearerAuth()
  @Patch(':id')
  update(@CurrentPrincipal() principal: Principal, @Param() params: ThreadIdParamsDto, @Body() body: UpdateThreadDto): Promise<ThreadView> {
    return this.threads.update(principal, params.id, body);
  }

  /**
   * Moves the thread to another stage with a summary of what the stage found. Its facilitators, while they hold
   * the official role.
   */
  @ApiBearerAuth()
  @Post(':id/stage')
  @HttpCode(200)
  moveStage(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ThreadIdParamsDto,
    @Body() body: MoveStageDto,
  ): Promise<ThreadStageChangeView> {
    return this.threads.moveStage(principal, params.id, body);
  }

  /** Posts, stage changes with their summaries, and council decisions, oldest first. */
  @Public()
  @Get(':id/timeline')
  timeline(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: ThreadIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<ThreadTimelineEntry>> {
    return this.query.timeline(params.id, query, principal);
  }

  /**
   * Posts a problem, idea, question, evidence or update (facilitators' posts are marked official), or a reply with
   * parentId. Screened like comments.
   */
  @ApiBearerAuth()
  @Post(':id/posts')
  createPost(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ThreadIdParamsDto,
    @Body() body: CreatePostDto,
  ): Promise<ThreadPostView> {
    return this.posts.create(principal, params.id, body);
  }

  /** Edits my post (screened again). */
  @ApiBearerAuth()
  @Patch(':id/posts/:postId')
  editPost(@CurrentPrincipal() principal: Principal, @Param() params: PostParamsDto, @Body() body: EditPostDto): Promise<ThreadPostView> {
    return this.posts.edit(principal, params.id, params.postId, body);
  }

  /** Deletes my post: its text goes, its place, reactions and replies stay. */
  @ApiBearerAuth()
  @Delete(':id/posts/:postId')
  @HttpCode(204)
  deletePost(@CurrentPrincipal() principal: Principal, @Param() params: PostParamsDto): Promise<void> {
    return this.posts.delete(principal, params.id, params.postId);
  }

  /** Lists the replies to a post, cursor-paged. */
  @Public()
  @Get(':id/posts/:postId/replies')
  replies(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: PostParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<ThreadPostView>> {
    return this.query.replies(params.id, params.postId, query, principal);
  }

  /** Facilitators pin a post or mark a question answered. */
  @ApiBearerAuth()
  @Put(':id/posts/:postId/marks')
  mark(@CurrentPrincipal() principal: Principal, @Param() params: PostParamsDto, @Body() body: MarkPostDto): Promise<ThreadPostView> {
    return this.posts.mark(principal, params.id, params.postId, body);
  }

  /** Adds my reaction (support or me_too) to a post; once per person. */
  @ApiBearerAuth()
  @Put(':id/posts/:postId/reactions/:reaction')
  @ApiOkResponse({ type: ReactionStateDto })
  react(@CurrentPrincipal() principal: Principal, @Param() params: ReactionParamsDto): Promise<ReactionStateDto> {
    return this.posts.react(principal, params.id, params.postId, params.reaction, true);
  }

  /** Takes back my reaction. */
  @ApiBearerAuth()
  @Delete(':id/posts/:postId/reactions/:reaction')
  @ApiOkResponse({ type: ReactionStateDto })
  unreact(@CurrentPrincipal() principal: Principal, @Param() params: ReactionParamsDto): Promise<ReactionStateDto> {
    return this.posts.react(principal, params.id, params.postId, params.reaction, false);
  }
}
