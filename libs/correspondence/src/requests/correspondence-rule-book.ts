import { eventTypeOf, type EventType } from '@ccsc/contracts';
import { CORRESPONDENCE_TEMPLATES } from '../templates/correspondence-templates';
import type { TemplateDefinition } from '../templates/template-definition';
import {
  checkCorrespondenceRules,
  type CorrespondenceRule,
  type CorrespondenceRules,
  type CorrespondenceRuleSchema,
} from './correspondence-rules';

/** The rules checked against libs/correspondence's templates; a table that cannot be used stops the start-up. */
export function loadCorrespondenceRules<SourceName extends string, Rule extends CorrespondenceRule<SourceName>>(
  table: CorrespondenceRules<Rule>,
  schema: CorrespondenceRuleSchema<SourceName, Rule>,
  templates: readonly TemplateDefinition[] = CORRESPONDENCE_TEMPLATES,
): CorrespondenceRules<Rule> {
  const problems = checkCorrespondenceRules(table, templates, schema);
  if (problems.length > 0) throw new Error(`correspondence-rules.json cannot be used:\n- ${problems.join('\n- ')}`);
  return table;
}

/** The correspondence rules a process runs on, checked when it is built (a service's provider extends it). */
export class CorrespondenceRuleBook<Rule extends CorrespondenceRule = CorrespondenceRule> {
  readonly rules: CorrespondenceRules<Rule>;

  constructor(
    table: CorrespondenceRules<Rule>,
    schema: CorrespondenceRuleSchema<string, Rule>,
    templates: readonly TemplateDefinition[] = CORRESPONDENCE_TEMPLATES,
  ) {
    this.rules = loadCorrespondenceRules(table, schema, templates);
  }

  /** The service's own events the rules act on. */
  eventTypes(): EventType<object>[] {
    return [...new Set(this.rules.rules.map((r) => r.on))].map((name) => {
      const type = eventTypeOf(name);
      // checkCorrespondenceRules refused an unknown type already; this keeps the compiler and a reader sure.
      if (!type) throw new Error(`correspondence-rules.json names an unknown event ${name}`);
      return type;
    });
  }
}
