import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/api-client.js';

/** The run and step events the host streams (see the API's /events). */
const EVENTS = ['run.queued', 'run.started', 'run.succeeded', 'run.failed', 'run.cancelled', 'step.started', 'step.retrying', 'step.succeeded', 'step.failed', 'step.skipped', 'gap'];

/** Calls `onChange` (at most every 300 ms) when the tenant's runs change, over Server-Sent Events; EventSource reconnects by itself. */
export function useRunEvents(api: ApiClient, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const source = api.events();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        latest.current();
      }, 300);
    };
    for (const name of EVENTS) source.addEventListener(name, changed);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      source.close();
    };
  }, [api]);
}
