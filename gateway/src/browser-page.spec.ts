import type { AddressInfo } from 'node:net';
import express from 'express';
import { BrowserPage, browserPageRoutes, PageAsset } from './browser-page';

/** A page whose assets are counted as they are read, and whose first read can be made to fail. */
function countedPage(failFirst = false) {
  let reads = 0;
  const page: BrowserPage = {
    path: '/page',
    assetsPath: '/page/1.0.0',
    html: '<!doctype html><title>page</title>',
    assets: () => {
      reads += 1;
      if (failFirst && reads === 1) return Promise.reject(new Error('the package could not be read'));
      const asset: PageAsset = { type: 'text/javascript', body: Buffer.from('window.ok = true;') };
      return Promise.resolve({ 'app.js': asset });
    },
  };
  return { page, reads: () => reads };
}

async function serve(page: BrowserPage, test: (url: string) => Promise<void>) {
  const app = express();
  app.use(browserPageRoutes(page));
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(503).end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    await test(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('a browser page', () => {
  it('reads its assets when a browser first asks for one, once, and not to serve the page itself', async () => {
    const { page, reads } = countedPage();
    browserPageRoutes(page);
    expect(reads()).toBe(0);
    await serve(page, async (url) => {
      expect((await fetch(`${url}/page`, { headers: { accept: 'text/html' } })).status).toBe(200);
      expect(reads()).toBe(0);
      const first = await fetch(`${url}/page/1.0.0/app.js`);
      expect([first.status, await first.text()]).toEqual([200, 'window.ok = true;']);
      expect((await fetch(`${url}/page/1.0.0/app.js`)).status).toBe(200);
      expect((await fetch(`${url}/page/1.0.0/missing.js`)).status).toBe(404);
      expect(reads()).toBe(1);
    });
  });

  it('tries a failed read again on the next request instead of remembering the failure', async () => {
    const { page, reads } = countedPage(true);
    await serve(page, async (url) => {
      expect((await fetch(`${url}/page/1.0.0/app.js`)).status).toBe(503);
      expect((await fetch(`${url}/page/1.0.0/app.js`)).status).toBe(200);
      expect(reads()).toBe(2);
    });
  });
});
