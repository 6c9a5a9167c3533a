import { CASES_TEMPLATES } from './cases.templates';
import { COMPLAINTS_TEMPLATES } from './complaints.templates';
import { ENFORCEMENT_TEMPLATES } from './enforcement.templates';
import { PAYMENTS_TEMPLATES } from './payments.templates';
import { QUERIES_TEMPLATES } from './queries.templates';
import type { TemplateDefinition } from './template-definition';

/** Every service's templates; loadTemplates() checks them as one set, so ids never collide. */
export const CORRESPONDENCE_TEMPLATES: readonly TemplateDefinition[] = [
  ...ENFORCEMENT_TEMPLATES,
  ...CASES_TEMPLATES,
  ...QUERIES_TEMPLATES,
  ...COMPLAINTS_TEMPLATES,
  ...PAYMENTS_TEMPLATES,
];
