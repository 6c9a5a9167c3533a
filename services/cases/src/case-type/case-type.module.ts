import { DynamicModule, Module } from '@nestjs/common';
import { CASE_TYPES } from './case-types';
import { assertValidCaseTypes } from './domain/case-type.validation';

/** The case types the service administers: data (definitions/), read by the other features directly. */
@Module({})
export class CaseTypeModule {
  /** Case types are data: a bad definition stops the service here, with every problem named. */
  static checked(): DynamicModule {
    assertValidCaseTypes(CASE_TYPES);
    return { module: CaseTypeModule };
  }
}
