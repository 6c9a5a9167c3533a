import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_PATH } from '@ccsc/platform';

const CACHE_MS = 30_000;

/**
 * The partner API as one OpenAPI document: each service's own document, fetched from the service
 * and merged, so the docs always describe what is deployed. A service that does not answer is
 * listed as unavailable rather than failing the whole document.
 */
export class MergedOpenApi {
  private cached?: { at: number; document: OpenAPIObject };

  constructor(private readonly services: Record<string, string>) {}

  async document(): Promise<OpenAPIObject> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.document;
    const parts = await Promise.all(
      Object.entries(this.services).map(async ([name, url]) => [name, await fetchDocument(url)] as const),
    );
    const schemas: Record<string, unknown> = {};
    const tags: { name: string }[] = [];
    const document: OpenAPIObject = {
      openapi: '3.0.0',
      info: {
        title: 'Courts and tribunals service centre: partner API',
        version: '1',
        description:
          "Versioned REST API for partners such as solicitors' case-management systems. Every call needs a bearer token; errors are RFC 9457 problem+json.",
      },
      servers: [{ url: '/' }],
      paths: {},
      components: {
        schemas: schemas as never,
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
      tags,
    };
    const unavailable: string[] = [];
    for (const [name, part] of parts) {
      if (!part) {
        unavailable.push(name);
        continue;
      }
      Object.assign(document.paths, part.paths);
      Object.assign(schemas, part.components?.schemas ?? {});
      tags.push(...(part.tags ?? []));
    }
    if (unavailable.length) Object.assign(document.info, { 'x-unavailable-services': unavailable });
    this.cached = { at: Date.now(), document };
    return document;
  }
}

async function fetchDocument(baseUrl: string): Promise<OpenAPIObject | undefined> {
  try {
    const res = await fetch(`${baseUrl}${OPENAPI_PATH}`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? ((await res.json()) as OpenAPIObject) : undefined;
  } catch {
    return undefined;
  }
}
