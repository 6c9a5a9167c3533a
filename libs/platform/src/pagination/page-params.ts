import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInteger } from '../validation/query-parameters';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './cursor';

/**
 * The paging part of every REST list's query string. Combine it with a filter class through
 * @nestjs/swagger's IntersectionType, which keeps both classes' validation and documentation.
 */
export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
