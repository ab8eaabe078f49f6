import type { TokenPair } from './generated/index.js';

/** What the client keeps of a login: the pair the API issued and when the access token stops working. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
}

/**
 * Where tokens live between page loads: memory by default, `localStorage` in a browser, `wx.setStorageSync`
 * in a mini-program (implement these two methods over it).
 */
export interface TokenStore {
  load(): StoredTokens | null;
  save(tokens: StoredTokens | null): void;
}

export class MemoryTokenStore implements TokenStore {
  private tokens: StoredTokens | null = null;
  load(): StoredTokens | null {
    return this.tokens;
  }
  save(tokens: StoredTokens | null): void {
    this.tokens = tokens;
  }
}

/** A browser's `localStorage` under one key (an H5 page or a mini-program web view). */
export class LocalStorageTokenStore implements TokenStore {
  constructor(private readonly key = 'banhao.tokens') {}
  load(): StoredTokens | null {
    const raw = globalThis.localStorage?.getItem(this.key);
    return raw ? (JSON.parse(raw) as StoredTokens) : null;
  }
  save(tokens: StoredTokens | null): void {
    if (tokens) globalThis.localStorage?.setItem(this.key, JSON.stringify(tokens));
    else globalThis.localStorage?.removeItem(this.key);
  }
}

export function storedTokens(pair: Pick<TokenPair, 'accessToken' | 'refreshToken' | 'expiresIn'>, now = Date.now()): StoredTokens {
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken, accessExpiresAt: now + pair.expiresIn * 1000 };
}
