import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthMiddleware } from './auth.middleware';
import { TokenVerifier, TokenVerifierOptions } from './token-verifier';
import { CONNECTION_AUTHENTICATOR, connectionAuthenticator } from './connection-authenticator';

@Module({})
export class AuthModule implements NestModule {
  static forRoot(options: TokenVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(options) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: CONNECTION_AUTHENTICATOR, useFactory: connectionAuthenticator, inject: [TokenVerifier] },
      ],
      exports: [TokenVerifier, CONNECTION_AUTHENTICATOR],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthMiddleware).forRoutes('{*path}');
  }
}

/** Verifier options from the shared service settings. */
export function authOptionsFrom(config: {
  NODE_ENV: string;
  AUTH_JWKS_URL?: string;
  AUTH_LOCAL_KEYS_DIR?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}): TokenVerifierOptions {
  return {
    jwksUrl: config.AUTH_JWKS_URL,
    localKeysDir: config.AUTH_LOCAL_KEYS_DIR,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    production: config.NODE_ENV === 'production',
  };
}
