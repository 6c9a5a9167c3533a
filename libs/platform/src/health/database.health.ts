import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthRegistry } from './health.registry';

/** Ready means: the database answers and no migration is pending. */
@Injectable()
export class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: HealthRegistry,
  ) {}

  onModuleInit() {
    this.registry.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      return { ok: !pending, details: { migrationsPending: pending } };
    });
  }
}
