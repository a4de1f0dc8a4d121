import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class EraseAccountDto {
  @ApiProperty({ description: 'Your password, to confirm it is you' })
  @IsString()
  @MaxLength(256)
  password: string;
}
