/**
 * `<flowline-builder tenant="…" token="…" api="…" workflow="…">`: the builder in an iframe of the
 * index.html beside this file; the token goes by postMessage, not in the frame's URL.
 */
class FlowlineBuilder extends HTMLElement {
  static readonly observedAttributes = ['tenant', 'token', 'api', 'workflow'];
  #frame: HTMLIFrameElement | undefined;
  #ready = false;
  readonly #listen = (event: MessageEvent) => {
    if (event.source !== this.#frame?.contentWindow || (event.data as { type?: unknown } | null)?.type !== 'flowline:ready') return;
    this.#ready = true;
    this.#send();
  };

  connectedCallback(): void {
    if (this.#frame) return;
    const frame = document.createElement('iframe');
    frame.title = 'Flowline builder';
    frame.className = 'flowline-builder-frame';
    frame.setAttribute('width', '100%');
    frame.setAttribute('height', '100%');
    const page = new URL(/* @vite-ignore */ 'index.html', import.meta.url);
    const workflow = this.getAttribute('workflow');
    if (workflow) page.searchParams.set('workflow', workflow);
    frame.src = page.toString();
    this.#frame = frame;
    window.addEventListener('message', this.#listen);
    this.append(frame);
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#listen);
    this.#frame?.remove();
    this.#frame = undefined;
    this.#ready = false;
  }

  attributeChangedCallback(): void {
    if (this.#ready) this.#send();
  }

  #send(): void {
    const frame = this.#frame?.contentWindow;
    if (!frame) return;
    const api = this.getAttribute('api') ?? new URL(/* @vite-ignore */ '.', import.meta.url).origin;
    frame.postMessage(
      { type: 'flowline:init', tenant: this.getAttribute('tenant') ?? '', token: this.getAttribute('token') ?? '', api, ...(this.getAttribute('workflow') ? { workflow: this.getAttribute('workflow') } : {}) },
      new URL(import.meta.url).origin,
    );
  }
}

if (!customElements.get('flowline-builder')) customElements.define('flowline-builder', FlowlineBuilder);
