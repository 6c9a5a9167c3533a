import type { Provider, Type } from '@nestjs/common';
import { ComplaintMiController, ComplaintMiResolver } from './api/complaint-mi.api';
import { ComplaintMiQueries } from './application/complaint-mi';

export const miResolvers: Provider[] = [ComplaintMiResolver];
export const miProviders: Provider[] = [ComplaintMiQueries];
export const miControllers: Type<unknown>[] = [ComplaintMiController];
