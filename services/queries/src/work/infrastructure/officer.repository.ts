import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, sql } from '@ccsc/platform';
import type { Officer } from '../domain/officer';

const SELECT_OFFICER = sql`
  SELECT o.user_id AS "userId", o.name, o.role, o.teams, o.skills, o.capacity, o.active,
         json_build_object('days', o.shift_days, 'start', to_char(o.shift_start, 'HH24:MI'),
                           'end', to_char(o.shift_end, 'HH24:MI')) AS shift,
         COALESCE((SELECT json_agg(json_build_object('firstDay', l.first_day::text, 'lastDay', l.last_day::text)
                                   ORDER BY l.first_day)
                   FROM work_officer_leave l WHERE l.user_id = o.user_id), '[]') AS leave
  FROM work_officers o`;

/** Officers' work profiles: teams, skills, hours, leave and capacity. */
@Injectable()
export class OfficerRepository {
  async get(manager: EntityManager, userId: string): Promise<Officer | undefined> {
    return (await query<Officer>(manager, sql`${SELECT_OFFICER} WHERE o.user_id = ${userId}`))[0];
  }

  /**
   * Locks the officers' profiles (in id order, so two transactions never wait on each other) until the
   * transaction ends: what they hold is counted and added to one transaction at a time, so concurrent
   * claims never take an officer past their capacity.
   */
  async lock(manager: EntityManager, userIds: readonly string[]): Promise<void> {
    await execute(
      manager,
      sql`SELECT 1 FROM work_officers WHERE user_id = ANY(${[...userIds].sort()}::text[]) ORDER BY user_id FOR UPDATE`,
    );
  }

  list(manager: EntityManager, team?: string): Promise<Officer[]> {
    return query<Officer>(
      manager,
      sql`${SELECT_OFFICER} ${team === undefined ? sql`` : sql`WHERE ${team} = ANY(o.teams)`} ORDER BY o.user_id`,
    );
  }

  /** Active officers of a team who have every skill named: who might be given such a task. */
  candidates(manager: EntityManager, team: string, skills: readonly string[]): Promise<Officer[]> {
    return query<Officer>(
      manager,
      sql`${SELECT_OFFICER} WHERE o.active AND ${team} = ANY(o.teams) AND o.skills @> ${skills}::text[]
          ORDER BY o.user_id`,
    );
  }

  /** Creates or replaces a profile and its leave. */
  async save(manager: EntityManager, officer: Officer, actor: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO work_officers (user_id, name, role, teams, skills, capacity, shift_days, shift_start, shift_end,
            active, updated_by, updated_at)
          VALUES (${officer.userId}, ${officer.name}, ${officer.role}, ${officer.teams}::text[], ${officer.skills}::text[],
                  ${officer.capacity}, ${officer.shift.days}::text[], ${officer.shift.start}::time,
                  ${officer.shift.end}::time, ${officer.active}, ${actor}, ${at})
          ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, teams = EXCLUDED.teams,
            skills = EXCLUDED.skills, capacity = EXCLUDED.capacity, shift_days = EXCLUDED.shift_days,
            shift_start = EXCLUDED.shift_start, shift_end = EXCLUDED.shift_end, active = EXCLUDED.active,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    );
    await execute(manager, sql`DELETE FROM work_officer_leave WHERE user_id = ${officer.userId}`);
    for (const l of officer.leave)
      await execute(
        manager,
        sql`INSERT INTO work_officer_leave (user_id, first_day, last_day)
            VALUES (${officer.userId}, ${l.firstDay}::date, ${l.lastDay}::date)`,
      );
  }
}
