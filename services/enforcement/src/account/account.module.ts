import { Module } from '@nestjs/common';
import { AccountController } from './api/account.controller';
import { CaseFineAccountsResolver, FineAccountResolver } from './api/account.resolver';
import { AccountCommands } from './application/account.commands';
import { AccountQueries } from './application/account.queries';
import { DefendantIdentities } from './application/defendant-identities';
import { PaymentApplication } from './application/payment-application';
import { AccountEventsConsumer } from './consumers/account-events.consumer';
import { PartyIdentityConsumer } from './consumers/party-identity.consumer';
import { AccountRepository } from './infrastructure/account.repository';
import { PaymentRepository } from './infrastructure/payment.repository';
import { PartyIdentityRepository } from './infrastructure/party-identity.repository';

/** Fine accounts: opened from court results and fixed penalties, paid, consolidated (one defendant across cases), read. */
@Module({
  controllers: [AccountController],
  providers: [
    FineAccountResolver,
    CaseFineAccountsResolver,
    AccountQueries,
    AccountCommands,
    PaymentApplication,
    AccountEventsConsumer,
    DefendantIdentities,
    PartyIdentityConsumer,
    AccountRepository,
    PaymentRepository,
    PartyIdentityRepository,
  ],
  // The other features work on accounts: they lock and change them through the repository, read
  // them through the queries, and an executed warrant's collection is applied as a payment; suspense
  // matches defendants as consolidation does.
  exports: [AccountRepository, AccountQueries, PaymentApplication, PartyIdentityRepository],
})
export class AccountModule {}
