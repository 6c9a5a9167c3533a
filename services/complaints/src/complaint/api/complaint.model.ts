import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isStaff, type Principal } from '@ccsc/auth';
import { ConnectionType, ObjectType } from '../../complaints.graphql';
import type { Complaint, RemedyProps, StageProps, TimelineEntry } from '../domain/complaint';

@ObjectType('ComplaintStage', { description: 'One stage of a complaint with its working-day clock.' })
export class ComplaintStageModel {
  @Field(() => Int, { description: '1 response, 2 senior review, 3 customer investigations appeal.' })
  @ApiProperty()
  stage!: number;
  @Field({ description: 'received, acknowledged, investigating, response-drafted, response-sent.' })
  @ApiProperty()
  status!: string;
  @Field() @ApiProperty() startedAt!: Date;
  @Field(() => Int) @ApiProperty() workingDays!: number;
  @Field({ description: 'The London day the response is due.' })
  @ApiProperty({ example: '2026-01-07' })
  dueDate!: string;
  @Field({ description: 'The end of the due day; a response after it is late.' }) @ApiProperty() dueAt!: Date;
  @Field({ description: 'The calendar (rules and bank-holiday list) that fixed the deadline.' })
  @ApiProperty()
  calendarVersion!: string;
  @Field() @ApiProperty() atRisk!: boolean;
  @Field() @ApiProperty() breached!: boolean;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) draft!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) draftTemplate!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The response as sent.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  responseText!: string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) respondedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'upheld, partially-upheld or not-upheld.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  outcome!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Once answered: whether by the deadline.' })
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  answeredOnTime!: boolean | null;

  /** An unsent draft is the officers' working text: only staff see it. */
  static from(s: StageProps, viewer: Principal): ComplaintStageModel {
    const drafts = isStaff(viewer);
    return {
      stage: s.stage,
      status: s.status,
      startedAt: s.startedAt,
      workingDays: s.workingDays,
      dueDate: s.dueDate,
      dueAt: s.dueAt,
      calendarVersion: s.calendarVersion,
      atRisk: s.atRisk,
      breached: s.breachedAt !== null || (s.respondedAt !== null && s.respondedAt.getTime() > s.dueAt.getTime()),
      acknowledgedAt: s.acknowledgedAt,
      draft: drafts ? s.draft : null,
      draftTemplate: drafts ? s.draftTemplate : null,
      responseText: s.responseText,
      respondedAt: s.respondedAt,
      outcome: s.outcome,
      answeredOnTime: s.respondedAt ? s.respondedAt.getTime() <= s.dueAt.getTime() : null,
    };
  }
}

@ObjectType('ComplaintRemedy')
export class ComplaintRemedyModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field({ description: 'apology, explanation, corrective-action, refund, consolatory-payment, fee-waiver.' })
  @ApiProperty()
  kind!: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: Number, nullable: true }) amountPence!:
    number | null;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) caseId!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) feeCode!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) description!:
    string | null;
  @Field(() => Int) @ApiProperty() stage!: number;
  @Field() @ApiProperty() agreedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'Financial remedies: sent-to-payments, then as payments reports it (awaiting-approval, approved, rejected, paid, …).',
  })
  @ApiPropertyOptional({ type: String, nullable: true })
  paymentStatus!: string | null;
  @Field(() => ID, { nullable: true, description: "Payments' refund or payment for it." })
  @ApiPropertyOptional({ type: String, nullable: true })
  refundId!: string | null;

  static from(r: RemedyProps): ComplaintRemedyModel {
    return {
      id: r.id,
      kind: r.kind,
      amountPence: r.amountPence,
      caseId: r.caseId,
      feeCode: r.feeCode,
      description: r.description,
      stage: r.stage,
      agreedAt: r.agreedAt,
      paymentStatus: r.paymentStatus,
      refundId: r.refundId,
    };
  }
}

@ObjectType('ComplaintDataBreach', {
  description: 'A personal-data breach: reported to the regulator within 72 hours (calendar hours) if reportable.',
})
export class ComplaintDataBreachModel {
  @Field() @ApiProperty() awareAt!: Date;
  @Field() @ApiProperty() regulatorDeadline!: Date;
  @Field(() => Boolean, { nullable: true }) @ApiPropertyOptional({ type: Boolean, nullable: true }) reportable!:
    boolean | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) decisionReason!:
    string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) decidedAt!: Date | null;
}

@ObjectType('ComplaintOmbudsmanEnquiry')
export class ComplaintOmbudsmanEnquiryModel {
  @Field() @ApiProperty() at!: Date;
  @Field() @ApiProperty() text!: string;
}

