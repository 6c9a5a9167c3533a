// The work queue (queries) hands tasks to officers by role; the services say who may do what the task asks.
// The two must agree, or a task lands with an officer whom the service then refuses (a caseworker given a
// refund to approve). Every task type names the roles of the call that completes it, and its rule's role
// (caseworker unless it says) must be one of them. A new task type without an entry here fails.
import type { Role } from '@ccsc/auth';
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
  it.each(SHIPPED_TASK_RULES.rules.map((rule) => [rule.taskType, rule.role ?? 'caseworker'] as const))(
    '%s goes to a %s, who may do it',
    (taskType, role) => {
      expect(WHO_ACTS[taskType]).toBeDefined();
      expect(WHO_ACTS[taskType]).toContain(role);
    },
  );
});
