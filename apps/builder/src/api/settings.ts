/** What the page needs to talk to its host: the tenant, a tenant token, the API's base URL, and the workflow to open. */
export interface BuilderSettings {
  readonly tenant: string;
  readonly token: string;
  /** Base URL of the host's HTTP API, without `/api`; '' is this page's origin. */
  readonly api: string;
  readonly workflow?: string;
}

/** Settings from the page's URL (`?tenant=&token=&api=&workflow=`), if it names a tenant and a token. */
export function settingsFromUrl(search: string): BuilderSettings | undefined {
  const params = new URLSearchParams(search);
  const tenant = params.get('tenant');
  const token = params.get('token');
  if (!tenant || !token) return undefined;
  const workflow = params.get('workflow');
  return { tenant, token, api: (params.get('api') ?? '').replace(/\/+$/, ''), ...(workflow ? { workflow } : {}) };
}

/** Settings from a parent window's `postMessage({ type: 'flowline:init', tenant, token, api })`. */
export function settingsFromMessage(data: unknown): BuilderSettings | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type !== 'flowline:init' || typeof message.tenant !== 'string' || typeof message.token !== 'string') return undefined;
  return {
    tenant: message.tenant,
    token: message.token,
    api: typeof message.api === 'string' ? message.api.replace(/\/+$/, '') : '',
    ...(typeof message.workflow === 'string' ? { workflow: message.workflow } : {}),
  };
}
