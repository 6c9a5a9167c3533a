import { ReferralController, ReferralResolver } from './api/referral.api';
import { ReferralCommands } from './application/referral.commands';
import { AssistedDigitalReferrals1732760000000 } from './infrastructure/1732760000000-assisted-digital-referrals';

// What assisted digital adds to the cases service (wired in cases.module.ts and data-source.ts).
export const referralResolvers = [ReferralResolver];
export const referralProviders = [ReferralCommands];
export const referralControllers = [ReferralController];
export const referralMigrations = [AssistedDigitalReferrals1732760000000];
