/** Every call of the test helpers is contract-checked; these names say so where a test leans on it. */
export { call as contractCall, contract } from './ghl-client.js';
