import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldErrors, type FieldError } from '@ccsc/platform';
import type { ServiceName } from './services';
import { eventTopic } from './topics';

type Schema<T> = new () => T;

/** A versioned event type: its name, the topic it travels on, and the schema of its data. */
export interface EventType<T extends object> {
  type: string;
  source: ServiceName;
  topic: string;
  schema: Schema<T>;
  /** Field errors of a candidate payload; empty when it is valid. */
  check(data: unknown): FieldError[];
}

const registry = new Map<string, EventType<object>>();

/** `topic` is the publisher's events topic; only tests name another, to travel on a topic of their own. */
export function defineEvent<T extends object>(
  source: ServiceName,
  name: string,
  version: number,
  schema: Schema<T>,
  topic = eventTopic(source),
): EventType<T> {
  const type = `${source}.${name}.v${version}`;
  const definition: EventType<T> = {
    type,
    source,
    topic,
    schema,
    check(data) {
      if (typeof data !== 'object' || data === null) return [{ field: 'data', message: 'must be an object' }];
      return fieldErrors(validateSync(plainToInstance(schema, data), { whitelist: true, forbidNonWhitelisted: true }));
    },
  };
  registry.set(type, definition as EventType<object>);
  return definition;
}

/** The definition of a type, or undefined for a type or version this build does not know. */
export function eventTypeOf(type: string): EventType<object> | undefined {
  return registry.get(type);
}
