import { describe, expect, it } from 'vitest';
import {
  ApiProblem,
  BanhaoClient,
  followProgress,
  IDEMPOTENT_OPERATIONS,
  MemoryTokenStore,
  type ApplicationStateEvent,
} from '../src/index.js';
import { BASE, countingFetch, newPhone, readyDraft, residentClient } from './helpers.js';

describe('login and typed problems', () => {
  it('logs in by SMS code and reads the profile', async () => {
    const { client, phone } = await residentClient();
    const me = await client.me.getMe();
    expect(me.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  });

  it('throws a wrong code as an ApiProblem with its stable code', async () => {
    const client = new BanhaoClient({ basePath: BASE });
    const phone = newPhone();
    await client.auth.sendOtp({ otpRequest: { phone } });
    const error = await client.auth.loginWithOtp({ otpLoginRequest: { phone, code: '000000' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.code).toMatch(/OTP|CODE/); // the contract's stable code for a wrong or expired SMS code
    expect(error.title).toMatch(/[\u4e00-\u9fff]/); // Chinese by default
  });

  it('names the offending field in errors[], in English when asked', async () => {
    const client = new BanhaoClient({ basePath: BASE, language: 'en' });
    const error = await client.auth.sendOtp({ otpRequest: { phone: '12' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((e: { field: string }) => e.field)).toContain('phone');
    expect(error.fieldMessage('phone')).toBeTruthy();
    expect(error.title).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers 401 without a token as an ApiProblem', async () => {
    const error = await new BanhaoClient({ basePath: BASE }).me.getMe().catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(401);
  });
});

describe('token refresh with rotation', () => {
  it('refreshes once for many calls made with an expiring token, and rotates the refresh token', async () => {
    const counter = countingFetch();
    const store = new MemoryTokenStore();
    const { client, pair } = await residentClient({ fetchApi: counter.fetchApi, tokenStore: store });
    store.save({ ...store.load()!, accessExpiresAt: Date.now() }); // about to expire

    const answers = await Promise.all(Array.from({ length: 6 }, () => client.me.getMe()));

    expect(answers).toHaveLength(6);
    expect(counter.count('/api/v1/auth/refresh')).toBe(1);
    expect(store.load()!.refreshToken).not.toBe(pair.refreshToken);
    // The old refresh token was used once: presented again it is refused, or (within the server's grace window
    // for a concurrent refresh) answered with the same successor the client holds: never a second session.
    const reuse = await new BanhaoClient({ basePath: BASE }).auth
      .refreshTokens({ refreshRequest: { refreshToken: pair.refreshToken } })
      .catch((e) => e);
    if (reuse instanceof ApiProblem) expect(reuse.status).toBe(401);
    else expect(reuse.refreshToken).toBe(store.load()!.refreshToken);
  });

  it('refreshes after a 401 and repeats the calls that got it, with one refresh', async () => {
    const counter = countingFetch();
    const store = new MemoryTokenStore();
    const { client } = await residentClient({ fetchApi: counter.fetchApi, tokenStore: store });
    const tokens = store.load()!;
    // A token the server no longer accepts although the client thinks it valid (e.g. after a key rotation).
    store.save({ ...tokens, accessToken: tokens.accessToken.slice(0, -4) + 'AAAA' });

    const answers = await Promise.all([client.me.getMe(), client.applications.listMyApplications(), client.messages.listMyMessages()]);

    expect(answers).toHaveLength(3);
    expect(counter.count('/api/v1/auth/refresh')).toBe(1);
    expect(store.load()!.accessToken).not.toBe(tokens.accessToken);
  });

  it('ends the session when the refresh token is refused', async () => {
    const store = new MemoryTokenStore();
    let ended = 0;
    const { client } = await residentClient({ tokenStore: store, onSessionEnded: () => (ended += 1) });
    store.save({ ...store.load()!, refreshToken: 'rt_not-a-real-one', accessExpiresAt: Date.now() });

    const error = await client.me.getMe().catch((e) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(401);
    expect(ended).toBe(1);
    expect(client.signedIn).toBe(false);
  });
});

describe('Idempotency-Key', () => {
  it('is derived from the contract', () => {
    expect(IDEMPOTENT_OPERATIONS).toEqual(expect.arrayContaining(['createApplication', 'submitApplication']));
    const client = new BanhaoClient({ basePath: BASE });
    for (const op of IDEMPOTENT_OPERATIONS) {
      const onSomeApi = Object.values(client).some((api) => api && typeof (api as Record<string, unknown>)[op] === 'function');
      expect(onSomeApi, op).toBe(true);
    }
  });

  it('is sent on every create, fresh per call, so two taps are two applications unless the caller reuses a key', async () => {
    const counter = countingFetch();
    const { client } = await residentClient({ fetchApi: counter.fetchApi });
    const create = () => client.applications.createApplication({ applicationCreate: { itemCode: 'HN-SCJ-GTGSHSL', formData: {} } });

    const first = await create();
    const second = await create();
    const keys = counter.calls
      .filter((c) => c.url.endsWith('/api/v1/applications') && c.init?.method === 'POST')
      .map((c) => (c.init!.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(first.applicationNo).not.toBe(second.applicationNo);

    const key = crypto.randomUUID();
    const once = await client.applications.createApplication({ applicationCreate: { itemCode: 'HN-SCJ-GTGSHSL', formData: {} }, idempotencyKey: key });
    const retried = await client.applications.createApplication({ applicationCreate: { itemCode: 'HN-SCJ-GTGSHSL', formData: {} }, idempotencyKey: key });
    expect(retried.applicationNo).toBe(once.applicationNo);
  });

  it('lets a create survive a lost answer: the retry with the same key creates nothing more', async () => {
    let dropped = false;
    const lossy = async (url: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(url, init);
      if (!dropped && String(url).endsWith('/api/v1/applications') && init?.method === 'POST') {
        dropped = true; // the server did the work, the phone lost the answer
        throw new TypeError('network connection lost');
      }
      return response;
    };
    const { client } = await residentClient({ fetchApi: lossy });
    const before = (await client.applications.listMyApplications()).items.length;

    await client.applications.createApplication({ applicationCreate: { itemCode: 'HN-SCJ-GTGSHSL', formData: {} } });

    expect(dropped).toBe(true);
    expect((await client.applications.listMyApplications()).items.length).toBe(before + 1);
  });
});

describe('live progress', () => {
  it('delivers the state change of a submission over server-sent events, with the bearer token', async () => {
    const { client } = await residentClient();
    const draft = await readyDraft(client);
    const events: ApplicationStateEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const live = followProgress(client, { onEvent: (e) => events.push(e), onOpen: () => opened() });
    try {
      await open;
      await client.applications.submitApplication({ applicationNo: draft.applicationNo, applicationSubmit: { commitment: { accepted: true } } });
      await expect.poll(() => events.map((e) => `${e.applicationNo}:${e.fromState}->${e.toState}`), { timeout: 10_000 })
        .toContain(`${draft.applicationNo}:DRAFT->SUBMITTED`);
      expect(events[0].at).toBeInstanceOf(Date);
    } finally {
      live.close();
    }
  });

  it('stops with an ApiProblem when not signed in', async () => {
    const error = await new Promise((resolve) => followProgress(new BanhaoClient({ basePath: BASE }), { onEvent: () => {}, onError: resolve }));
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(401);
  });
});
