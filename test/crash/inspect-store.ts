/**
 * Reads a crash-test SQLite file (kept with FLOWLINE_CRASH_KEEP=1) and prints, for every inbox
 * entry whose event mentions `text`, its status, its runs and their action steps:
 *
 *   node --conditions=@flowline/source --import tsx test/crash/inspect-store.ts /tmp/flowline-crash-XXXX/data/flowline.db usr_tess_ito_133_d0
 *
 * Stop `flowline serve` first (the test does).
 */
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';

const [path, text] = process.argv.slice(2);
if (path === undefined || text === undefined) {
  process.stderr.write('usage: node --conditions=@flowline/source --import tsx test/crash/inspect-store.ts <flowline.db> <text in the event>\n');
  process.exit(2);
}
const store = createSqliteStore({ path });
try {
  const entries = [...(await store.listInbox('pending')), ...(await store.listInbox('done')), ...(await store.listInbox('dead'))];
  for (const entry of entries.filter((candidate) => JSON.stringify(candidate.event).includes(text))) {
    process.stdout.write(`inbox ${entry.id} ${entry.status} received ${entry.receivedAt}\n`);
    for (const runId of entry.runIds) {
      const run = await store.getRun(runId);
      process.stdout.write(`  run ${runId} ${run?.workflowId ?? '?'} ${run?.status ?? 'missing'} started ${run?.startedAt ?? '-'} finished ${run?.finishedAt ?? '-'}\n`);
      for (const step of await store.listSteps(runId)) {
        if (step.kind !== 'action') continue;
        process.stdout.write(`    ${step.path} ${step.status}${step.reason ? ` (${step.reason})` : ''} attempts ${step.attempts} ${JSON.stringify(step.output)?.slice(0, 100) ?? ''}\n`);
      }
    }
  }
} finally {
  await store.close();
}
