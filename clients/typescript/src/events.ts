import { createParser } from 'eventsource-parser';
import { ApplicationStateEventFromJSON, type ApplicationStateEvent } from './generated/index.js';
import type { BanhaoClient } from './client.js';
import { ApiProblem } from './problem.js';

export interface LiveProgressHandlers {
  /** One state change of one of my applications. */
  onEvent: (event: ApplicationStateEvent) => void;
  /** The stream is live (the server's `:connected`); called again after each reconnection. */
  onOpen?: () => void;
  /** The stream stopped for good: not signed in any more, or not allowed. */
  onError?: (error: unknown) => void;
}

export interface LiveProgress {
  close(): void;
}

/**
 * Follows `GET /api/v1/me/events` (server-sent events) with the bearer token: `EventSource` cannot send an
 * `Authorization` header, so this reads the stream with `fetch` (through the generated operation, hence with
 * the token refresh of {@link BanhaoClient}) and parses it with `eventsource-parser`. A dropped stream is
 * reopened after 1, 2, 4 … up to 30 seconds. Live progress is best effort: reload the timeline or the inbox
 * after a reconnection for what happened in between.
 */
export function followProgress(client: BanhaoClient, handlers: LiveProgressHandlers): LiveProgress {
  const abort = new AbortController();
  let delayMs = 1000;

  const connectOnce = async () => {
    const answer = await client.events.streamMyEventsRaw({ signal: abort.signal });
    const body = answer.raw.body;
    if (!body) throw new Error('The event stream has no body');
    const parser = createParser({
      onEvent: (message) => {
        if (message.event === 'application-state') handlers.onEvent(ApplicationStateEventFromJSON(JSON.parse(message.data)));
      },
      onComment: (comment) => {
        if (comment.trim() === 'connected') {
          delayMs = 1000;
          handlers.onOpen?.();
        }
      },
    });
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  };

  void (async () => {
    while (!abort.signal.aborted) {
      try {
        await connectOnce();
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof ApiProblem && e.status >= 400 && e.status < 500 && e.status !== 429) {
          handlers.onError?.(e);
          return;
        }
      }
      if (abort.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 30_000);
    }
  })();

  return { close: () => abort.abort() };
}
