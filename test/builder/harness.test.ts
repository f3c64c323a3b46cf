/**
 * The builder test's own tools, against a page built to fail them: `flowline serve --ui`
 * serving a fixture directory under the strict CSP, the CSP watcher catching an inline script,
 * axe-core finding a button without a name. If these did not fail here, the builder test's
 * "no violations" would prove nothing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/node-child.js';
import { seriousAccessibilityViolations } from './axe.js';
import { customerCreated, startBuilderStack, type BuilderStack } from './builder-stack.js';
import { launchChromium, watchPage } from './chromium.js';

describe('the builder test harness', () => {
  let stack: BuilderStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBuilderStack({ uiRoot: join(REPO_ROOT, 'test/builder/fixtures/page') }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('reports the inline script the CSP refused, and the nameless button axe-core finds', async () => {
    const page = await browser.newPage();
    const trouble = await watchPage(page);
    const response = await page.goto(stack.builderUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(await page.title()).toBe('A page the harness must find fault with');
    expect(await trouble.cspViolations()).toEqual([expect.stringMatching(/^script-src-elem refused inline/)]);
    const violations = await seriousAccessibilityViolations(page);
    expect(violations.map((violation) => `${violation.impact} ${violation.id}`)).toContain('critical button-name');
  });

  it('signs deliveries the host accepts for the tenant, and reads the sandbox', async () => {
    const answer = await stack.deliver(customerCreated({ id: 'usr_harness', first: 'Harness', last: 'Check', email: 'harness@example.com', phone: '+15125550100' }));
    expect(answer.status, answer.body).toBeLessThan(300);
    expect(Array.isArray(await stack.contacts())).toBe(true);
  });
});
