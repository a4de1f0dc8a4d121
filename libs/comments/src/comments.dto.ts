import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMENT_ALIGNMENTS,
  type AuthorView,
  type CommentAlignment,
  type CommentView,
  CONTENT_STATES,
  type ContentState,
} from '@polity/contracts';
import { AuthorDto, PageQueryDto, trimString } from '@polity/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const COMMENT_SORTS = ['oldest', 'newest', 'best'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export class CreateCommentDto {
  @ApiProperty({ maxLength: 5000, description: 'Plain text or the Markdown subset' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment this replies to' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: COMMENT_ALIGNMENTS })
  @IsOptional()
  @IsIn(COMMENT_ALIGNMENTS)
  alignment?: CommentAlignment;
}

export class UpdateCommentDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body?: string;

  @ApiPropertyOptional({ enum: COMMENT_ALIGNMENTS, nullable: true })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsIn(COMMENT_ALIGNMENTS)
  alignment?: CommentAlignment | null;
}

export class VoteCommentDto {
  @ApiProperty({ enum: [1, -1] })
  @IsIn([1, -1])
  value: 1 | -1;
}

export class CommentIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commentId: string;
}

export class ListCommentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_SORTS, default: 'oldest' })
  @IsOptional()
  @IsIn(COMMENT_SORTS)
  sort: CommentSort = 'oldest';
}

export class CommentDto implements CommentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'uuid' }) resourceId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() depth: number;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Allow-listed HTML' }) bodyHtml: string | null;
  @ApiProperty({ enum: COMMENT_ALIGNMENTS, nullable: true }) alignment: CommentAlignment | null;
  @ApiProperty({ type: AuthorDto, nullable: true }) author: AuthorView | null;
  @ApiProperty() upvotes: number;
  @ApiProperty() downvotes: number;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ enum: CONTENT_STATES }) moderationState: ContentState;
  @ApiProperty() edited: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CommentWithMyVoteDto extends CommentDto {
  @ApiProperty({ type: Number, nullable: true, enum: [1, -1] }) myVote: 1 | -1 | null;
}

export class CommentThreadDto extends CommentWithMyVoteDto {
  @ApiProperty({ type: () => CommentThreadDto, isArray: true }) replies: CommentThreadDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'On a top-level comment whose conversation has more replies than shown: the cursor for GET /comments/<id>/replies',
  })
  moreReplies: string | null;
}

export class CommentReplyPageDto {
  @ApiProperty({ type: CommentWithMyVoteDto, isArray: true, description: 'Oldest first; attach each to its parentId' })
  items: CommentWithMyVoteDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CommentThreadPageDto {
  @ApiProperty({ type: CommentThreadDto, isArray: true }) items: CommentThreadDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
