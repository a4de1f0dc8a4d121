import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { THREAD_POST_TYPES, THREAD_REACTIONS, type ThreadPostType, type ThreadReaction } from '@polity/contracts';
import { BodyField, PageQueryDto } from '@polity/platform';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export class CreatePostDto {
  @ApiPropertyOptional({
    enum: THREAD_POST_TYPES,
    description: 'Required for a top-level post; replies have none. `update` is for facilitators.',
  })
  @ValidateIf((post: CreatePostDto) => post.parentId === undefined || post.type !== undefined)
  @IsIn(THREAD_POST_TYPES)
  type?: ThreadPostType;

  @ApiPropertyOptional({ format: 'uuid', description: 'The post this replies to' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @BodyField(10_000)
  body: string;
}

export class EditPostDto {
  @BodyField(10_000)
  body: string;
}

/** What facilitators mark on a post. */
export class MarkPostDto {
  @ApiPropertyOptional({ description: 'Top-level posts only' })
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ description: 'Questions only' })
  @IsOptional()
  @IsBoolean()
  answered?: boolean;
}

export class PostParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  postId: string;
}

export class ReactionParamsDto extends PostParamsDto {
  @ApiProperty({ enum: THREAD_REACTIONS })
  @IsIn(THREAD_REACTIONS)
  reaction: ThreadReaction;
}

export class ReactionStateDto {
  @ApiProperty() support: number;
  @ApiProperty() meToo: number;
  @ApiProperty({ enum: THREAD_REACTIONS, isArray: true, description: 'My reactions to this post' }) mine: ThreadReaction[];
}

export class RepliesQueryDto extends PageQueryDto {}
