import { getMetadataStorage } from 'class-validator';
import { eventTypeOf, type EventEnvelope } from '@ccsc/contracts';
import { isSkill } from './skills';

// The task rules are data (task-rules.json): which event creates which task, where it waits, who may
// do it, by when, and which later events complete, cancel or expedite it. Adding a task type is a change
// to that file alone; `checkTaskRules` refuses a file that names an event, a field, a queue or a skill
// this build does not know, so a typo fails the tests and the start-up, never a task at run time.

/** A field of the event's data equal to a value, one of several values, or above / at most a number. */
type Condition = Record<string, string | number | boolean | string[] | { gt?: number; lte?: number }>;

export interface EventMatch {
  /** The event type, e.g. `cases.document-received.v2`. */
  on: string;
  if?: Condition;
  /** The field of the event's data that names the piece of work (a document, a refund...). */
  key: string;
}

export type SkillRule = string | { skill: string; if: Condition } | { caseTypeSkill: string };
export type DueRule =
  | { workingDays: number; time?: string }
  | { workingHours: number }
  | { field: string; otherwise: { workingDays: number } };

export interface TaskRule {
  taskType: string;
  name: string;
  create: EventMatch;
  complete?: EventMatch[];
  cancel?: EventMatch[];
  /** The field naming the case (or cases: the first is the task's), when the event has one other than `caseId`. */
  case?: string;
  queue: string | { byCaseType: string; otherwise: string };
  skills?: SkillRule[];
  /**
   * Who may do it: any officer (the default), only a team leader, or a team leader when the event meets a
   * condition (money above a caseworker's approval limit) and any officer otherwise.
   */
  role?: TaskRole | { role: TaskRole; if: Condition };
  priority: { major: number; minor: number };
  due: DueRule;
  /**
   * The second of two people: never the officer who did the first step. That is the creating event's
   * actor (`true`), or the person a field of its data names (`{ field }`), for work a service raised on
   * someone's behalf, e.g. a refund a consumer raised from a remedy an officer agreed.
   */
  secondPerson?: boolean | { field: string };
}

/** An event about a case that changes the open tasks of the task types named (and no others) on it. */
export interface CaseEventRule {
  on: string;
  if?: Condition;
  case: string;
  taskTypes: string[];
}
export interface ExpediteRule extends CaseEventRule {
  majorPriority: number;
  priorityDate: string;
  dueWorkingDaysBefore: { field: string; workingDays: number };
}

export interface TaskRules {
  version: string;
  caseTypes: Record<string, { queue: string; skill: string }>;
  rules: TaskRule[];
  caseEvents: { cancel: CaseEventRule[]; expedite: ExpediteRule[] };
}

export type TaskRole = 'caseworker' | 'team-leader';

/**
 * The problems of a rules file against what this build knows: its event types (and their fields),
 * the queues that exist, and the skills officers can have. Empty when the file is sound.
 */
export function checkTaskRules(rules: TaskRules, queues: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const queue = (where: string, id: string) => {
    if (!queues.has(id)) problems.push(`${where}: unknown queue '${id}'`);
  };
  const skill = (where: string, name: string) => {
    if (!isSkill(name)) problems.push(`${where}: unknown skill '${name}'`);
  };
  const fieldsOf = (where: string, type: string): Set<string> | undefined => {
    const known = eventTypeOf(type);
    if (!known) {
      problems.push(`${where}: unknown event '${type}'`);
      return undefined;
    }
    return new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(known.schema, '', true, false)
        .map((m) => m.propertyName),
    );
  };
  const fields = (where: string, type: string, names: (string | undefined)[]) => {
    const known = fieldsOf(where, type);
    if (!known) return;
    for (const name of names)
      if (name !== undefined && !known.has(name)) problems.push(`${where}: '${type}' has no field '${name}'`);
  };
  const match = (where: string, m: EventMatch, extra: (string | undefined)[] = []) =>
    fields(where, m.on, [m.key, ...Object.keys(m.if ?? {}), ...extra]);

  for (const [caseType, route] of Object.entries(rules.caseTypes)) {
    queue(`caseTypes.${caseType}`, route.queue);
    skill(`caseTypes.${caseType}`, route.skill);
  }
  const seen = new Set<string>();
  for (const rule of rules.rules) {
    const where = `rule ${rule.taskType}`;
    if (seen.has(rule.taskType)) problems.push(`${where}: defined twice`);
    seen.add(rule.taskType);
    const skillFields = (rule.skills ?? []).flatMap((s) =>
      typeof s === 'string' ? [] : 'caseTypeSkill' in s ? [s.caseTypeSkill] : Object.keys(s.if),
    );
    const dueField = 'field' in rule.due ? rule.due.field : undefined;
    const queueField = typeof rule.queue === 'string' ? undefined : rule.queue.byCaseType;
    const firstPersonField = typeof rule.secondPerson === 'object' ? rule.secondPerson.field : undefined;
    const roleFields = typeof rule.role === 'object' ? Object.keys(rule.role.if) : [];
    // `caseId` is read when present; a rule that names another case field must name a real one.
    match(`${where}.create`, rule.create, [
      rule.case,
      ...skillFields,
      ...roleFields,
      dueField,
      queueField,
      firstPersonField,
    ]);
    for (const [kind, ends] of [
      ['complete', rule.complete],
      ['cancel', rule.cancel],
    ] as const)
      for (const m of ends ?? []) {
        match(`${where}.${kind}`, m);
        // An ending and a creation are ordered by their times (application/task-events.ts), so both
        // must come from one service's clock.
        const [from, to] = [eventTypeOf(rule.create.on)?.source, eventTypeOf(m.on)?.source];
        if (from && to && from !== to)
          problems.push(`${where}.${kind}: '${m.on}' comes from ${to}, not ${from} as the creating event does`);
      }
    if (typeof rule.queue === 'string') queue(where, rule.queue);
    else queue(where, rule.queue.otherwise);
    for (const s of rule.skills ?? [])
      if (typeof s === 'string') skill(where, s);
      else if ('skill' in s) skill(where, s.skill);
    const role = typeof rule.role === 'object' ? rule.role.role : rule.role;
    if (role !== undefined && role !== 'caseworker' && role !== 'team-leader')
      problems.push(`${where}: unknown role '${String(role)}'`);
    if (!(rule.complete?.length ?? 0)) problems.push(`${where}: no event completes it`);
  }
  const taskTypes = (where: string, names: string[]) => {
    if (names.length === 0) problems.push(`${where}: names no task type`);
    for (const name of names) if (!seen.has(name)) problems.push(`${where}: unknown task type '${name}'`);
  };
  for (const c of rules.caseEvents.cancel) {
    fields('caseEvents.cancel', c.on, [c.case, ...Object.keys(c.if ?? {})]);
    taskTypes('caseEvents.cancel', c.taskTypes);
  }
  for (const e of rules.caseEvents.expedite) {
    taskTypes('caseEvents.expedite', e.taskTypes);
    fields('caseEvents.expedite', e.on, [
      e.case,
      e.priorityDate,
      e.dueWorkingDaysBefore.field,
      ...Object.keys(e.if ?? {}),
    ]);
  }
  return problems;
}

