import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Request, Router } from 'express';

export interface PageAsset {
  type: string;
  body: Buffer;
}

/** A page the gateway serves to a browser with everything it loads, so it works with no network beyond the gateway. */
export interface BrowserPage {
  path: string;
  /** Where its assets are: the version of the package that ships them is part of the path. */
  assetsPath: string;
  html: string;
  /**
   * Its assets, read when a browser first asks for one and kept from then on: megabytes of scripts (GraphiQL's
   * alone are about 9 MB) that a gateway nobody opened the page on never holds.
   */
  assets: () => Promise<Record<string, PageAsset>>;
  /** The path also answers API calls: serve the page only to a browser navigating to it. */
  onlyWhenHtmlPreferred?: boolean;
}

/**
 * What the gateway's pages may load: their own scripts and styles from the gateway and nothing else, and
 * requests to the gateway only. So a page that reached for a CDN would fail here as it would offline.
 * GraphiQL's editor and Swagger UI set styles at run time, hence inline styles.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The page at its path, and its assets, kept by browsers for good (a new package version is a new path). */
export function browserPageRoutes(page: BrowserPage): Router {
  const router = express.Router();
  let assets: Promise<Record<string, PageAsset>> | undefined;
  const loadAssets = () => {
    // A failed read is tried again on the next request rather than remembered.
    assets ??= page.assets().catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    return assets;
  };
  router.get(page.path, (req, res, next) => {
    if (page.onlyWhenHtmlPreferred && !prefersHtml(req)) return next();
    res
      .set({ 'content-security-policy': PAGE_CONTENT_SECURITY_POLICY, 'cache-control': 'no-cache' })
      .type('html')
      .send(page.html);
  });
  router.get(`${page.assetsPath}/:name`, async (req, res, next) => {
    let loaded: Record<string, PageAsset>;
    try {
      loaded = await loadAssets();
    } catch (error) {
      return next(error);
    }
    const asset = Object.hasOwn(loaded, req.params.name) ? loaded[req.params.name] : undefined;
    if (!asset) return next();
    res
      .set({
        'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
        'cache-control': 'public, max-age=31536000, immutable',
      })
      .type(asset.type)
      .send(asset.body);
  });
  return router;
}

/** A browser's navigation (text/html first), not a GraphQL client's GET (JSON, or anything). */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** The directory and version of an installed package. */
export function installedPackage(name: string): { dir: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  return {
    dir: path.dirname(manifest),
    version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
  };
}

/** Text for a `<script type="application/json">`: `</script>` cannot end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
