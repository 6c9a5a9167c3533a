import type { Provider } from '@nestjs/common';

// What the hearings feature adds to the cases service (wired in cases.module.ts and data-source.ts).
export const hearingProviders: Provider[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const hearingEntities: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const hearingMigrations: Function[] = [];
