import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access';

/** Import in a service module (after MessagingModule) to authorise case-linked data with `CaseAccess`. */
@Module({ providers: [CaseAccess], exports: [CaseAccess] })
export class CaseAccessModule {}
