import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (CI installs it with apt; no test tool downloads a browser here). */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** What went wrong in a page: console errors, uncaught errors, and every CSP violation the page reported. */
export interface PageTrouble {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  cspViolations(): Promise<string[]>;
}

/**
 * Watches `page` from before its first script: a `securitypolicyviolation` listener is installed
 * through the DevTools protocol (not an inline script, which the CSP would refuse).
 */
export async function watchPage(page: Page): Promise<PageTrouble> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    type Violation = { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    const { document } = globalThis as unknown as { document: { addEventListener(type: string, listener: (event: Violation) => void): void } };
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
  });
  return {
    consoleErrors,
    pageErrors,
    cspViolations: () => page.evaluate(() => [...((globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
  };
}
