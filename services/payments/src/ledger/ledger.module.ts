import { Module } from '@nestjs/common';
import { ReconciliationController } from './api/ledger.controller';
import { LedgerQueries } from './application/ledger.queries';
import { LedgerRepository } from './infrastructure/ledger.repository';

/** The double-entry ledger every balance is derived from, and its daily reconciliation. */
@Module({
  controllers: [ReconciliationController],
  providers: [LedgerRepository, LedgerQueries],
  exports: [LedgerRepository],
})
export class LedgerModule {}
