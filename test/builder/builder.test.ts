/**
 * The builder, from outside, in headless Chromium: a real `flowline serve --api-port N --ui`
 * with the GHL sandbox and a tenant; the page opened with the tenant's token; a contact-sync
 * workflow built from an empty canvas by clicking and typing through the accessible names of
 * the builder's UI contract; then published, fed a signed PushPress delivery, and watched.
 *
 * Screenshots go to test/builder/artifacts/ (gitignored); FLOWLINE_BUILDER_SCREENSHOT=docs also
 * writes docs/builder.png, the README's picture.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/node-child.js';
import { describeViolations, seriousAccessibilityViolations } from './axe.js';
import { customerCreated, startBuilderStack, type BuilderStack } from './builder-stack.js';
import { launchChromium, watchPage, type PageTrouble } from './chromium.js';

const ARTIFACTS = join(REPO_ROOT, 'test/builder/artifacts');
/** How long the page may take to show what a step waits for (the machine is shared; nothing here is a speed goal). */
const UI_TIMEOUT = 20_000;

const WORKFLOW_ID = 'contact-sync.builder';
const TRIGGER = 'pushpress.customer.created';
const UPSERT = /^Upsert Contact \(ghl\.contacts\.upsert-contact\)/;
/** The trigger's sample payload (the catalog's) names Maya Lopez: what a preview of the first name shows. */
const SAMPLE_FIRST_NAME = 'Maya';

/** A field of the step form by its schema title: the accessible name is the title, or the title and " *". */
function field(scope: Locator, title: string): Locator {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('textbox', { name: new RegExp(`^${escaped}( \\*)?$`) });
}

/** Picks an option of a combobox: a native select by its label, or an ARIA combobox by clicking its option. */
async function choose(combobox: Locator, page: Page, option: RegExp): Promise<void> {
  if ((await combobox.evaluate((element) => element.tagName)) === 'SELECT') {
    const labels = await combobox.locator('option').evaluateAll((options) => options.map((o) => ({ value: (o as unknown as { value: string }).value, text: o.textContent ?? '' })));
    const match = labels.find((candidate) => option.test(candidate.text) || option.test(candidate.value));
    if (!match) throw new Error(`No option ${option} among ${labels.map((l) => l.text).join(', ')}`);
    await combobox.selectOption(match.value);
    return;
  }
  await combobox.click();
  await page.getByRole('option', { name: option }).first().click();
}

async function shoot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

