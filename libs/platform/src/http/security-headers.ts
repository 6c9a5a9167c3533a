import helmet from 'helmet';

/**
 * helmet's security headers for the gateway and every service (HSTS, nosniff, frame and referrer
 * policies, cross-origin isolation...). The APIs answer JSON only, so production's content security
 * policy allows nothing at all to load or frame it. Outside production there is none, so a developer's
 * own tools are not in the way; the gateway's explorer and API reference pages send their own policy.
 */
export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: production
      ? {
          useDefaults: false,
          directives: {
            defaultSrc: ["'none'"],
            frameAncestors: ["'none'"],
            baseUri: ["'none'"],
            formAction: ["'none'"],
          },
        }
      : false,
  });
}
