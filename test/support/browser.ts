/**
 * The browser suites' tools: the app served on a free port of 127.0.0.1, Debian's
 * chromium driven by playwright-core, axe-core run in the page, and a screenshot of a
 * page at a desktop and a phone width under `test-output/screenshots/`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

/** Serves `app` on 127.0.0.1; answers its base URL and how to stop it. */
export async function serveApp(app: { fetch: (req: Request) => Response | Promise<Response> }) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A browser context that records what the page's console reports as an error (a CSP
 * refusal, a script error, a failed integrity check) and every subresource that fails;
 * suites assert it stays empty.
 */
export async function pageWithErrors(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  // A page answering 422 or 404 is a page like any other; a stylesheet, script or
  // image that fails is an error (and its console line says less than this one).
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  await page.evaluate(`${await axeSource};0`);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The phone width every page must fit without scrolling sideways. */
const PHONE = 390;

/**
 * Full-page screenshots at 1280 and 390 px wide: `<name>-1280.png`, `<name>-390.png`.
 * Answers how wide the page is at 390: wider means a phone scrolls it sideways.
 */
export async function screenshots(page: Page, name: string): Promise<{ phoneWidth: number }> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  let phoneWidth = 0;
  for (const width of [1280, PHONE]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    if (width === PHONE) {
      phoneWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    }
  }
  await page.setViewportSize(original);
  return { phoneWidth };
}

/**
 * The elements that reach past a phone's right edge while their parent does not: where
 * to look when a page scrolls sideways. Measured at 390 px.
 */
async function pastPhoneEdge(page: Page): Promise<string[]> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: PHONE, height: 900 });
  try {
    return (await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > ${PHONE} + 1
        && el.parentElement.getBoundingClientRect().right <= ${PHONE} + 1)
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().replace(/s+/g, '.') : '')
        + ' «' + (el.textContent ?? '').trim().slice(0, 30) + '»')`)) as string[];
  } finally {
    await page.setViewportSize(original);
  }
}

/**
 * On a 390 px phone: how wide the page scrolls, and where the right edge of the first
 * element matching `selector` lies (both at most 390 when nothing hides past the edge).
 */
export async function phoneFit(
  page: Page,
  selector: string,
): Promise<{ pageWidth: number; right: number }> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 390, height: 900 });
  try {
    const pageWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    const box = await page.locator(selector).first().boundingBox();
    return { pageWidth, right: box ? box.x + box.width : Number.POSITIVE_INFINITY };
  } finally {
    await page.setViewportSize(original);
  }
}

/**
 * What every page of a walk is checked for: no serious violation of axe-core's rules, a
 * screenshot at each width, and no sideways scrolling on a phone (reported as one more
 * violation, naming what reaches past the edge).
 */
export async function checkPage(page: Page, name: string): Promise<AxeViolation[]> {
  const { phoneWidth } = await screenshots(page, name);
  const violations = await seriousViolations(page);
  if (phoneWidth <= PHONE) return violations;
  return [
    ...violations,
    {
      id: 'phone-overflow',
      impact: 'serious',
      help: `The page is ${phoneWidth} px wide on a ${PHONE} px phone: it scrolls sideways`,
      targets: await pastPhoneEdge(page),
    },
  ];
}

/**
 * Signs in on `/<tenant>/signin` by choosing the demo identity whose button is named
 * `who`; lands on `next` when given. Answers once the header names the person.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  tenant: string,
  who: RegExp,
  next?: string,
): Promise<void> {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  await page.goto(`${baseUrl}/${tenant}/signin${query}`);
  await page.getByRole('button', { name: who }).click();
  await expect.poll(() => page.getByRole('button', { name: /退出/ }).count()).toBe(1);
}

/** Signs out with the header's button; answers once no one is signed in. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出/ }).click();
  await expect.poll(() => page.getByRole('button', { name: /退出/ }).count()).toBe(0);
}

/**
 * Signs in as an identity no demo button offers (a listed member, an enterprise): the
 * dev login's token set as the session cookie, as the sign-in page would set it.
 */
export async function signInWithToken(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  context: BrowserContext,
  baseUrl: string,
  identity: { role: string; tenant: string; org: string; name: string },
): Promise<void> {
  const res = await app.request('/api/dev/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(identity),
  });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  await context.addCookies([{ name: 'session', value: token, url: baseUrl }]);
}
