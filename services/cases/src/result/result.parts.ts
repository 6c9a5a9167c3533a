import { ResultController, ResultResolver } from './api/result.api';
import { CaseResults1732740000000 } from './infrastructure/1732740000000-case-results';

// What court results add to the cases service (wired in cases.module.ts and data-source.ts).
export const resultResolvers = [ResultResolver];
export const resultControllers = [ResultController];
export const resultMigrations = [CaseResults1732740000000];
