import type { Principal } from '@ccsc/auth';
import { ForbiddenError } from '@ccsc/platform';

/** The firm a caller acts for: endpoints and deliveries belong to a firm, never to one of its users. */
export function firmOf(principal: Principal): string {
  if (!principal.roles.includes('professional') || !principal.organisationId)
    throw new ForbiddenError('Only a firm user may manage webhooks');
  return principal.organisationId;
}
