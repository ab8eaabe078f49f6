// 适老化 large-type mode: bigger type and touch targets, plain wording. The resident's choice is a profile
// preference in the API (preferences.largeText), so every device they log in on follows it; this device keeps
// a copy for the first paint and for browsing before logging in.
import type { Profile } from '@banhao/sdk';
import { api } from './api';

const KEY = 'banhao.largeType';
// Set while this device's choice is not yet on the account: made before logging in, or its save failed.
const UNSAVED = 'banhao.largeType.unsaved';

export function largeType(): boolean {
  return localStorage.getItem(KEY) === '1';
}

function remember(on: boolean): void {
  localStorage.setItem(KEY, on ? '1' : '0');
  applyLargeType();
}

/** Switches the mode here at once and saves it to the resident's profile when logged in. */
export async function setLargeType(on: boolean): Promise<void> {
  remember(on);
  localStorage.setItem(UNSAVED, '1');
  if (api.signedIn) await save(on);
}

let saving: Promise<unknown> | null = null;
let lastSaved: Profile | null = null; // the profile as the last save left it: newer than one read during the save

async function save(on: boolean): Promise<void> {
  const call = api.me.updateMe({ profileUpdate: { preferences: { largeText: on } } });
  saving = call;
  try {
    lastSaved = await call;
  } finally {
    if (saving === call) saving = null;
  }
  if (largeType() === on) localStorage.removeItem(UNSAVED); // not when switched back while this was on its way
}

/**
 * Brings this device and the account together after logging in, on start and on 我的: a choice made here
 * before logging in goes to the account; otherwise the account's choice applies here. True when the mode changed.
 */
export async function syncLargeType(profile?: Profile): Promise<boolean> {
  await saving?.catch(() => undefined);
  const before = largeType();
  if (localStorage.getItem(UNSAVED)) {
    await save(before).catch(() => undefined); // kept unsaved: tried again next time
    return false;
  }
  let me = profile ?? (await api.me.getMe());
  if (lastSaved && lastSaved.id === me.id && lastSaved.version > me.version) me = lastSaved;
  remember(me.preferences.largeText);
  return largeType() !== before;
}

export function applyLargeType(): void {
  document.documentElement.classList.toggle('large', largeType());
}

/** The usual wording, or the plain one in large-type mode. */
export function say(usual: string, plain: string): string {
  return largeType() ? plain : usual;
}
