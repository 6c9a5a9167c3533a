import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IDEMPOTENCY_OPTIONS, IdempotencyInterceptor, IdempotencyOptions } from './idempotency.interceptor';

/**
 * Registers IdempotencyInterceptor for every route of the service. Imported by each service's root
 * module next to PlatformModule (whose TypeOrmModule provides the DataSource it uses):
 *
 *   imports: [PlatformModule.forRoot(...), AuthModule.forRoot(...), IdempotencyModule.forRoot(), ...]
 *
 * and one of the service's migrations creates the table with `createIdempotencyTable(q)`. It is a
 * module of its own, not part of PlatformModule, so that a service turns it on in the same change
 * that adds the table: without the table every keyed POST would fail.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyOptions = {}): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
