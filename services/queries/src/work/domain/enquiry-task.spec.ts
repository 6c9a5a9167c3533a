import { WorkingDayCalendar } from '@ccsc/calendar';
import type { EnquiryRecord } from '../../enquiry/domain/enquiry';
import type { SlaClock } from '../../sla/domain/sla-clock';
import { enquiryTaskOf } from './enquiry-task';

const calendar = WorkingDayCalendar.englandAndWales();
const received = new Date('2026-12-23T10:00:00Z');

const clock = (over: Partial<SlaClock>): SlaClock => ({
  clock: 'resolution',
  unit: 'working-days',
  amount: 10,
  status: 'running',
  flag: 'on-track',
  startedAt: received,
  dueAt: new Date('2027-01-08T17:00:00Z'),
  atRiskAt: null,
  pausedAt: null,
  remaining: null,
  stoppedAt: null,
  met: null,
  calendarVersion: 'cal-1',
  ...over,
});

const enquiry = (over: Partial<EnquiryRecord> = {}): EnquiryRecord => ({
  id: 'e-1',
  reference: 'ENQ-0000001',
  channel: 'telephone',
  contactId: 'c-1',
  contactKind: 'public',
  subject: 'Opening hours',
  caseId: null,
  category: null,
  priority: 'normal',
  language: 'en',
  status: 'triaged',
  queueId: 'general',
  team: 'contact-centre',
  assignedTo: null,
  escalatedTo: null,
  majorPriority: 5000,
  minorPriority: 500,
  priorityDate: received,
  hearingRelated: false,
  receivedAt: received,
  firstResponseAt: null,
  resolvedAt: null,
  resolvedFirstContact: null,
  convertedToComplaintAt: null,
  raisedBy: 'officer-1',
  createdAt: received,
  updatedAt: received,
  clocks: [],
  ...over,
});

describe("an enquiry's task", () => {
  it('waits in the enquiry’s queue with its priorities, due with the first running SLA clock', () => {
    const first = clock({ clock: 'first-response', dueAt: new Date('2026-12-29T17:00:00Z'), calendarVersion: 'cal-2' });
    const task = enquiryTaskOf(enquiry({ clocks: [clock({}), first] }), calendar);
    expect(task).toMatchObject({
      taskType: 'answer-enquiry',
      sourceKey: 'e-1',
      queueId: 'general',
      status: 'unassigned',
      requiredRole: 'caseworker',
      requiredSkills: [],
      majorPriority: 5000,
      dueAt: first.dueAt,
      calendarVersion: 'cal-2',
    });
  });

  it('with every clock paused or none, is due five working days after receipt, past the Christmas bank holidays', () => {
    const task = enquiryTaskOf(enquiry({ clocks: [clock({ status: 'paused', dueAt: null })] }), calendar);
    expect(task?.dueAt).toEqual(calendar.taskDueAt(received, 5).dueAt);
    expect(task?.dueAt.toISOString()).toBe('2027-01-04T16:00:00.000Z');
    // Paused for the customer: a task already made keeps its due time (EnquiryTasks.settle).
    expect(task?.clocksPaused).toBe(true);
    expect(enquiryTaskOf(enquiry(), calendar)?.clocksPaused).toBe(false);
  });

  it('needs Welsh for a Welsh-language enquiry or one in the Welsh queue, and a team leader once escalated to one', () => {
    expect(enquiryTaskOf(enquiry({ language: 'cy' }), calendar)?.requiredSkills).toEqual(['welsh']);
    expect(enquiryTaskOf(enquiry({ queueId: 'welsh' }), calendar)?.requiredSkills).toEqual(['welsh']);
    expect(enquiryTaskOf(enquiry({ status: 'escalated', escalatedTo: 'team-leader' }), calendar)).toMatchObject({
      requiredRole: 'team-leader',
      escalated: true,
    });
    expect(
      enquiryTaskOf(enquiry({ status: 'escalated', escalatedTo: 'judicial', queueId: 'judicial' }), calendar),
    ).toMatchObject({
      requiredRole: 'caseworker',
      queueId: 'judicial',
    });
  });

  it('is held by the officer who has the enquiry, including while the customer is asked something', () => {
    expect(enquiryTaskOf(enquiry({ status: 'assigned', assignedTo: 'carol' }), calendar)).toMatchObject({
      status: 'assigned',
      assignedTo: 'carol',
    });
    expect(enquiryTaskOf(enquiry({ status: 'awaiting-customer', assignedTo: 'carol' }), calendar)?.assignedTo).toBe(
      'carol',
    );
  });

  it('is none once resolved or closed, before a queue, or awaiting the customer with nobody holding it', () => {
    for (const over of [
      { status: 'resolved' as const },
      { status: 'closed' as const },
      { queueId: null },
      { status: 'awaiting-customer' as const, assignedTo: null },
    ])
      expect(enquiryTaskOf(enquiry(over), calendar)).toBeNull();
  });
});
