import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ccsc/auth';
import { ENQUIRY_READERS } from '../../roles';
import { KnowledgeService } from '../application/knowledge.service';
import { KnowledgeSearchQuery } from './knowledge.inputs';
import { SearchHitModel } from './knowledge.model';

/** The knowledge base over REST, for web forms and partners. Errors are RFC 9457 problem+json. */
@ApiTags('queries')
@Controller('api/v1/queries')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get('knowledge/search')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'Search published knowledge-base articles, most relevant first' })
  @ApiOkResponse({ type: [SearchHitModel] })
  async search(@Query() query: KnowledgeSearchQuery) {
    return (await this.knowledge.search(query.text, query.language ?? 'en', query.service, query.limit ?? 10)).map(
      SearchHitModel.from,
    );
  }
}
