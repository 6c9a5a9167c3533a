import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseAccessChangedV2 } from '@ccsc/contracts';
import { caseAccessData, eventually, publishEvent, startTestService, testCaseReference } from '@ccsc/testing';
import { complaintsApp } from '../src/complaints.app';
import { readComplaintsConfig } from '../src/config';
import { complaintsDatabase } from '../src/data-source';

/** The complaints service on a fresh, migrated database of its own, with the scheduled run off. */
export const startComplaintsApp = (extra: Record<string, string> = {}) =>
  startTestService('complaints', complaintsDatabase, (source) => complaintsApp(readComplaintsConfig(source)), {
    SLA_RUN_INTERVAL_MS: '0',
    OUTBOX_POLL_MS: '20',
    ...extra,
  });

/** Publishes another service's event on the in-process bus, exactly as that service's relay would; returns its envelope. */
export const publish = publishEvent;

/** Tells complaints about a case as cases would: who may see it. */
export async function announceCase(
  app: INestApplication,
  access: { organisations?: string[]; users?: string[] } = {},
): Promise<{ caseId: string; reference: string }> {
  const caseId = randomUUID();
  const reference = testCaseReference();
  await publish(caseAccessChangedV2, caseId, caseAccessData(caseId, reference, access));
  await eventually(async () => {
    const rows = (await app
      .get(DataSource)
      .query(`SELECT 1 FROM case_access WHERE case_id = $1`, [caseId])) as unknown[];
    expect(rows).toHaveLength(1);
  });
  return { caseId, reference };
}

/** The events complaints has written to its outbox, oldest first. */
export async function outbox(
  app: INestApplication,
  type?: string,
): Promise<{ type: string; subject: string; data: Record<string, unknown> }[]> {
  const rows = (await app
    .get(DataSource)
    .query(`SELECT envelope FROM outbox ${type ? 'WHERE type = $1' : ''} ORDER BY position`, type ? [type] : [])) as {
    envelope: { type: string; subject: string; data: Record<string, unknown> };
  }[];
  return rows.map((r) => r.envelope);
}

/** How many distinct events of a type complaints has handled (a redelivery adds none). */
export async function inboxed(app: INestApplication, type: string): Promise<number> {
  const [row] = (await app
    .get(DataSource)
    .query(`SELECT count(*)::int AS n FROM inbox WHERE type = $1 AND status = 'applied'`, [type])) as [{ n: number }];
  return row.n;
}
