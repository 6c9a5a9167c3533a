import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { BadUserInputError, IsInstant, parseInstant } from '@ccsc/platform';
import type { AuditFilter } from './audit-records';

export const AUDIT_KINDS = ['change', 'read'] as const;

/** What every surface of the audit trail takes, validated the same way on REST and GraphQL. */
export class AuditFilterFields {
  @ApiPropertyOptional({
    description: 'The token subject who acted (`system` for consumers and runs).',
    maxLength: 255,
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  actor?: string;

  @ApiPropertyOptional({
    description: 'A record they changed or saw: a case, party, complaint, account, payment, … id.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  recordId?: string;

  @ApiPropertyOptional({ description: 'A party whose personal data they saw.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  partyId?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS, description: 'Changes only, or reads only.' })
  @IsOptional()
  @IsIn(AUDIT_KINDS)
  kind?: (typeof AUDIT_KINDS)[number];

  @ApiPropertyOptional({ description: 'From this instant (inclusive), e.g. 2026-12-03T00:00:00Z.' })
  @IsOptional()
  @IsInstant('2026-12-03T00:00:00Z')
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), e.g. 2026-12-04T00:00:00Z.' })
  @IsOptional()
  @IsInstant('2026-12-04T00:00:00Z')
  to?: string;
}

/** The filter a validated input asks for; a period that ends before it starts is refused. */
export function auditFilterOf(fields: AuditFilterFields): AuditFilter {
  const from = fields.from === undefined ? undefined : parseInstant(fields.from);
  const to = fields.to === undefined ? undefined : parseInstant(fields.to);
  if (from && to && to <= from)
    throw new BadUserInputError('The period ends before it starts', [{ field: 'to', message: 'must be after from' }]);
  return {
    ...(fields.actor !== undefined ? { actor: fields.actor } : {}),
    ...(fields.recordId !== undefined ? { recordId: fields.recordId } : {}),
    ...(fields.partyId !== undefined ? { partyId: fields.partyId } : {}),
    ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/**
 * The opaque id of one auditor's question (the `AuditTrail` entity's key): every service answers its
 * part of the same question from it, so it carries the whole filter.
 */
export function trailIdOf(filter: AuditFilter): string {
  return Buffer.from(
    JSON.stringify({ ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() }),
  ).toString('base64url');
}

export function filterOfTrailId(id: string): AuditFilter {
  try {
    const raw = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    const instant = (key: string) => parseInstant(text(key));
    const kind = text('kind');
    return {
      ...(text('actor') !== undefined ? { actor: text('actor') } : {}),
      ...(text('recordId') !== undefined ? { recordId: text('recordId') } : {}),
      ...(text('partyId') !== undefined ? { partyId: text('partyId') } : {}),
      ...(kind === 'change' || kind === 'read' ? { kind } : {}),
      ...(instant('from') ? { from: instant('from') } : {}),
      ...(instant('to') ? { to: instant('to') } : {}),
    };
  } catch {
    throw new BadUserInputError('The audit trail id is not one this API issued', [
      { field: 'id', message: 'is not valid' },
    ]);
  }
}
