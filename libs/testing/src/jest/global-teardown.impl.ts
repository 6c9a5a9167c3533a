import { releaseInfrastructure } from './infrastructure';

export default async function globalTeardown(): Promise<void> {
  await releaseInfrastructure();
}
