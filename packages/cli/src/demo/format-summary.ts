import type { ContactSummary, DemoSummary } from './demo-summary.js';

const day = (iso: string): string => (iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso);

function formatContact(c: ContactSummary): string[] {
  const lines = [`  ${c.name}  ${[c.email, c.phone].filter(Boolean).join('  ')}${c.tags.length ? `  [${c.tags.join(', ')}]` : ''}`];
  if (c.opportunity) lines.push(`      opportunity  ${c.opportunity.name}: ${c.opportunity.status} (${c.opportunity.stage})`);
  for (const t of c.tasks) lines.push(`      task         ${t.completed ? '[x]' : '[ ]'} ${t.title}, due ${day(t.dueDate)}${t.assignedTo ? `, assigned to ${t.assignedTo}` : ''}`);
  for (const a of c.appointments) lines.push(`      appointment  ${a.title} ${day(a.startTime)} UTC, ${a.status}`);
  for (const n of c.notes) lines.push(`      note         ${n}`);
  return lines;
}

/** The demo's closing report, for a person. */
export function formatSummary(s: DemoSummary): string {
  const lines: string[] = [];
  lines.push('', `Done in ${(s.durationMs / 1000).toFixed(1)} s.`, '');
  lines.push(
    `Deliveries: ${s.deliveries.sent} sent, ${s.deliveries.accepted} accepted, ${s.deliveries.duplicates} duplicate${s.deliveries.duplicates === 1 ? '' : 's'} acknowledged without running again, ${s.deliveries.rejected.length} rejected`,
  );
  for (const r of s.deliveries.rejected) lines.push(`  rejected: ${r.event} (${r.status ?? 'no answer'}, ${r.why})`);
  lines.push(`Runs: ${s.runs.succeeded} succeeded, ${s.runs.failed} failed`);
  for (const [flow, n] of Object.entries(s.runs.byFlow)) lines.push(`  ${flow.padEnd(18)} ${n.succeeded} ok${n.failed ? `, ${n.failed} failed` : ''}`);
  for (const f of s.runs.failures) lines.push(`  FAILED ${f.workflowId} at ${f.step ?? '?'}: ${f.error ?? ''}`);
  const c = s.created;
  lines.push(`Created in GHL: ${c.contacts} contacts, ${c.tasks} tasks, ${c.notes} notes, ${c.appointments} appointments, ${c.opportunities} opportunities`);
  const u = s.updated;
  lines.push(`Updated in GHL: ${u.contacts} contact updates, ${u.tags} tag changes, ${u.tasks} task updates, ${u.appointments} appointment updates, ${u.opportunities} opportunity updates`);
  lines.push(
    `GHL API: ${s.ghl.requests} requests; busiest ${s.ghl.windowMs / 1000} s window ${s.ghl.peakPerWindow} of ${s.ghl.limitPerWindow} allowed; ${s.ghl.rateLimited} answered 429`,
  );
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  lines.push(
    `Retries: ${plural(s.rateLimitWaits, 'wait', 'waits')} after a 429 and ${plural(s.serverErrors, 'resend', 'resends')} after a 5xx by the GHL client; ${plural(s.retries, 'step retry', 'step retries')} by the engine`,
  );
  lines.push(s.allTerminal ? 'Every accepted delivery finished.' : 'Some deliveries did not finish.');
  lines.push('', `Contacts in GHL (${s.contacts.length}):`);
  for (const contact of s.contacts) lines.push(...formatContact(contact));
  return lines.join('\n');
}
