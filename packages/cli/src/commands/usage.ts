import { RUNS_USAGE } from './runs.js';
import { SERVE_USAGE } from './serve.js';
import { TENANTS_USAGE } from './tenants.js';

export const MAIN_USAGE = `flowline: run JSON workflows from PushPress to GoHighLevel

  flowline validate <workflow.json>... [--json] [--config <file>]
  flowline run <workflow.json> --event <event.json> | --payload <payload.json> [--dry-run] [--json] [--config <file>]
  flowline catalog [<operation-id>] [--kind trigger|action] [--search <words>] [--json]
  flowline serve <workflow.json | dir>... [--config <file>] [--port 8787] [--host 127.0.0.1]
                 [--data-dir .data | --memory] [--durability power|process] [--concurrency N]
                 [--receiver-thread] [--max-age-seconds N] [--max-connections N] [--api-port N] [--ui]
  flowline runs list [--status S] [--workflow ID] [--limit N] [--dead | --parked] [--json] [--tenant <id>] [--data-dir .data]
  flowline runs show <run-id> [--json] [--tenant <id>] [--data-dir .data]
  flowline runs retry <run-id | dead-letter-id | parked:<id>> <workflow.json | dir>... [--config <file>] [--tenant <id>] [--data-dir .data]
  flowline runs discard <dead-letter-id | run-id> [--tenant <id>] [--data-dir .data]
  flowline tenants add <id> [--file tenant.json] [--data-dir .data]
  flowline tenants list [--json] [--data-dir .data]
  flowline tenants show <id> [--json] [--data-dir .data]
  flowline tenants remove <id> [--dead-letter] [--export <file>] [--keep-records] [--config <file>] [--data-dir .data]
  flowline demo [--seed N] [--customers N] [--window-ms N] [--json]
  flowline sandbox [--port 4010]
  flowline sandbox dump [--url http://127.0.0.1:4010]

  flowline <command> --help says more about one command.
`;

/** What `flowline <command> --help` prints. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  validate: `usage: flowline validate <workflow.json>... [--json] [--config flowline.config.json]

  Checks each workflow file and prints every problem with its JSON pointer; exit 1 if any is
  invalid. Connections are checked only when a configuration file names them.`,
  run: `usage: flowline run <workflow.json> --event <event.json> [--dry-run] [--json] [--config flowline.config.json]
       flowline run <workflow.json> --payload <payload.json> [--dry-run] [--json] [--config flowline.config.json]

  Runs one workflow against one event file (a PushPress webhook body, or { trigger, payload }),
  step by step; a flowline.manual workflow runs with --payload, a JSON file its trigger.input
  checks (each problem printed with its pointer). The workflow's trigger.filter applies: an event it filters out runs nothing, and
  says so. --dry-run calls nothing and prints the requests that would be sent.`,
  catalog: `usage: flowline catalog [<operation-id>] [--kind trigger|action] [--search <words>] [--json]

  Lists the triggers and actions workflows may use, or describes one.`,
  serve: SERVE_USAGE,
  runs: RUNS_USAGE,
  tenants: TENANTS_USAGE,
  demo: `usage: flowline demo [--seed N] [--customers N] [--window-ms N] [--json]

  Plays a scripted day at a gym through the example flows, against a GoHighLevel sandbox on
  this machine.`,
  sandbox: `usage: flowline sandbox [--port 4010]
       flowline sandbox dump [--url http://127.0.0.1:4010]

  Starts a local GoHighLevel-compatible server (a token, a location, OAuth, admin endpoints
  for state and faults) and, on the next port, a PushPress API stub: point a configuration's
  ghl.baseUrl and pushpress.baseUrl at them (examples/flowline.config.json does). dump prints
  a running sandbox's state.`,
};
