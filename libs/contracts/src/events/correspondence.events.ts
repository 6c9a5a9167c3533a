import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { defineEvent } from '../event-type';

/** The ways a request may name its recipient; a request names exactly one of them. */
export const CORRESPONDENCE_RECIPIENT_FIELDS = ['partyId', 'userId', 'organisationId'] as const;

const given = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Exactly one of partyId, userId and organisationId is given. Put on `partyId` without `@IsOptional`, so it
 * runs when none of the three is given too (class-validator skips an optional property's checks when absent).
 */
function NamesExactlyOneRecipient(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'namesExactlyOneRecipient',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          CORRESPONDENCE_RECIPIENT_FIELDS.filter((f) => given((args.object as Record<string, unknown>)[f])).length ===
          1,
        defaultMessage: () => `exactly one of ${CORRESPONDENCE_RECIPIENT_FIELDS.join(', ')} must be given`,
      },
    });
}

/** A party id, when given, is a UUID (the check of exactly one recipient runs whether or not it is given). */
function IsUUIDWhenGiven(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUUIDWhenGiven',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          !given(value) ||
          (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)),
        defaultMessage: () => 'partyId must be a UUID',
      },
    });
}

/**
 * A service asks for a letter, email or text to a party of a case, decided by its correspondence rules
 * from its own events. The cases service holds the party's name, address, contact details and preferred
 * language (personal data stays there), so it renders the item from libs/correspondence's templates,
 * records it, sends it and shows it on the case's timeline. One event type per requesting service, each
 * on that service's own topic.
 *
 * The recipient is named in exactly one way: the party itself (`partyId`), or as someone the requesting
 * service knows only by their account, which cases resolves with its own access data: the party whose
 * citizen account `userId` is, or the party (each party) the firm `organisationId` represents on the case.
 * When nobody on the case matches, cases records nothing.
 */
export class CorrespondenceRequestedV1 {
  /** Stable for one source event and template (a UUID v5 of both): the same request twice is one item. */
  @IsUUID() requestId!: string;
  @IsUUID() caseId!: string;
  /** The party written to. Exactly one of partyId, userId and organisationId is given. */
  @NamesExactlyOneRecipient() @IsUUIDWhenGiven() partyId?: string;
  /** The citizen account (a user id) of the party written to, for a service that knows the person only so. */
  @IsOptional() @IsString() @Length(1, 255) userId?: string;
  /** The firm representing the party written to, for a service that knows only the firm. */
  @IsOptional() @IsString() @Length(1, 64) organisationId?: string;
  /** A template id of libs/correspondence, e.g. `enforcement.further-steps-notice`. */
  @Length(3, 80) @Matches(/^[a-z]+\.[a-z0-9-]+$/) template!: string;
  /** The template's placeholders this service knows: text as strings, money as integer pence, days as YYYY-MM-DD. */
  @IsObject() values!: Record<string, string | number>;
  /** The placeholder that takes the recipient's name, which cases fills in. */
  @IsOptional() @Matches(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/) recipientNameAs?: string;
  /** What the item is about in the requesting service (a fine account's number), for the timeline. */
  @IsOptional() @IsString() @Length(1, 64) about?: string;
}

/** The enforcement service's requests: notices about a fine account to its defendant. */
export const enforcementCorrespondenceRequestedV1 = defineEvent(
  'enforcement',
  'correspondence-requested',
  1,
  CorrespondenceRequestedV1,
);

/**
 * The payments service's requests: receipts, approved refunds and Help with Fees decisions, to whoever paid
 * or applied, named by their citizen account (`userId`) or their firm (`organisationId`).
 */
export const paymentsCorrespondenceRequestedV1 = defineEvent(
  'payments',
  'correspondence-requested',
  1,
  CorrespondenceRequestedV1,
);

/**
 * A service recorded a letter, email or text to someone it holds the details of (an enquiry's contact, a
 * complainant) about cases (`caseIds`), so each case's timeline shows it to staff. What was said and to whom
 * stays in that service: the template, channel and language only. No `channel` when it could not be sent
 * (no way to reach the recipient held).
 */
export class CorrespondenceRecordedV1 {
  @IsUUID() itemId!: string;
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) caseIds!: string[];
  @Length(3, 80) @Matches(/^[a-z]+\.[a-z0-9-]+$/) template!: string;
  /** Who it went to, as the service knows them: `enquirer`, `complainant`. */
  @IsIn(['enquirer', 'complainant']) recipient!: string;
  @IsOptional() @IsIn(['letter', 'email', 'sms']) channel?: string;
  @IsIn(['en', 'cy', 'bilingual']) language!: string;
}

/** Queries' acknowledgements of enquiries about a case. */
export const queriesCorrespondenceRecordedV1 = defineEvent(
  'queries',
  'correspondence-recorded',
  1,
  CorrespondenceRecordedV1,
);

/** Complaints' acknowledgements, stage responses and escalation rights, about the cases complained of. */
export const complaintsCorrespondenceRecordedV1 = defineEvent(
  'complaints',
  'correspondence-recorded',
  1,
  CorrespondenceRecordedV1,
);
