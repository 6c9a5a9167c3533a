import type { Provider } from '@nestjs/common';

// What the case search adds to the cases service (wired in cases.module.ts and data-source.ts).
export const searchProviders: Provider[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const searchEntities: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const searchMigrations: Function[] = [];
