import { Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { DayOfWeek, LocalDate } from '@ccsc/calendar';
import { IsLocalDay, NestedInput, NestedInputs } from '@ccsc/platform';
import { InputType } from '../../queries.graphql';
import { MAX_REASON } from '../../enquiry/api/enquiry.inputs';
import { USER_ID } from '../../enquiry/api/enquiry.model';
import { SKILLS } from '../domain/skills';
import { TASK_ID } from './work.model';

const DAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REASON = `Why, kept in the task's history (at most ${MAX_REASON} characters).`;
const OFFICER = `The officer: ${USER_ID}.`;

@InputType('WorkingPatternInput', {
  description: 'The days an officer works and the hours of those days, London time.',
})
export class WorkingPatternInput {
  @Field(() => [String], { description: 'Days of the week they work: monday to sunday.' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(DAYS, { each: true })
  days!: DayOfWeek[];
  @Field({ description: 'Start of their day, HH:MM London time.' })
  @Matches(HH_MM, { message: 'start must be a time as HH:MM' })
  start!: string;
  @Field({ description: 'End of their day, HH:MM London time (exclusive; 24:00 for midnight); after start.' })
  @Matches(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'end must be a time as HH:MM' })
  end!: string;
}

@InputType('OfficerLeaveInput', { description: 'Whole days away, first to last inclusive.' })
export class LeaveInput {
  @Field(() => String, { description: 'First day away, YYYY-MM-DD.' }) @IsLocalDay() firstDay!: LocalDate;
  @Field(() => String, { description: 'Last day away, YYYY-MM-DD; not before firstDay.' })
  @IsLocalDay()
  lastDay!: LocalDate;
}

@InputType('SaveOfficerInput', { description: "An officer's whole work profile, as a team leader keeps it." })
export class SaveOfficerInput {
  @Field({ description: OFFICER }) @IsString() @Length(1, 255) userId!: string;
  @Field({ description: 'Their name as colleagues see it.' }) @IsString() @Length(1, 200) name!: string;
  @Field(() => String, { description: 'caseworker or team-leader: team-leader tasks go only to team leaders.' })
  @IsIn(['caseworker', 'team-leader'])
  role!: 'caseworker' | 'team-leader';
  @Field(() => [String], { description: 'Teams whose queues they work (team codes, e.g. probate).' })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true, message: 'each team must be a team code' })
  teams!: string[];
  @Field(() => [String], {
    description: `Skills: ${SKILLS.join(', ')}. A money authority level includes those below it.`,
  })
  @IsArray()
  @ArrayMaxSize(SKILLS.length)
  @IsIn(SKILLS, { each: true })
  skills!: string[];
  @Field(() => Int, { description: 'Open tasks they may hold at once, 0 to 500.' })
  @IsInt()
  @Min(0)
  @Max(500)
  capacity!: number;
  @Field(() => WorkingPatternInput, { description: 'When they work.' })
  @NestedInput(() => WorkingPatternInput)
  shift!: WorkingPatternInput;
  @Field(() => [LeaveInput], { description: 'Leave booked (replaces what was booked); at most 100 periods.' })
  @ArrayMaxSize(100)
  @NestedInputs(() => LeaveInput)
  leave!: LeaveInput[];
  @Field({ description: 'Whether they are given work at all.' }) @IsBoolean() active!: boolean;
}

@InputType('AssignTaskInput', { description: 'A task and the officer a team leader gives it to.' })
export class AssignTaskInput {
  @Field(() => ID, { description: TASK_ID }) @IsUUID() taskId!: string;
  @Field({ description: OFFICER }) @IsString() @Length(1, 255) officer!: string;
  @Field({ nullable: true, description: `${REASON} Optional.` })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('TaskReasonInput', { description: 'A task and why.' })
export class TaskReasonInput {
  @Field(() => ID, { description: TASK_ID }) @IsUUID() taskId!: string;
  @Field({ nullable: true, description: `${REASON} Required to escalate; optional to hand back.` })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

@InputType('ReassignOfficerTasksInput', {
  description: "Move all of an officer's open tasks, e.g. when they go on leave.",
})
export class ReassignOfficerTasksInput {
  @Field({ description: `Whose tasks move: ${USER_ID}.` }) @IsString() @Length(1, 255) fromOfficer!: string;
  @Field(() => [String], {
    description: "Officers to share them among; empty for every officer of each task's team.",
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  toOfficers!: string[];
  @Field({ nullable: true, description: `${REASON} Optional.` })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}
