import { io } from 'socket.io-client';
import type { LiveAction, LiveConfig } from '../src/live/live-config';
import { LIVE_HEADER } from '../src/live/live-config';
import { announce, mergeParts, placeItem } from './live-parts';
import { enhanceConditions } from './conditions';
import { enhanceRunningTotals } from './running-total';
import { enhanceShortcuts } from './shortcuts';

interface RoomMessage {
  room: string;
  seq: number;
  data: Record<string, unknown>;
}

const config = readConfig();
if (config) start(config);
enhanceForms();
enhancePreviews();
enhanceRunningTotals();
enhanceConditions();
enhanceShortcuts();

function readConfig(): LiveConfig | null {
  const script = document.getElementById('polity-live');
  return script?.textContent ? (JSON.parse(script.textContent) as LiveConfig) : null;
}

/** Fetches an address of this site as the live client does, for its HTML. */
async function fetchHtml(url: string, init: RequestInit = {}): Promise<Document | null> {
  const response = await fetch(url, { ...init, credentials: 'same-origin', headers: { [LIVE_HEADER]: '1' } });
  if (!response.ok && response.status !== 422) return null;
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

function start({ rooms, on }: LiveConfig): void {
  // WebSocket only: several api instances then need no sticky sessions.
  const socket = io({ transports: ['websocket'] });
  const seqs = new Map<string, number>(Object.entries(rooms));
  let refreshTimer: number | undefined;

  // Many pages refetching at the same instant (after a restart, say) would all land on one server at once.
  const refresh = (): void => {
    if (refreshTimer !== undefined) return;
    refreshTimer = window.setTimeout(
      () => {
        refreshTimer = undefined;
        void fetchHtml(location.href).then((next) => next && mergeParts(next));
      },
      200 + Math.random() * 800,
    );
  };

  // `data-live` on the root element says where the page stands (for style sheets and tests alike).
  const state = (value: string) => (document.documentElement.dataset.live = value);
  socket.on('disconnect', () => state('disconnected'));
  // A refusal in the handshake is not retried by Socket.IO itself; an unavailable server is worth a retry.
  socket.on('connect_error', (error: Error) => {
    if (error.message === 'service_unavailable') window.setTimeout(() => socket.connect(), 3000 + Math.random() * 3000);
  });
  const subscribe = async (room: string): Promise<void> => {
    const ack = (await socket.emitWithAck('subscribe', { room })) as { ok: boolean; seq?: number; error?: { status: number } };
    // The server could not reach PostgreSQL or Redis: ask again shortly, while still connected.
    if (!ack.ok && ack.error?.status === 503) {
      window.setTimeout(() => socket.connected && void subscribe(room), 3000 + Math.random() * 3000);
      return;
    }
    if (!ack.ok || ack.seq === undefined || ack.seq === seqs.get(room)) return;
    // Messages were sent since the page was made or while it was not connected (or Redis lost the
    // room's count and it started again, from a larger number): catch up from the page itself, and go on from here.
    seqs.set(room, ack.seq);
    refresh();
  };
  socket.on('connect', () => void Promise.all(Object.keys(rooms).map(subscribe)).then(() => state('ready')));

  socket.onAny((event: string, message: RoomMessage) => {
    if (typeof message !== 'object' || message === null || !seqs.has(message.room)) return;
    const known = seqs.get(message.room) ?? 0;
    if (message.seq <= known) return;
    seqs.set(message.room, message.seq);
    if (message.seq > known + 1) return refresh();
    const action = on[event];
    if (action) act(action, message.data, refresh);
  });
}

function act(action: LiveAction, data: Record<string, unknown>, refresh: () => void): void {
  if ('count' in action) {
    const value = data[action.field];
    if (typeof value === 'number') showCount(action.count, value);
  } else if ('fragment' in action) {
    const url = action.fragment.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(data[name])));
    void fetchHtml(url).then((fragment) => {
      const item = fragment?.querySelector<HTMLElement>('[data-live-key]');
      if (item) placeItem(document.importNode(item, true));
    });
  } else refresh();
}

function showCount(id: string, count: number): void {
  const element = document.getElementById(id);
  const forms = element?.dataset.forms ? (JSON.parse(element.dataset.forms) as Record<string, string>) : null;
  if (!element || !forms) return;
  const lang = document.documentElement.lang;
  const form = (count === 0 ? forms.zero : undefined) ?? forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
  const text = form.replace('#', new Intl.NumberFormat(lang).format(count));
  if (element.textContent === text) return;
  element.textContent = text;
  announce(element.dataset.announce ?? text);
}

/** Forms marked `data-live-submit` are sent without leaving the page; the answer's live parts replace the page's. */
function enhanceForms(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-live-submit')) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form, event.submitter) as unknown as Record<string, string>);
    void fetchHtml(form.action, { method: 'POST', body }).then((next) => {
      if (next) mergeParts(next);
      else form.submit();
    });
  });
}

/** Textareas marked `data-preview` show their Markdown as it will be published, a moment after the person stops typing. */
function enhancePreviews(): void {
  for (const field of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-preview]')) {
    const region = document.getElementById(field.dataset.preview ?? '');
    const body = region?.querySelector<HTMLElement>('.polity-body');
    const token = field.form?.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value;
    if (!region || !body || !token) continue;
    let timer: number | undefined;
    let asked = 0;
    const render = async (): Promise<void> => {
      const mine = ++asked;
      const response = await fetch('/preview', {
        method: 'POST',
        credentials: 'same-origin',
        body: new URLSearchParams({ _csrf: token, text: field.value }),
      });
      // Only the answer to the latest text is shown.
      if (!response.ok || mine !== asked) return;
      body.innerHTML = await response.text();
      region.hidden = field.value.trim() === '';
      // A preview the server made of an earlier text (the form's Preview button) is now out of date.
      document.querySelector(`[data-preview-of="${CSS.escape(field.id)}"]`)?.remove();
    };
    field.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void render(), 400);
    });
  }
}
