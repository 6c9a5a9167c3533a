// The work queue (queries) hands tasks to officers by role; the services say who may do what the task asks.
// The two must agree, or a task lands with an officer whom the service then refuses (a caseworker given a
// refund to approve). Every task type names the roles of the call that completes it, and its rule's role
// (caseworker unless it says) must be one of them. A new task type without an entry here fails.
import { APPROVAL_LIMIT_PENCE, approvalLimit, type Role } from '@ccsc/auth';
import { taskSpecOf, type TaskRole, type TaskRule } from '../services/queries/src/work/domain/task-rules';
import { SHIPPED_TASK_RULES } from '../services/queries/src/work/domain/shipped-task-rules';
import { DOCUMENT_REVIEWERS } from '../services/cases/src/roles';
import { FINANCE_STAFF, REFUND_APPROVERS, REMISSION_APPROVERS } from '../services/payments/src/roles';
import { COMPLAINT_STAFF } from '../services/complaints/src/roles';
import { ENFORCEMENT_OFFICERS, WRITE_OFF_DECIDERS } from '../services/enforcement/src/roles';

const WHO_ACTS: Record<string, readonly Role[]> = {
  'review-document': DOCUMENT_REVIEWERS,
  'verify-payment-allocation': FINANCE_STAFF,
  'approve-refund': REFUND_APPROVERS,
  'decide-help-with-fees': REMISSION_APPROVERS,
  'approve-fee-waiver': REMISSION_APPROVERS,
  'complaint-stage-response': COMPLAINT_STAFF,
  'ombudsman-enquiry': COMPLAINT_STAFF,
  'review-enforcement-action': ENFORCEMENT_OFFICERS,
  'approve-write-off': WRITE_OFF_DECIDERS,
};

describe('the work queue and the services agree on who does a task', () => {
  const rolesOf = (rule: TaskRule): TaskRole[] =>
    typeof rule.role === 'object' ? [rule.role.role, 'caseworker'] : [rule.role ?? 'caseworker'];

  it.each(SHIPPED_TASK_RULES.rules.flatMap((rule) => rolesOf(rule).map((role) => [rule.taskType, role] as const)))(
    '%s goes to a %s, who may do it',
    (taskType, role) => {
      expect(WHO_ACTS[taskType]).toBeDefined();
      expect(WHO_ACTS[taskType]).toContain(role);
    },
  );

  // Approving money: the task goes to a role whose approval limit covers the amount, up to a team leader's
  // (above it only a finance officer may approve, and finance officers do not work the queue).
  const teamLeaderLimit = APPROVAL_LIMIT_PENCE['team-leader'] ?? 0;
  const amounts = [
    1,
    APPROVAL_LIMIT_PENCE.caseworker ?? 0,
    (APPROVAL_LIMIT_PENCE.caseworker ?? 0) + 1,
    teamLeaderLimit,
  ];
  it.each(['approve-refund', 'approve-fee-waiver', 'approve-write-off'])(
    "%s of up to a team leader's limit goes to a role that may approve it",
    (taskType) => {
      const rule = SHIPPED_TASK_RULES.rules.find((r) => r.taskType === taskType)!;
      for (const amountPence of amounts) {
        const when = Object.fromEntries(
          Object.entries(rule.create.if ?? {}).map(([field, wanted]) => [
            field,
            Array.isArray(wanted) ? wanted[0] : wanted,
          ]),
        );
        const event = { type: rule.create.on, data: { ...when, [rule.create.key]: 'x', amountPence } } as never;
        const spec = taskSpecOf(SHIPPED_TASK_RULES, rule, event)!;
        const role = spec.requiredRole;
        expect({ amountPence, role, covered: approvalLimit([role]) >= amountPence }).toEqual({
          amountPence,
          role,
          covered: true,
        });
      }
    },
  );
});