describe('the builder served by flowline serve --ui, in Chromium', () => {
  let stack: BuilderStack;
  let browser: Browser;
  let page: Page;
  let trouble: PageTrouble;
  const email = `builder.${Date.now()}@example.com`;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startBuilderStack();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(UI_TIMEOUT);
    trouble = await watchPage(page);
  });

  afterAll(async () => {
    if (page) await shoot(page, 'last').catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  it('opens with the tenant token in the URL, on an empty canvas, under the strict CSP', async () => {
    const response = await page.goto(stack.builderUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'/);
    const palette = page.getByRole('region', { name: 'Palette' });
    await expect.poll(() => palette.getByRole('searchbox', { name: 'Search actions' }).isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    const canvas = page.getByRole('region', { name: 'Canvas' });
    await canvas.getByRole('button', { name: 'Trigger' }).waitFor();
    expect(await canvas.getByRole('button', { name: /^Step / }).count()).toBe(0);
    await shoot(page, '01-empty-canvas');
  });

  it('builds the contact-sync workflow by clicking and typing', async () => {
    await page.getByRole('textbox', { name: 'Workflow id' }).fill(WORKFLOW_ID);
    await page.getByRole('textbox', { name: 'Workflow name' }).fill('Contact sync, built in the browser');
    await choose(page.getByRole('combobox', { name: 'Trigger' }), page, new RegExp(TRIGGER.replaceAll('.', '\\.')));

    const palette = page.getByRole('region', { name: 'Palette' });
    await palette.getByRole('searchbox', { name: 'Search actions' }).fill('upsert contact');
    await palette.getByRole('button', { name: UPSERT }).click();

    const canvas = page.getByRole('region', { name: 'Canvas' });
    const added = canvas.getByRole('button', { name: /^Step / });
    await added.first().waitFor();
    expect(await added.count()).toBe(1);
    await added.first().click();

    const form = page.getByRole('region', { name: 'Step' });
    await form.getByRole('textbox', { name: 'Step id' }).fill('upsert');
    await canvas.getByRole('button', { name: 'Step upsert' }).waitFor();

    // The contract names no connection field: a form that has one gets the tenant's GHL connection.
    const connection = form.getByRole('combobox', { name: /^Connection( \*)?$/ });
    if ((await connection.count()) > 0) await choose(connection, page, /\bghl\b/);
    await field(form, 'Location ID').fill('=$config.ghlLocationId');
    // A slip of the keyboard: a dangling "&" makes the first name's expression invalid.
    await field(form, 'First name').fill('=$event.data.name.first &');
    await field(form, 'Last name').fill('=$event.data.name.last');
    await field(form, 'Email').fill('=$event.data.email');
    await field(form, 'Phone').fill('=$event.data.phone');
    await shoot(page, '02-built');
  });

  it('shows the broken expression at its field and in Problems, then takes the fix', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    await toolbar.getByRole('button', { name: 'Validate' }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    const problem = problems.getByRole('listitem').filter({ hasText: '/steps/0/input/body/firstName' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/syntax error/i);

    const form = page.getByRole('region', { name: 'Step' });
    const firstName = field(form, 'First name');
    await expect.poll(() => firstName.getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
    const describedBy = await firstName.getAttribute('aria-describedby');
    expect(describedBy, 'the field names its error text').toBeTruthy();
    const errorTexts = await Promise.all((describedBy ?? '').split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(errorTexts.join(' ')).toMatch(/syntax error/i);
    await shoot(page, '03-problem-at-field');

    await problem.click();
    await expect.poll(() => firstName.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), { timeout: UI_TIMEOUT }).toBe(true);
    await firstName.fill('=$event.data.name.first');
    await toolbar.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => problems.getByRole('listitem').count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await firstName.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('previews a mapping against the trigger sample', async () => {
    const preview = page.getByRole('status', { name: 'Preview of First name' });
    await expect.poll(() => preview.textContent(), { timeout: UI_TIMEOUT }).toContain(SAMPLE_FIRST_NAME);
  });

  it('test-runs the workflow: the upsert step succeeds with the request it would send', async () => {
    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Test run' }).click();
    const testRun = page.getByRole('region', { name: 'Test run' });
    await testRun.getByRole('button', { name: 'Run test' }).click();
    await testRun.getByRole('listitem', { name: 'Step upsert: succeeded' }).waitFor();
    await shoot(page, '04-test-run');
  });

  it('publishes version 1 and lists it', async () => {
    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 1').waitFor();
    await page.getByRole('region', { name: 'Versions' }).getByText(/\b1\b/).first().waitFor();
    const published = await stack.operator('GET', `/api/tenants/${stack.tenant}/workflows`);
    expect(JSON.stringify(published.body)).toContain(WORKFLOW_ID);
  });

  it('shows a signed PushPress delivery run live as succeeded, and the contact is in GHL', async () => {
    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Runs' }).click();
    const runs = page.getByRole('region', { name: 'Runs' }).getByRole('table', { name: 'Runs' });
    await runs.waitFor();
    const rowsBefore = await runs.getByRole('row').count();

    const answer = await stack.deliver(customerCreated({ id: `usr_builder_${Date.now()}`, first: 'Robin', last: 'Builder', email, phone: '+15125550177' }));
    expect(answer.status, answer.body).toBeLessThan(300);

    // No reload: the row arrives over the page's event stream.
    await runs.getByRole('row').filter({ hasText: 'succeeded' }).first().waitFor({ timeout: 30_000 });
    expect(await runs.getByRole('row').count()).toBe(rowsBefore + 1);
    await shoot(page, '05-run-succeeded');
    if (process.env['FLOWLINE_BUILDER_SCREENSHOT'] === 'docs') copyFileSync(join(ARTIFACTS, '05-run-succeeded.png'), join(REPO_ROOT, 'docs/builder.png'));

    const contact = (await stack.contacts()).find((candidate) => candidate['email'] === email);
    expect(contact, `a contact with ${email} in the sandbox`).toMatchObject({ firstName: 'Robin', lastName: 'Builder', email });
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('ran without CSP violations or uncaught errors', async () => {
    expect(await trouble.cspViolations()).toEqual([]);
    expect(trouble.pageErrors).toEqual([]);
  });
});
