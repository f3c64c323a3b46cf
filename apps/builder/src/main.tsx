import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.js';
import { settingsFromMessage, settingsFromUrl, type BuilderSettings } from './api/settings.js';

/** Settings from the URL, or else from a parent window's `flowline:init` message. */
function Root() {
  const [settings, setSettings] = useState<BuilderSettings | undefined>(() => settingsFromUrl(window.location.search));
  useEffect(() => {
    const listen = (event: MessageEvent) => {
      const received = settingsFromMessage(event.data);
      if (received && (event.source === window.parent || event.origin === window.location.origin)) setSettings(received);
    };
    window.addEventListener('message', listen);
    if (window.parent !== window) window.parent.postMessage({ type: 'flowline:ready' }, '*');
    return () => window.removeEventListener('message', listen);
  }, []);
  if (!settings) {
    return (
      <main className="setup">
        <h1>Flowline builder</h1>
        <p>Open this page with <code>?tenant=&lt;id&gt;&amp;token=&lt;tenant token&gt;</code>, or embed it and send it a <code>flowline:init</code> message.</p>
      </main>
    );
  }
  return <App key={`${settings.api}|${settings.tenant}|${settings.token}`} settings={settings} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Root /></StrictMode>);