@ObjectType('ComplaintOmbudsmanReferral')
export class ComplaintOmbudsmanModel {
  @Field() @ApiProperty() ombudsmanReference!: string;
  @Field() @ApiProperty() referredAt!: Date;
  @Field(() => [ComplaintOmbudsmanEnquiryModel])
  @ApiProperty({ type: [ComplaintOmbudsmanEnquiryModel] })
  enquiries!: ComplaintOmbudsmanEnquiryModel[];
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) outcome!:
    string | null;
}

@ObjectType('ComplaintTimelineEntry')
export class ComplaintTimelineEntryModel {
  @Field() @ApiProperty() kind!: string;
  @Field() @ApiProperty() summary!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) actor!: string | null;
  @Field() @ApiProperty() at!: Date;

  static from(e: TimelineEntry): ComplaintTimelineEntryModel {
    return { kind: e.kind, summary: e.summary, actor: e.actor, at: e.at };
  }
}

@ObjectType('Complaint', { description: 'A complaint about the service, through its stages.' })
export class ComplaintModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field() @ApiProperty({ example: 'CMP-000001' }) reference!: string;
  @Field({ description: 'public or professional.' }) @ApiProperty() complainantType!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) complainantName!:
    string | null;
  @Field({ description: 'The channel it came by.' }) @ApiProperty() origin!: string;
  @Field(() => ID, { nullable: true, description: 'The enquiry it was converted from.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  enquiryId!: string | null;
  @Field(() => [ID]) @ApiProperty({ type: [String] }) caseIds!: string[];
  @Field() @ApiProperty() category!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) subCategory!:
    string | null;
  @Field({ description: 'minor, major, security-breach, tier-1-plus.' }) @ApiProperty() severity!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  investigatingOfficer!: string | null;
  @Field() @ApiProperty() receivedAt!: Date;
  @Field({ description: 'open or closed.' }) @ApiProperty() status!: string;
  @Field(() => Int) @ApiProperty() currentStage!: number;
  @Field(() => [ComplaintStageModel]) @ApiProperty({ type: [ComplaintStageModel] }) stages!: ComplaintStageModel[];
  @Field(() => [ComplaintRemedyModel]) @ApiProperty({ type: [ComplaintRemedyModel] }) remedies!: ComplaintRemedyModel[];
  @Field(() => ComplaintDataBreachModel, { nullable: true })
  @ApiPropertyOptional({ type: ComplaintDataBreachModel, nullable: true })
  dataBreach!: ComplaintDataBreachModel | null;
  @Field(() => String, { nullable: true, description: 'Root cause, once closed.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  businessArea!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) causeCategory!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) outcome!:
    string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) closedAt!: Date | null;
  @Field(() => ComplaintOmbudsmanModel, { nullable: true })
  @ApiPropertyOptional({ type: ComplaintOmbudsmanModel, nullable: true })
  ombudsman!: ComplaintOmbudsmanModel | null;

  static from(complaint: Complaint, viewer: Principal): ComplaintModel {
    const s = complaint.snapshot;
    return {
      id: s.id,
      reference: s.reference,
      complainantType: s.complainantType,
      complainantName: s.complainantName,
      origin: s.origin,
      enquiryId: s.enquiryId,
      caseIds: s.caseIds,
      category: s.category,
      subCategory: s.subCategory,
      severity: s.severity,
      investigatingOfficer: s.investigatingOfficer,
      receivedAt: s.receivedAt,
      status: s.closure ? 'closed' : 'open',
      currentStage: complaint.current.stage,
      stages: s.stages.map((stage) => ComplaintStageModel.from(stage, viewer)),
      remedies: s.remedies.map(ComplaintRemedyModel.from),
      dataBreach: s.breach && {
        awareAt: s.breach.awareAt,
        regulatorDeadline: s.breach.regulatorDeadline,
        reportable: s.breach.reportable,
        decisionReason: s.breach.decisionReason,
        decidedAt: s.breach.decidedAt,
      },
      businessArea: s.closure?.businessArea ?? null,
      causeCategory: s.closure?.causeCategory ?? null,
      outcome: s.closure?.outcome ?? null,
      closedAt: s.closure?.closedAt ?? null,
      ombudsman: s.ombudsman && {
        ombudsmanReference: s.ombudsman.ombudsmanReference,
        referredAt: s.ombudsman.referredAt,
        enquiries: s.ombudsman.enquiries.map((e) => ({ at: e.at, text: e.text })),
        outcome: s.ombudsman.outcome,
      },
    };
  }
}

export const ComplaintConnection = ConnectionType(ComplaintModel, 'Complaint');

/** The cases service's Case, extended with its complaints; only the key is known here. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class ComplaintCaseModel {
  @Field(() => ID) id!: string;
}

export class ComplaintPageModel {
  @ApiProperty({ type: [ComplaintModel] }) items!: ComplaintModel[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
