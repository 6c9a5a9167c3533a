import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { DocumentController } from './api/document.controller';
import { DocumentResolver } from './api/document.resolver';
import { DocumentCommands } from './application/document.commands';
import { DocumentQueries } from './application/document.queries';
import { DocumentRepository } from './infrastructure/document.repository';

/** Documents of cases: received from any channel, reviewed when they may be non-standard. */
@Module({
  imports: [CaseModule],
  controllers: [DocumentController],
  providers: [DocumentResolver, DocumentCommands, DocumentQueries, DocumentRepository],
})
export class DocumentModule {}
