import { randomUUID } from 'node:crypto';
import type { WorkingDayCalendar } from '@ccsc/calendar';
import {
  ENQUIRY_CHANNELS,
  FINANCIAL_REMEDY_KINDS,
  type ComplaintSeverity,
  type FinancialRemedyKind,
} from '@ccsc/contracts';
import { BadUserInputError, ConflictError, ForbiddenError, type FieldError } from '@ccsc/platform/errors';
import { regulatorDeadline, type Stage, stageClock, type StageClock } from './clocks';
import { complainantContact, type ComplainantContact, type NewComplainantContact } from './complainant-contact';

export const COMPLAINT_CHANNELS = [...ENQUIRY_CHANNELS, 'in-person'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINANT_TYPES = ['public', 'professional'] as const;
export type ComplainantType = (typeof COMPLAINANT_TYPES)[number];
export const STAGE_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'response-drafted',
  'response-sent',
] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];
/** A complaint is open until an officer closes it with its root cause. */
export const COMPLAINT_STATUSES = ['open', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const OUTCOMES = ['upheld', 'partially-upheld', 'not-upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const REMEDY_KINDS = ['apology', 'explanation', 'corrective-action', ...FINANCIAL_REMEDY_KINDS] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const MAX_TEXT = 20_000;

export interface StageProps extends StageClock {
  status: StageStatus;
  atRisk: boolean;
  /** When the scheduled run first found it unanswered after its deadline. */
  breachedAt: Date | null;
  acknowledgedAt: Date | null;
  investigationStartedAt: Date | null;
  draft: string | null;
  draftTemplate: string | null;
  draftedBy: string | null;
  responseText: string | null;
  respondedAt: Date | null;
  respondedBy: string | null;
  outcome: Outcome | null;
}

export interface RemedyProps {
  id: string;
  kind: RemedyKind;
  /** Financial remedies only, in pence. */
  amountPence: number | null;
  caseId: string | null;
  feeCode: string | null;
  description: string | null;
  stage: Stage;
  agreedBy: string;
  agreedAt: Date;
  /** Financial remedies: `sent-to-payments` until payments reports on it, then payments' refund status. */
  paymentStatus: string | null;
  refundId: string | null;
}

export interface BreachProps {
  awareAt: Date;
  regulatorDeadline: Date;
  reportable: boolean | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface ClosureProps {
  businessArea: string;
  causeCategory: string;
  outcome: Outcome;
  closedAt: Date;
  closedBy: string;
}

/** One of the Ombudsman's enquiries, as an officer recorded it, and the answer sent to it (null until then). */
export interface OmbudsmanEnquiryProps {
  at: Date;
  text: string;
  by: string;
  /** What was sent to the Ombudsman; one answer may cover several enquiries. */
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
}

export interface OmbudsmanProps {
  ombudsmanReference: string;
  referredAt: Date;
  enquiries: OmbudsmanEnquiryProps[];
  outcome: Outcome | null;
  outcomeAt: Date | null;
}

export interface ComplaintProps {
  id: string;
  reference: string;
  complainantType: ComplainantType;
  /** The complainant's name as given; personal data, so it never leaves this service. */
  complainantName: string | null;
  /**
   * How to reach the complainant, as given when the complaint was made; personal data, read as the name is.
   * A complaint from an enquiry has none here (its contact stays in the queries service) but its language.
   */
  complainantContact: ComplainantContact;
  /** The queries service's contact, when the complaint came from an enquiry. */
  contactId: string | null;
  /** The citizen account or firm that filed it through the public form, so they can follow it. */
  complainantUserId: string | null;
  complainantOrganisationId: string | null;
  origin: ComplaintChannel;
  enquiryId: string | null;
  caseIds: string[];
  category: string;
  subCategory: string | null;
  severity: ComplaintSeverity;
  investigatingOfficer: string | null;
  language: 'en' | 'cy';
  receivedAt: Date;
  summary: string | null;
  stages: StageProps[];
  remedies: RemedyProps[];
  breach: BreachProps | null;
  closure: ClosureProps | null;
  ombudsman: OmbudsmanProps | null;
  createdAt: Date;
  createdBy: string;
}

export interface NewComplaint {
  reference: string;
  complainantType: ComplainantType;
  complainantName?: string;
  complainantContact?: NewComplainantContact;
  contactId?: string;
  complainantUserId?: string;
  complainantOrganisationId?: string;
  origin: ComplaintChannel;
  enquiryId?: string;
  caseIds: string[];
  category: string;
  subCategory?: string;
  severity: ComplaintSeverity;
  investigatingOfficer?: string;
  language?: 'en' | 'cy';
  receivedAt: Date;
  summary?: string;
  createdBy: string;
  now: Date;
}

export interface NewRemedy {
  kind: RemedyKind;
  amountPence?: number;
  caseId?: string;
  feeCode?: string;
  description?: string;
}

/** What a change did, for the complaint's timeline. */
export interface Change {
  kind: string;
  summary: string;
}

/** How startInvestigation names the investigating officer in its timeline words; nothing comes after the name. */
const NAMED_OFFICER = ' by ';

/** The words of a timeline entry without the investigating officer that startInvestigation names in them. */
export function summaryNamingNoOfficer({ kind, summary }: Change): string {
  if (kind !== 'stage-investigating') return summary;
  const named = summary.indexOf(NAMED_OFFICER);
  return named < 0 ? summary : summary.slice(0, named);
}

/** A change as the complaint's history keeps it: who made it and when. */
export interface TimelineEntry extends Change {
  id: string;
  actor: string | null;
  at: Date;
}

/**
 * A complaint and its stages. Only the latest stage is live: it is acknowledged, investigated,
 * answered from a reviewed draft, and then escalated, closed, or (after stage 3) referred to the Ombudsman.
 */
export class Complaint {
  private constructor(private props: ComplaintProps) {}

  static open(input: NewComplaint, calendar: WorkingDayCalendar): Complaint {
    const problems: FieldError[] = [];
    if (Number.isNaN(input.receivedAt.getTime()))
      problems.push({ field: 'receivedAt', message: 'must be a valid date and time' });
    else if (input.receivedAt.getTime() > input.now.getTime())
      problems.push({ field: 'receivedAt', message: 'must not be in the future' });
    if (!input.category.trim()) problems.push({ field: 'category', message: 'must not be blank' });
    if (new Set(input.caseIds).size !== input.caseIds.length)
      problems.push({ field: 'caseIds', message: 'must not repeat a case' });
    const given = input.complainantContact ?? {};
    // The complaint's language is the one its responses are drafted in; a complainant who asks to be
    // written to in one language gets their responses drafted in it too, so the two never differ.
    const language = input.language ?? given.language ?? 'en';
    if (input.language && given.language && input.language !== given.language)
      problems.push({
        field: 'complainantLanguage',
        message: "must be the complaint's language when both are given: its responses are drafted in it",
      });
    const contact = complainantContact(given, language);
    problems.push(...contact.problems);
    if (problems.length) throw new BadUserInputError('The complaint cannot be opened as given', problems);
    const id = randomUUID();
    return new Complaint({
      id,
      reference: input.reference,
      complainantType: input.complainantType,
      complainantName: input.complainantName?.trim() || null,
      complainantContact: contact.contact,
      contactId: input.contactId ?? null,
      complainantUserId: input.complainantUserId ?? null,
      complainantOrganisationId: input.complainantOrganisationId ?? null,
      origin: input.origin,
      enquiryId: input.enquiryId ?? null,
      caseIds: input.caseIds,
      category: input.category.trim(),
      subCategory: input.subCategory?.trim() || null,
      severity: input.severity,
      investigatingOfficer: input.investigatingOfficer ?? null,
      language,
      receivedAt: input.receivedAt,
      summary: input.summary?.trim() || null,
      stages: [newStage(stageClock(calendar, 1, input.receivedAt))],
      remedies: [],
      breach: input.severity === 'security-breach' ? newBreach(input.receivedAt) : null,
      closure: null,
      ombudsman: null,
      createdAt: input.now,
      createdBy: input.createdBy,
    });
  }

  static restore(props: ComplaintProps): Complaint {
    return new Complaint(props);
  }

  get snapshot(): Readonly<ComplaintProps> {
    return this.props;
  }

  get id(): string {
    return this.props.id;
  }

  get current(): StageProps {
    const stage = this.props.stages.at(-1);
    if (!stage) throw new Error(`Complaint ${this.props.id} has no stage`);
    return stage;
  }

  get open(): boolean {
    return this.props.closure === null;
  }

  acknowledge(now: Date): Change {
    this.advance('received', 'acknowledged', { acknowledgedAt: now });
    return { kind: 'stage-acknowledged', summary: `Stage ${this.current.stage} acknowledged` };
  }

  startInvestigation(officer: string | undefined, now: Date): Change {
    this.advance('acknowledged', 'investigating', { investigationStartedAt: now });
    if (officer) this.props = { ...this.props, investigatingOfficer: officer };
    return {
      kind: 'stage-investigating',
      summary: `Stage ${this.current.stage} under investigation${officer ? `${NAMED_OFFICER}${officer}` : ''}`,
    };
  }

  draftResponse(text: string, template: string | null, actor: string): Change {
    this.requireOpen();
    const { status, stage } = this.current;
    if (status !== 'investigating' && status !== 'response-drafted') {
      throw new ConflictError(
        `A response is drafted while the stage is under investigation; stage ${stage} is ${label(status)}`,
      );
    }
    if (!text.trim() || text.length > MAX_TEXT)
      throw new BadUserInputError('The draft cannot be kept as given', [
        { field: 'text', message: `must be 1 to ${MAX_TEXT} characters` },
      ]);
    this.setCurrent({ status: 'response-drafted', draft: text, draftTemplate: template, draftedBy: actor });
    return {
      kind: 'response-drafted',
      summary: `Stage ${stage} response drafted${template ? ` from template ${template}` : ''}`,
    };
  }

  /**
   * The reviewed draft (or the reviewer's final wording) goes out with the stage's outcome. A Tier 1+
   * complaint's response is drafted for a senior leader, who reviews and sends it.
   */
  sendResponse(outcome: Outcome, text: string | undefined, actor: string, now: Date, senior = false): Change {
    this.requireOpen();
    const { status, stage, draft, dueAt } = this.current;
    if (status !== 'response-drafted')
      throw new ConflictError(`Only a drafted response can be sent; stage ${stage} is ${label(status)}`);
    if (this.props.severity === 'tier-1-plus' && !senior)
      throw new ForbiddenError('A Tier 1+ response is reviewed and sent by a senior leader');
    const final = text ?? draft ?? '';
    if (!final.trim() || final.length > MAX_TEXT)
      throw new BadUserInputError('The response cannot be sent as given', [
        { field: 'text', message: `must be 1 to ${MAX_TEXT} characters` },
      ]);
    this.setCurrent({
      status: 'response-sent',
      responseText: final,
      respondedAt: now,
      respondedBy: actor,
      outcome,
      atRisk: false,
    });
    const late = now.getTime() > dueAt.getTime();
    return {
      kind: 'response-sent',
      summary: `Stage ${stage} answered ${late ? 'late' : 'on time'}: ${label(outcome)}`,
    };
  }

  escalate(calendar: WorkingDayCalendar, now: Date): Change {
    this.requireOpen();
    const { stage, status } = this.current;
    if (status !== 'response-sent')
      throw new ConflictError(`Stage ${stage} must be answered before the complaint is escalated`);
    if (stage === 3)
      throw new ConflictError(
        'Stage 3 is the last internal stage; the complainant may go to the Ombudsman through their MP',
      );
    const next = (stage + 1) as Stage;
    this.props = { ...this.props, stages: [...this.props.stages, newStage(stageClock(calendar, next, now))] };
    return {
      kind: 'escalated',
      summary: `Escalated to stage ${next}${next === 2 ? ' (senior review)' : ' (customer investigations appeal)'}`,
    };
  }

  agreeRemedy(input: NewRemedy, actor: string, now: Date): { remedy: RemedyProps; change: Change } {
    this.requireOpen();
    const answered = [...this.props.stages].reverse().find((s) => s.outcome !== null);
    if (!answered || answered.outcome === 'not-upheld')
      throw new ConflictError('A remedy follows an upheld or partially upheld stage outcome');
    const problems = remedyProblems(input, this.props.caseIds);
    if (problems.length)
      throw new BadUserInputError(`The ${label(input.kind)} remedy cannot be agreed as given`, problems);
    const financial = isFinancial(input.kind);
    const remedy: RemedyProps = {
      id: randomUUID(),
      kind: input.kind,
      amountPence: financial ? (input.amountPence ?? null) : null,
      caseId: input.caseId ?? null,
      feeCode: input.feeCode ?? null,
      description: input.description?.trim() || null,
      stage: answered.stage,
      agreedBy: actor,
      agreedAt: now,
      paymentStatus: financial ? 'sent-to-payments' : null,
      refundId: null,
    };
    this.props = { ...this.props, remedies: [...this.props.remedies, remedy] };
    const amount = remedy.amountPence !== null ? ` of ${pounds(remedy.amountPence)}` : '';
    return {
      remedy,
      change: {
        kind: 'remedy-agreed',
        summary: `Remedy agreed: ${label(input.kind)}${amount}${financial ? ', handed to payments' : ''}`,
      },
    };
  }

  /** Makes it a personal-data breach; null when it already is one, so the notification goes out only once. */
  flagBreach(awareAt: Date, now: Date): BreachProps | null {
    if (this.props.breach) return null;
    if (awareAt.getTime() > now.getTime())
      throw new BadUserInputError('The breach cannot be flagged as given', [
        { field: 'awareAt', message: 'must not be in the future' },
      ]);
    const breach = newBreach(awareAt);
    this.props = { ...this.props, severity: 'security-breach', breach };
    return breach;
  }

  decideBreach(reportable: boolean, reason: string, actor: string, now: Date): Change {
    const breach = this.props.breach;
    if (!breach) throw new ConflictError('Only a personal-data breach complaint has a reporting decision');
    if (breach.reportable !== null)
      throw new ConflictError('Whether the breach is reportable has already been decided');
    if (!reason.trim())
      throw new BadUserInputError('The decision needs its reason', [{ field: 'reason', message: 'must not be blank' }]);
    this.props = {
      ...this.props,
      breach: { ...breach, reportable, decisionReason: reason.trim(), decidedBy: actor, decidedAt: now },
    };
    const late = now.getTime() > breach.regulatorDeadline.getTime();
    return {
      kind: 'breach-decided',
      summary: reportable
        ? `Breach reportable to the regulator${late ? ', decided after the 72-hour deadline' : ''}`
        : 'Breach not reportable',
    };
  }

  close(
    businessArea: string,
    causeCategory: string,
    actor: string,
    now: Date,
  ): { change: Change; closure: ClosureProps } {
    this.requireOpen();
    const { stage, status, outcome } = this.current;
    if (status !== 'response-sent' || !outcome)
      throw new ConflictError(`Stage ${stage} must be answered before the complaint is closed`);
    const problems: FieldError[] = [
      ...(businessArea.trim() ? [] : [{ field: 'businessArea', message: 'must not be blank' }]),
      ...(causeCategory.trim() ? [] : [{ field: 'causeCategory', message: 'must not be blank' }]),
    ];
    if (problems.length) throw new BadUserInputError('The complaint cannot be closed without its root cause', problems);
    const closure = {
      businessArea: businessArea.trim(),
      causeCategory: causeCategory.trim(),
      outcome,
      closedAt: now,
      closedBy: actor,
    };
    this.props = { ...this.props, closure };
    return {
      closure,
      change: {
        kind: 'closed',
        summary: `Closed at stage ${stage} (${label(outcome)}); root cause ${closure.causeCategory} in ${closure.businessArea}`,
      },
    };
  }

  /** After stage 3 the complainant's MP may refer it to the Parliamentary and Health Service Ombudsman, closed or not. */
  referToOmbudsman(ombudsmanReference: string, now: Date): Change {
    const { stage, status } = this.current;
    if (stage !== 3 || status !== 'response-sent')
      throw new ConflictError('Only a complaint answered at stage 3 can be referred to the Ombudsman');
    if (this.props.ombudsman) throw new ConflictError('The complaint has already been referred to the Ombudsman');
    this.props = {
      ...this.props,
      ombudsman: {
        ombudsmanReference: ombudsmanReference.trim(),
        referredAt: now,
        enquiries: [],
        outcome: null,
        outcomeAt: null,
      },
    };
    return { kind: 'ombudsman-referral', summary: `Referred to the Ombudsman (${ombudsmanReference.trim()})` };
  }

  recordOmbudsmanEnquiry(text: string, actor: string, now: Date): Change {
    const ombudsman = this.requireOmbudsman();
    if (ombudsman.outcome) throw new ConflictError('The Ombudsman has already given its outcome');
    this.props = {
      ...this.props,
      ombudsman: {
        ...ombudsman,
        enquiries: [
          ...ombudsman.enquiries,
          { at: now, text: text.trim(), by: actor, answer: null, answeredAt: null, answeredBy: null },
        ],
      },
    };
    return { kind: 'ombudsman-enquiry', summary: 'Ombudsman enquiry recorded' };
  }

  /**
   * One answer to every enquiry of the Ombudsman still waiting for one (closed or not: the Ombudsman usually
   * takes a complaint on after it is closed). Refused before the referral, after the outcome, and with none waiting.
   */
  answerOmbudsmanEnquiries(text: string, actor: string, now: Date): Change {
    const ombudsman = this.requireOmbudsman();
    if (ombudsman.outcome) throw new ConflictError('The Ombudsman has already given its outcome');
    const waiting = ombudsman.enquiries.filter((e) => e.answeredAt === null).length;
    if (waiting === 0) throw new ConflictError("No enquiry of the Ombudsman's is waiting for an answer");
    const answer = text.trim();
    if (!answer || text.length > MAX_TEXT)
      throw new BadUserInputError('The answer cannot be kept as given', [
        { field: 'text', message: `must be 1 to ${MAX_TEXT} characters` },
      ]);
    this.props = {
      ...this.props,
      ombudsman: {
        ...ombudsman,
        enquiries: ombudsman.enquiries.map((e) =>
          e.answeredAt === null ? { ...e, answer, answeredAt: now, answeredBy: actor } : e,
        ),
      },
    };
    return {
      kind: 'ombudsman-answer',
      summary: waiting === 1 ? 'Ombudsman enquiry answered' : `${waiting} Ombudsman enquiries answered`,
    };
  }

  recordOmbudsmanOutcome(outcome: Outcome, now: Date): Change {
    const ombudsman = this.requireOmbudsman();
    if (ombudsman.outcome) throw new ConflictError('The Ombudsman has already given its outcome');
    this.props = { ...this.props, ombudsman: { ...ombudsman, outcome, outcomeAt: now } };
    return { kind: 'ombudsman-outcome', summary: `Ombudsman outcome: ${label(outcome)}` };
  }

  private requireOmbudsman(): OmbudsmanProps {
    if (!this.props.ombudsman) throw new ConflictError('The complaint has not been referred to the Ombudsman');
    return this.props.ombudsman;
  }

  private requireOpen(): void {
    if (!this.open) throw new ConflictError('The complaint is closed');
  }

  private advance(from: StageStatus, to: StageStatus, changes: Partial<StageProps>): void {
    this.requireOpen();
    const { status, stage } = this.current;
    if (status !== from) throw new ConflictError(`Stage ${stage} is ${label(status)}; it cannot become ${label(to)}`);
    this.setCurrent({ ...changes, status: to });
  }

  private setCurrent(changes: Partial<StageProps>): void {
    const stages = [...this.props.stages];
    stages[stages.length - 1] = { ...this.current, ...changes };
    this.props = { ...this.props, stages };
  }
}

export function isFinancial(kind: RemedyKind): kind is FinancialRemedyKind {
  return (FINANCIAL_REMEDY_KINDS as readonly string[]).includes(kind);
}

function remedyProblems(input: NewRemedy, caseIds: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  if (isFinancial(input.kind)) {
    if (input.amountPence === undefined)
      problems.push({ field: 'amountPence', message: 'is required for a financial remedy' });
    else if (!Number.isInteger(input.amountPence) || input.amountPence < 1)
      problems.push({ field: 'amountPence', message: 'must be a whole number of pence, at least 1' });
    if (input.kind !== 'consolatory-payment' && !input.caseId)
      problems.push({
        field: 'caseId',
        message: `is required for a ${label(input.kind)}: it is paid against the case`,
      });
    if (input.kind === 'fee-waiver' && !input.feeCode)
      problems.push({ field: 'feeCode', message: 'is required for a fee waiver' });
    if (input.kind !== 'fee-waiver' && input.feeCode)
      problems.push({ field: 'feeCode', message: 'can only be given for a fee waiver' });
  } else {
    if (input.amountPence !== undefined)
      problems.push({ field: 'amountPence', message: 'can only be given for a financial remedy' });
    if (input.feeCode) problems.push({ field: 'feeCode', message: 'can only be given for a fee waiver' });
    if (!input.description?.trim())
      problems.push({ field: 'description', message: `is required for ${label(input.kind)}` });
  }
  if (input.caseId && !caseIds.includes(input.caseId))
    problems.push({ field: 'caseId', message: 'must be one of the cases the complaint is about' });
  return problems;
}

function newStage(clock: StageClock): StageProps {
  return {
    ...clock,
    status: 'received',
    atRisk: false,
    breachedAt: null,
    acknowledgedAt: null,
    investigationStartedAt: null,
    draft: null,
    draftTemplate: null,
    draftedBy: null,
    responseText: null,
    respondedAt: null,
    respondedBy: null,
    outcome: null,
  };
}

function newBreach(awareAt: Date): BreachProps {
  return {
    awareAt,
    regulatorDeadline: regulatorDeadline(awareAt),
    reportable: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
  };
}

export function label(value: string): string {
  return value.replace(/-/g, ' ');
}

export function pounds(pence: number): string {
  return `£${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}
