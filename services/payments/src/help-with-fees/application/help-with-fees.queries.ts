import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ccsc/platform';
import type { HelpWithFeesApplication } from '../domain/remission';
import { HelpWithFeesRepository } from '../infrastructure/help-with-fees.repository';

@Injectable()
export class HelpWithFeesQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: HelpWithFeesRepository,
  ) {}

  /** Applications waiting for staff, oldest first. */
  async awaitingStaff(limit: number, after?: string): Promise<Page<HelpWithFeesApplication>> {
    const position = after ? decodeCursor(after, 'cursor') : undefined;
    return toPage(await this.applications.awaitingStaff(this.dataSource.manager, limit, position), limit);
  }
}
