export { main } from "./main.js";
export { startHost, type HostOptions, type RunningHost } from './host/start-host.js';
export { startDemoStack, demoHostConfig, type DemoStack, type DemoStackOptions } from './demo/demo-stack.js';
export { EXAMPLES_DIR, EXAMPLES_CONFIG_FILE, FLOW_NAMES, loadFlowWorkflows, type FlowName } from './demo/example-flows.js';
