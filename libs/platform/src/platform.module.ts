import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, getEntityManagerToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { QueryParametersInterceptor } from './validation/query-parameters';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { DatabaseHealth } from './health/database.health';
import { loggerParams } from './logging/logger';
import { serviceDataSourceOptions, ServiceDataSourceParts } from './database/data-source-options';
import { oneConnectionPerTransaction } from './database/one-connection-per-transaction';
import { recordRequestCommits } from './database/request-commits';
import { subgraphOptions } from './graphql/subgraph-options';
import type { GraphQLScope } from './graphql/graphql-scope';
import { ConnectionAuthenticator, subgraphSubscriptions } from './graphql/subscriptions/subgraph-subscriptions';
import { SubscriptionConnections } from './graphql/subscriptions/subscription-connections';
import { Metrics, MetricsController } from './metrics/metrics';
import { DatabasePoolMetrics } from './metrics/database-pool.metrics';
import { OperationsAccess } from './metrics/operations-access';
import { Config } from './config/config';
import { serviceSettings } from './config/service-config';

export type ServiceConfig = Config<typeof serviceSettings>;
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface PlatformModuleOptions {
  service: string;
  /** The service's GraphQL scope: its schema is made of that module's resolvers and types only. */
  graphql: GraphQLScope;
  config: ServiceConfig;
  database: ServiceDataSourceParts;
  /**
   * Serve the subgraph's subscriptions over graphql-ws at /graphql (subgraphSubscriptions), each
   * connection authenticated by the ConnectionAuthenticator provided under this token: libs/auth's
   * CONNECTION_AUTHENTICATOR, which AuthModule provides.
   */
  subscriptions?: { authenticator: InjectionToken };
}

/**
 * Everything a service needs from the platform, wired the same way in all five: logging, database,
 * GraphQL subgraph, error mapping, validation, health and metrics.
 */
@Module({})
export class PlatformModule {
  static forRoot({ service, graphql, config, database, subscriptions }: PlatformModuleOptions): DynamicModule {
    const metrics = new Metrics(service, OperationsAccess.from(config));
    const connections = new SubscriptionConnections();
    const graphqlOptions = () => subgraphOptions(config.NODE_ENV !== 'production', graphql, metrics.registry, config);
    const dataSourceOptions = {
      ...serviceDataSourceOptions(
        config.DATABASE_URL,
        database,
        config.DATABASE_POOL_SIZE,
        config.DATABASE_ACQUIRE_TIMEOUT_MS,
      ),
      name: service,
    };
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(service, config.LOG_LEVEL)),
        // Named after the service: five services in one process (`npm start`, the tests) are five data
        // sources, not one default registered five times. Code injects DataSource and EntityManager as usual.
        TypeOrmModule.forRootAsync({
          name: service,
          useFactory: () => dataSourceOptions,
          // Every transaction keeps to its own connection (a second one asked for inside it is refused), and
          // a request knows whether it has committed (request-commits.ts).
          dataSourceFactory: async () =>
            recordRequestCommits(oneConnectionPerTransaction(await new DataSource(dataSourceOptions).initialize())),
        }),
        subscriptions
          ? GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
              driver: ApolloFederationDriver,
              inject: [subscriptions.authenticator],
              useFactory: (authenticate: ConnectionAuthenticator) => {
                const base = graphqlOptions();
                return {
                  ...base,
                  ...subgraphSubscriptions({ authenticate, connections, parseOptions: base.parseOptions }),
                };
              },
            })
          : GraphQLModule.forRoot(graphqlOptions()),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: QueryParametersInterceptor },
        HealthRegistry,
        DatabaseHealth,
        { provide: Metrics, useValue: metrics },
        { provide: SubscriptionConnections, useValue: connections },
        DatabasePoolMetrics,
        { provide: DataSource, useExisting: getDataSourceToken(service) },
        { provide: EntityManager, useExisting: getEntityManagerToken(service) },
      ],
      exports: [SERVICE_CONFIG, HealthRegistry, Metrics, SubscriptionConnections, DataSource, EntityManager],
    };
  }
}
