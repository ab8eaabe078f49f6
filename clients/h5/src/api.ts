import { BanhaoClient, followProgress, LocalStorageTokenStore, type ApplicationStateEvent, type LiveProgress } from '@banhao/sdk';

export const api = new BanhaoClient({
  basePath: import.meta.env.VITE_API_BASE ?? '',
  tokenStore: new LocalStorageTokenStore('banhao.h5.tokens'),
  onSessionEnded: () => {
    stopLive();
    location.hash = '#/login';
  },
});

type Listener = (event: ApplicationStateEvent) => void;
const listeners = new Set<Listener>();
let live: LiveProgress | null = null;

/** One live-progress stream for the whole app while signed in; pages listen to it. */
export function startLive(): void {
  if (live || !api.signedIn) return;
  live = followProgress(api, {
    onEvent: (event) => listeners.forEach((listener) => listener(event)),
    onOpen: () => document.body.dataset.live = 'open',
    onError: () => stopLive(),
  });
}

export function stopLive(): void {
  live?.close();
  live = null;
  delete document.body.dataset.live;
}

export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
