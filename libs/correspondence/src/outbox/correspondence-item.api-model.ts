import { Field, ID, Int, ObjectType, type ReturnTypeFuncValue } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '../notifications/notification-sender.port';
import { CHANNELS } from '../templates/template-definition';
import { ITEM_STATUSES, type CorrespondenceItem } from './correspondence-item';

/** The fields every service's item model documents alike, in the order its schema lists them. */
type CommonField =
  | 'template'
  | 'templateVersion'
  | 'language'
  | 'channel'
  | 'subject'
  | 'body'
  | 'status'
  | 'providerStatus'
  | 'attempts'
  | 'createdAt'
  | 'sentAt'
  | 'deliveredAt';

export interface CorrespondenceItemApiModelOptions {
  /**
   * The service's own ids (the record the item is about, whom it is addressed to), documented right after
   * `id` in this order; the service's model declares them and sets them in its `from`.
   */
  ids: Record<string, ApiPropertyOptions>;
  /** Who was not reached, for `status`'s `undeliverable`: "when the contact had no email … when it was recorded". */
  undeliverable: string;
  /** How the service describes an instant, appended to the dates' descriptions. */
  instant: string;
  /** Documents `about` (after `body`) and sets it in `fieldsOf`; left out of the schema when absent. */
  about?: ApiPropertyOptions;
  /** What this service says differently of a common field: merged over its documentation. */
  fields?: Partial<Record<CommonField, ApiPropertyOptions>>;
}

/** What every service's item model has: the item's id and the common fields (`about` where it is shown). */
export interface CorrespondenceItemApiFields {
  id: string;
  template: string;
  templateVersion: number;
  language: string;
  channel?: string;
  subject: string;
  body: string;
  about?: string;
  status: string;
  providerStatus?: string;
  attempts: number;
  createdAt: Date;
  sentAt?: Date;
  deliveredAt?: Date;
}

/** The GraphQL type of each common field; the rest are strings. */
const GRAPHQL_TYPES: Partial<Record<CommonField, ReturnTypeFuncValue>> = {
  templateVersion: Int,
  attempts: Int,
  createdAt: Date,
  sentAt: Date,
  deliveredAt: Date,
};

/**
 * A letter, email or text as a service's REST and GraphQL APIs show it: its rendered text and how far it got.
 * A service's model extends `CorrespondenceItemApiModel(options)` with its own ids, names itself with its
 * subgraph's `@ObjectType`, and maps an item with `Model.fieldsOf(item, { <its ids> })`; the OpenAPI schema
 * is named after the service's class. Each field has the same description in both.
 */
export function CorrespondenceItemApiModel(options: CorrespondenceItemApiModelOptions) {
  const status =
    '`pending` until handed to the provider (or while a failed send waits to be tried again); `sending` while the provider has it and its answer is not yet recorded (or is unknown, until the provider is asked); then `sent`, and `delivered` or `failed` as the provider reports; ' +
    `\`undeliverable\` ${options.undeliverable}.`;
  const common: Record<CommonField, { optional?: boolean } & ApiPropertyOptions> = {
    template: { type: String, example: undefined, description: 'The template it was rendered from.' },
    templateVersion: { type: Number, example: 1, description: "The template's version it was rendered from." },
    language: {
      enum: ['en', 'cy', 'bilingual'],
      example: undefined,
      description: 'The language it is written in; `bilingual` is Welsh first, then English.',
    },
    channel: {
      optional: true,
      enum: CHANNELS,
      example: undefined,
      description: 'How it goes; absent when it could not be sent.',
    },
    subject: { type: String, description: 'The subject, as rendered.', example: undefined },
    body: {
      type: String,
      description: 'The text as rendered: paragraphs separated by a blank line.',
      example: undefined,
    },
    status: { enum: ITEM_STATUSES, example: undefined, description: status },
    providerStatus: {
      optional: true,
      enum: DELIVERY_STATUSES,
      example: undefined,
      description: "The provider's last word on it (GOV.UK Notify's names).",
    },
    attempts: { type: Number, minimum: 0, example: 1, description: 'How many times sending it was attempted.' },
    createdAt: { type: Date, example: undefined, description: `When it was recorded. ${options.instant}` },
    sentAt: {
      optional: true,
      type: Date,
      example: undefined,
      description: `When the provider took it. ${options.instant}`,
    },
    deliveredAt: {
      optional: true,
      type: Date,
      example: undefined,
      description: `When the provider reported it delivered. ${options.instant}`,
    },
  };

  abstract class Model implements CorrespondenceItemApiFields {
    id!: string;
    template!: string;
    templateVersion!: number;
    language!: string;
    channel?: string;
    subject!: string;
    body!: string;
    about?: string;
    status!: string;
    providerStatus?: string;
    attempts!: number;
    createdAt!: Date;
    sentAt?: Date;
    deliveredAt?: Date;

    /** `item` as the service shows it: its id, the service's `ids`, then the rest, each optional field only when it has a value. */
    static fieldsOf<Ids extends object>(item: CorrespondenceItem, ids: Ids): CorrespondenceItemApiFields & Ids {
      return {
        id: item.id,
        ...ids,
        template: item.templateId,
        templateVersion: item.templateVersion,
        language: item.language,
        ...(item.channel ? { channel: item.channel } : {}),
        subject: item.subject,
        body: item.body,
        ...(options.about && item.about ? { about: item.about } : {}),
        status: item.status,
        ...(item.providerStatus ? { providerStatus: item.providerStatus } : {}),
        attempts: item.attempts,
        createdAt: item.createdAt,
        ...(item.sentAt ? { sentAt: item.sentAt } : {}),
        ...(item.deliveredAt ? { deliveredAt: item.deliveredAt } : {}),
      };
    }
  }

  // Documented in the schema's order: @nestjs/swagger lists a model's properties as they were decorated.
  const document = (
    key: string,
    { optional, ...property }: { optional?: boolean } & ApiPropertyOptions,
    graphqlType: ReturnTypeFuncValue = String,
  ) => {
    (optional ? ApiPropertyOptional(property) : ApiProperty(property))(Model.prototype, key);
    const description = typeof property.description === 'string' ? property.description : undefined;
    Field(() => graphqlType, { nullable: !!optional, ...(description ? { description } : {}) })(Model.prototype, key);
  };
  document(
    'id',
    { type: String, format: 'uuid', description: "The item's id; the reference it is sent to the provider with." },
    ID,
  );
  for (const [key, property] of Object.entries(options.ids)) document(key, { type: String, ...property }, ID);
  for (const key of Object.keys(common) as CommonField[]) {
    // Merged over the common documentation, so its keys keep their order there (an example before or after
    // the description, as each field always had it); an example no service gives is left out.
    const merged = Object.entries({ ...common[key], ...options.fields?.[key] }).filter(([, v]) => v !== undefined);
    document(key, Object.fromEntries(merged) as ApiPropertyOptions, GRAPHQL_TYPES[key]);
    if (key === 'body' && options.about) document('about', { optional: true, type: String, ...options.about });
  }
  // Not a type of its own: each service's model is one, in its own subgraph.
  ObjectType({ isAbstract: true })(Model);
  return Model;
}
