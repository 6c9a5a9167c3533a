import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@ccsc/case-access';
import { LedgerController, ReconciliationController } from './api/ledger.controller';
import { LedgerResolver } from './api/ledger.resolver';
import { LedgerEntryQueries } from './application/ledger-entry.queries';
import { LedgerQueries } from './application/ledger.queries';
import { LedgerRepository } from './infrastructure/ledger.repository';

/** The double-entry ledger every balance is derived from, its reading by finance officers, and its daily reconciliation. */
@Module({
  imports: [CaseAccessModule],
  controllers: [ReconciliationController, LedgerController],
  providers: [LedgerResolver, LedgerRepository, LedgerQueries, LedgerEntryQueries],
  exports: [LedgerRepository],
})
export class LedgerModule {}
