import { Injectable } from '@nestjs/common';
import { eventTypeOf, type EventType } from '@ccsc/contracts';
import { CORRESPONDENCE_TEMPLATES, type TemplateDefinition } from '@ccsc/correspondence';
import { checkCorrespondenceRules, type CorrespondenceRules } from '../domain/correspondence-rules';
import { SHIPPED_CORRESPONDENCE_RULES } from '../domain/shipped-correspondence-rules';

/** The rules checked against libs/correspondence's templates; a table that cannot be used stops the start-up. */
export function loadCorrespondenceRules(
  table: CorrespondenceRules = SHIPPED_CORRESPONDENCE_RULES,
  templates: readonly TemplateDefinition[] = CORRESPONDENCE_TEMPLATES,
): CorrespondenceRules {
  const problems = checkCorrespondenceRules(table, templates);
  if (problems.length > 0) throw new Error(`correspondence-rules.json cannot be used:\n- ${problems.join('\n- ')}`);
  return table;
}

/** The correspondence rules this process runs on, checked when the module is built. */
@Injectable()
export class CorrespondenceRuleBook {
  readonly rules: CorrespondenceRules = loadCorrespondenceRules();

  /** The payments events the rules act on. */
  eventTypes(): EventType<object>[] {
    return [...new Set(this.rules.rules.map((r) => r.on))].map((name) => {
      const type = eventTypeOf(name);
      // checkCorrespondenceRules refused an unknown type already; this keeps the compiler and a reader sure.
      if (!type) throw new Error(`correspondence-rules.json names an unknown event ${name}`);
      return type;
    });
  }
}
