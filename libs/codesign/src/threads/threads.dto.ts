import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { THREAD_STATUSES, type ThreadStatus } from '@polity/contracts';
import { BodyField, PageQueryDto, ResourceLinkDto, TitleField, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

export class CreateThreadDto {
  @TitleField()
  title: string;

  @ApiProperty({ maxLength: 150, example: 'Library opening hours' })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  serviceName: string;

  @ApiProperty({ maxLength: 150, example: 'Culture and libraries' })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  department: string;

  @BodyField(20_000)
  description: string;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'Defaults to discover, define, develop, deliver' })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, {
    each: true,
    message: 'each stage is a name of up to 40 letters, digits, spaces or dashes',
  })
  stages?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, format: 'uuid', description: 'Officials facilitating with you' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ type: ResourceLinkDto, isArray: true, description: 'Proposals, budget projects, surveys… that feed the thread' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResourceLinkDto)
  links?: ResourceLinkDto[];
}

export class UpdateThreadDto extends PartialType(CreateThreadDto) {
  @ApiPropertyOptional({ enum: THREAD_STATUSES, description: 'A closed thread takes no new posts or reactions' })
  @IsOptional()
  @IsIn(THREAD_STATUSES)
  status?: ThreadStatus;
}

export class MoveStageDto {
  @ApiProperty({ example: 'define' })
  @Transform(trimString)
  @IsString()
  @MaxLength(40)
  stage: string;

  @BodyField(10_000, 'What the stage it leaves found or decided (plain text or the Markdown subset)')
  summary: string;
}

export class ThreadIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ListThreadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: THREAD_STATUSES })
  @IsOptional()
  @IsIn(THREAD_STATUSES)
  status?: ThreadStatus;
}
