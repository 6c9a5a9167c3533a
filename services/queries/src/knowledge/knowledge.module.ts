import { Module } from '@nestjs/common';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { KnowledgeController } from './api/knowledge.controller';
import { KnowledgeResolver } from './api/knowledge.resolver';
import { KnowledgeService } from './application/knowledge.service';
import { KnowledgeRepository } from './infrastructure/knowledge.repository';

/** The knowledge base: versioned articles in English and Welsh, full-text search, "did this help?". */
@Module({
  imports: [EnquiryModule],
  controllers: [KnowledgeController],
  providers: [KnowledgeResolver, KnowledgeRepository, KnowledgeService],
})
export class KnowledgeModule {}
