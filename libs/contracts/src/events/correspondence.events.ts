import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../event-type';

/**
 * A service asks for a letter, email or text to a party of a case, decided by its correspondence rules
 * from its own events. The cases service holds the party's name, address, contact details and preferred
 * language (personal data stays there), so it renders the item from libs/correspondence's templates,
 * records it, sends it and shows it on the case's timeline. One event type per requesting service, each
 * on that service's own topic.
 */
export class CorrespondenceRequestedV1 {
  /** Stable for one source event and template (a UUID v5 of both): the same request twice is one item. */
  @IsUUID() requestId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() partyId!: string;
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
