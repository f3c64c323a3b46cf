// Loaded as a classic script before the page's module runs: records every Content-Security-Policy
// violation of the page, so the test can require there were none.
globalThis.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  globalThis.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber, sample: event.sample });
});
