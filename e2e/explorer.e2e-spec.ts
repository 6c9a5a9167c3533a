import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testToken } from '@ccsc/testing';
import { RunningPlatform, startTestPlatform } from './platform';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). */
const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for the browser tests: without Chromium they are skipped, loudly, unless REQUIRE_BROWSER=1
 * (set by CI), which makes a missing browser a failure.
 */
function describeWithBrowser(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, fn);
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(`"${name}" needs ${CHROMIUM} and REQUIRE_BROWSER=1: apt-get install -y chromium`);
  console.warn(
    `\n!!! SKIPPED "${name}": no ${CHROMIUM} (apt-get install -y chromium); REQUIRE_BROWSER=1 makes this a failure.\n`,
  );
  describe.skip(name, fn);
}

describeWithBrowser('the explorer and the API reference in a browser, offline', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let context: BrowserContext;
  /** Whatever the pages tried to reach beyond the gateway, refused. */
  const elsewhere: string[] = [];
  /** What the browser reported going wrong: scripts that threw, and anything the page's policy refused. */
  const problems: string[] = [];

  beforeAll(async () => {
    // Cases alone: its GraphQL and its REST routes are what the pages show.
    platform = await startTestPlatform({ services: [] });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const gateway = new URL(platform.gatewayUrl).origin;
    // The network is closed but for the gateway: a CDN, a font service or telemetry gets nothing.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === gateway) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(`${platform.gatewayUrl}${path}`);
    return page;
  }

  it('loads GraphiQL from the gateway, runs a query with a token and shows the result', async () => {
    const page = await open('/graphql');
    const headers = page.locator('section[aria-label="Headers"] .graphiql-editor:not(.hidden)');
    await headers.waitFor({ timeout: 30_000 });
    // As a developer would: headers pasted over the editor's template (typing would meet the editor's
    // closing quotes and brackets).
    const pasted = JSON.stringify({ authorization: `Bearer ${await testToken('caseworker')}` });
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.locator('button[aria-label^="Execute query"]').click();

    const result = page.locator('section[aria-label="Result Window"]');
    await expectText(result, /civil-money-claim/);
    const shown = await result.innerText();
    expect(shown).toContain('"caseTypes"');
    expect(shown).not.toContain('UNAUTHENTICATED');

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('renders the API reference of /api/docs, the cases routes among it', async () => {
    const page = await open('/api/reference');
    const paths = page.locator('.opblock-summary-path[data-path]');
    await paths.first().waitFor({ timeout: 30_000 });
    // Swagger UI renders its operations as a virtual list (only those near the viewport are in the page), so the
    // page is read as a reader would: scrolled to the end, every route rendered on the way kept.
    const wanted = ['/api/v1/cases', '/api/v1/cases/{idOrReference}', '/api/v1/cases/{id}/events'];
    const shown = new Set<string | null>();
    const keepRendered = async () => {
      for (const path of await paths.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-path'))))
        shown.add(path);
    };
    for (let screen = 0; screen < 300 && !wanted.every((p) => shown.has(p)); screen++) {
      await keepRendered();
      const wasAtEnd = await page.evaluate(() => {
        const end = window.innerHeight + window.scrollY >= document.body.scrollHeight - 1;
        window.scrollBy(0, window.innerHeight);
        return end;
      });
      if (wasAtEnd) break;
      await page.waitForTimeout(50);
    }
    await keepRendered();
    expect([...shown]).toEqual(expect.arrayContaining(wanted));
    // The document is OpenAPI 3.1, and the page says so.
    expect(await page.locator('.version-stamp').innerText()).toContain('OAS 3.1');

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** Waits for text to appear in a region that fills in after a request, then leaves the rest to the test. */
async function expectText(region: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await region.innerText();
    if (pattern.test(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${pattern} never appeared; the region showed:\n${last}`);
}
