import type { Provider } from '@nestjs/common';
import { ReportingResolver } from './api/reporting.resolver';
import { ManagementInformation } from './application/management-information';

export const reportingResolvers: Provider[] = [ReportingResolver];
export const reportingProviders: Provider[] = [ManagementInformation];