/** Whether an event's data meets a rule's condition. */
export function meets(data: Record<string, unknown>, condition: Condition | undefined): boolean {
  return Object.entries(condition ?? {}).every(([field, wanted]) => {
    const value = data[field];
    if (Array.isArray(wanted)) return wanted.includes(value as string);
    if (typeof wanted === 'object' && wanted !== null) {
      if (typeof value !== 'number') return false;
      return (wanted.gt === undefined || value > wanted.gt) && (wanted.lte === undefined || value <= wanted.lte);
    }
    return value === wanted;
  });
}

/** The event's value of a field as text, or undefined when it is missing. */
export function textOf(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** What a task rule makes of an event that creates a task: everything but the times. */
export interface TaskSpec {
  taskType: string;
  name: string;
  sourceKey: string;
  caseId: string | null;
  queueId: string;
  requiredRole: TaskRole;
  requiredSkills: string[];
  excludedOfficer: string | null;
  majorPriority: number;
  minorPriority: number;
}

/** The task an event creates under a rule, or undefined when the event does not meet the rule. */
export function taskSpecOf(rules: TaskRules, rule: TaskRule, event: EventEnvelope): TaskSpec | undefined {
  const data = event.data as Record<string, unknown>;
  if (event.type !== rule.create.on || !meets(data, rule.create.if)) return undefined;
  const sourceKey = textOf(data, rule.create.key);
  if (sourceKey === undefined) return undefined;
  const caseType = (field: string) => rules.caseTypes[textOf(data, field) ?? ''];
  const skills = new Set<string>();
  for (const s of rule.skills ?? []) {
    if (typeof s === 'string') skills.add(s);
    else if ('caseTypeSkill' in s) {
      const route = caseType(s.caseTypeSkill);
      if (route) skills.add(route.skill);
    } else if (meets(data, s.if)) skills.add(s.skill);
  }
  return {
    taskType: rule.taskType,
    name: rule.name,
    sourceKey,
    caseId: textOf(data, rule.case ?? 'caseId') ?? null,
    queueId:
      typeof rule.queue === 'string' ? rule.queue : (caseType(rule.queue.byCaseType)?.queue ?? rule.queue.otherwise),
    requiredRole: roleOf(rule, data),
    requiredSkills: [...skills].sort(),
    excludedOfficer: firstPerson(rule, event),
    majorPriority: rule.priority.major,
    minorPriority: rule.priority.minor,
  };
}

/** The role a rule asks for the event's task: a conditional one only when the event meets its condition. */
function roleOf(rule: TaskRule, data: Record<string, unknown>): TaskRole {
  if (typeof rule.role !== 'object') return rule.role ?? 'caseworker';
  return meets(data, rule.role.if) ? rule.role.role : 'caseworker';
}

/** Who did the first step of two-person work, to be kept from the second; null for one-person work. */
function firstPerson(rule: TaskRule, event: EventEnvelope): string | null {
  if (!rule.secondPerson) return null;
  if (rule.secondPerson === true) return event.actor ?? null;
  return textOf(event.data as Record<string, unknown>, rule.secondPerson.field) ?? event.actor ?? null;
}
