import {
  AppointmentAdminApi,
  AppointmentSlotsApi,
  AppointmentsApi,
  ApplicationsApi,
  AuthApi,
  BaseAPI,
  CatalogAdminApi,
  HomeAdminApi,
  CatalogApi,
  Configuration,
  EventsApi,
  HomeApi,
  LiveApi,
  MeApi,
  MessagesApi,
  ProgressLookupApi,
  StaffApplicationsApi,
  StaffAuthApi,
  SystemApi,
  DataUsageApi,
  DataUsageComplaintsApi,
  PostalApi,
  RatingAdminApi,
  RatingStatsApi,
  RatingsApi,
  RelyingPartyApi,
  RelyingPartyAdminApi,
  StaffCertificatesApi,
  StaffLiveApi,
  StaffPostalApi,
  StaffRatingsApi,
  WalletApi,
  WalletGrantsApi,
  WalletIssuersApi,
  WalletPresentationsApi,
  AgentConsoleApi,
  AgentVideoRoomsApi,
  VideoRoomsApi,
  ProxyAgentApi,
  ProxyConsentApi,
  type FetchAPI,
  type HTTPHeaders,
  type Middleware,
  type TokenPair,
} from './generated/index.js';
import { IDEMPOTENT_OPERATIONS } from './idempotent-operations.gen.js';
import { ApiProblem } from './problem.js';
import { MemoryTokenStore, storedTokens, type StoredTokens, type TokenStore } from './tokens.js';

export interface BanhaoClientOptions {
  /** Where the API is: `https://api.example.gov.cn`, or `''` for the page's own origin. */
  basePath: string;
  tokenStore?: TokenStore;
  /** `zh` (the default) or `en`: the language of problem titles and details. */
  language?: string;
  fetchApi?: FetchAPI;
  /** Refresh this long before the access token expires, so a request never starts with a dying token. */
  refreshLeewayMs?: number;
  /** Called once the session cannot be renewed (refresh token expired, revoked or reused): log in again. */
  onSessionEnded?: () => void;
}

const AUTH_FREE_PATHS = ['/api/v1/auth/refresh', '/api/v1/auth/otp', '/api/v1/auth/login', '/api/v1/auth/password-login'];

/**
 * The generated API classes behind one configuration, plus what the generator cannot do:
 * - tokens: the bearer token on every secured call; a refresh (rotating the refresh token) shortly before
 *   expiry or after a 401, with one refresh in flight for the whole client while the other calls wait for it;
 * - `Idempotency-Key`: a fresh UUID on every call of an operation the contract gives that header, unless the
 *   caller passed one; a network failure is retried once with the same key (and GETs once, being safe);
 * - errors: every error answer is thrown as an {@link ApiProblem}.
 */
export class BanhaoClient {
  readonly configuration: Configuration;
  readonly applications: ApplicationsApi;
  readonly auth: AuthApi;
  readonly catalog: CatalogApi;
  readonly catalogAdmin: CatalogAdminApi;
  readonly homeAdmin: HomeAdminApi;
  readonly events: EventsApi;
  readonly home: HomeApi;
  readonly live: LiveApi;
  readonly me: MeApi;
  readonly messages: MessagesApi;
  readonly progress: ProgressLookupApi;
  readonly staffApplications: StaffApplicationsApi;
  readonly staffAuth: StaffAuthApi;
  readonly system: SystemApi;
  readonly dataUsage: DataUsageApi;
  readonly dataUsageComplaints: DataUsageComplaintsApi;
  readonly postal: PostalApi;
  readonly appointments: AppointmentsApi;
  readonly appointmentSlots: AppointmentSlotsApi;
  readonly appointmentAdmin: AppointmentAdminApi;
  readonly agentConsole: AgentConsoleApi;
  readonly agentVideoRooms: AgentVideoRoomsApi;
  readonly videoRooms: VideoRoomsApi;
  readonly ratingAdmin: RatingAdminApi;
  readonly ratingStats: RatingStatsApi;
  readonly ratings: RatingsApi;
  readonly relyingParty: RelyingPartyApi;
  readonly relyingPartyAdmin: RelyingPartyAdminApi;
  readonly staffCertificates: StaffCertificatesApi;
  readonly staffLive: StaffLiveApi;
  readonly staffPostal: StaffPostalApi;
  readonly staffRatings: StaffRatingsApi;
  readonly wallet: WalletApi;
  readonly walletGrants: WalletGrantsApi;
  readonly walletIssuers: WalletIssuersApi;
  readonly walletPresentations: WalletPresentationsApi;
  /** 帮代办, the agent's side: consent requests and acting within a consent. */
  readonly proxyAgent: ProxyAgentApi;
  /** 帮代办, the resident's side: consents asked of me, confirming a submission an agent prepared. */
  readonly proxyConsent: ProxyConsentApi;

  private readonly store: TokenStore;
  private readonly rawFetch: FetchAPI;
  private readonly leewayMs: number;
  private readonly refreshApi: AuthApi;
  private refreshing: Promise<StoredTokens | null> | null = null;

  constructor(private readonly options: BanhaoClientOptions) {
    this.store = options.tokenStore ?? new MemoryTokenStore();
    this.rawFetch = options.fetchApi ?? ((input, init) => fetch(input, init));
    this.leewayMs = options.refreshLeewayMs ?? 30_000;
    const headers: HTTPHeaders = { 'Accept-Language': options.language ?? 'zh' };
    const problems = problemMiddleware();
    this.configuration = new Configuration({
      basePath: options.basePath,
      fetchApi: this.rawFetch,
      headers,
      accessToken: () => this.validAccessToken(),
      middleware: [this.retryMiddleware(), this.authMiddleware(), problems],
    });
    // Refreshing must not itself wait for a refresh or retry on 401: its own configuration, without tokens.
    this.refreshApi = new AuthApi(new Configuration({ basePath: options.basePath, fetchApi: this.rawFetch, headers, middleware: [problems] }));
    this.applications = this.api(ApplicationsApi);
    this.auth = this.api(AuthApi);
    this.catalog = this.api(CatalogApi);
    this.catalogAdmin = this.api(CatalogAdminApi);
    this.homeAdmin = this.api(HomeAdminApi);
    this.events = this.api(EventsApi);
    this.home = this.api(HomeApi);
    this.live = this.api(LiveApi);
    this.me = this.api(MeApi);
    this.messages = this.api(MessagesApi);
    this.progress = this.api(ProgressLookupApi);
    this.staffApplications = this.api(StaffApplicationsApi);
    this.staffAuth = this.api(StaffAuthApi);
    this.system = this.api(SystemApi);
    this.dataUsage = this.api(DataUsageApi);
    this.dataUsageComplaints = this.api(DataUsageComplaintsApi);
    this.postal = this.api(PostalApi);
    this.appointments = this.api(AppointmentsApi);
    this.appointmentSlots = this.api(AppointmentSlotsApi);
    this.appointmentAdmin = this.api(AppointmentAdminApi);
    this.agentConsole = this.api(AgentConsoleApi);
    this.agentVideoRooms = this.api(AgentVideoRoomsApi);
    this.videoRooms = this.api(VideoRoomsApi);
    this.ratingAdmin = this.api(RatingAdminApi);
    this.ratingStats = this.api(RatingStatsApi);
    this.ratings = this.api(RatingsApi);
    this.relyingParty = this.api(RelyingPartyApi);
    this.relyingPartyAdmin = this.api(RelyingPartyAdminApi);
    this.staffCertificates = this.api(StaffCertificatesApi);
    this.staffLive = this.api(StaffLiveApi);
    this.staffPostal = this.api(StaffPostalApi);
    this.staffRatings = this.api(StaffRatingsApi);
    this.wallet = this.api(WalletApi);
    this.walletGrants = this.api(WalletGrantsApi);
    this.walletIssuers = this.api(WalletIssuersApi);
    this.walletPresentations = this.api(WalletPresentationsApi);
    this.proxyAgent = this.api(ProxyAgentApi);
    this.proxyConsent = this.api(ProxyConsentApi);
  }

  /** Any generated API class on this client's configuration (also one a newer contract added). */
  api<T extends BaseAPI>(apiClass: new (configuration: Configuration) => T): T {
    return withIdempotencyKeys(new apiClass(this.configuration));
  }

  /** Keeps the tokens of a login (`loginWithOtp`, `loginWithPassword`, `loginWithMiniProgram`, `staffLogin`). */
  signIn(pair: Pick<TokenPair, 'accessToken' | 'refreshToken' | 'expiresIn'>): void {
    this.store.save(storedTokens(pair));
  }

  get signedIn(): boolean {
    return this.store.load() !== null;
  }

  /** Ends the session on the server (best effort) and forgets the tokens. */
  async signOut(): Promise<void> {
    try {
      if (this.signedIn) await this.auth.logout();
    } finally {
      this.store.save(null);
    }
  }

  /** The access token to send now, refreshed first when it is about to expire. */
  async validAccessToken(): Promise<string> {
    const tokens = this.store.load();
    if (!tokens) return '';
    if (tokens.accessExpiresAt - this.leewayMs > Date.now()) return tokens.accessToken;
    return (await this.refresh(tokens.accessToken))?.accessToken ?? '';
  }

  /**
   * Renews the session once for everyone: the call that finds the token `stale` starts the refresh, every
   * other caller awaits the same promise. Refresh tokens rotate (each works once), so two refreshes in
   * parallel would make the second one look like a stolen token and end the session.
   */
  refresh(stale: string): Promise<StoredTokens | null> {
    const current = this.store.load();
    if (!current) return Promise.resolve(null);
    if (current.accessToken !== stale) return Promise.resolve(current); // someone already renewed it
    if (!this.refreshing) {
      this.refreshing = this.refreshApi
        .refreshTokens({ refreshRequest: { refreshToken: current.refreshToken } })
        .then((pair) => {
          const renewed = storedTokens(pair);
          this.store.save(renewed);
          return renewed;
        })
        .catch((e: unknown) => {
          if (e instanceof ApiProblem && e.status < 500 && e.status !== 429) {
            this.store.save(null);
            this.options.onSessionEnded?.();
            return null;
          }
          throw e; // the network or the server: keep the session, the next call tries again
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  private authMiddleware(): Middleware {
    return {
      post: async ({ url, init, response }) => {
        const sent = bearerOf(init.headers);
        if (response.status !== 401 || !sent || AUTH_FREE_PATHS.some((p) => url.includes(p))) return undefined;
        const renewed = await this.refresh(sent);
        if (!renewed) return undefined;
        return this.rawFetch(url, { ...init, headers: { ...(init.headers as HTTPHeaders), Authorization: `Bearer ${renewed.accessToken}` } });
      },
    };
  }

  private retryMiddleware(): Middleware {
    return {
      onError: async ({ url, init }) => {
        const headers = (init.headers ?? {}) as HTTPHeaders;
        const safe = (init.method ?? 'GET') === 'GET' || 'Idempotency-Key' in headers;
        return safe ? this.rawFetch(url, init) : undefined;
      },
    };
  }
}

function problemMiddleware(): Middleware {
  return {
    post: async ({ response }) => {
      if (response.status >= 400) throw await ApiProblem.from(response);
      return undefined; // not the clone the middleware was handed: an unread copy of a stream would buffer
    },
  };
}

function bearerOf(headers: RequestInit['headers']): string | undefined {
  const value = (headers as HTTPHeaders | undefined)?.['Authorization'];
  return typeof value === 'string' && value.startsWith('Bearer ') ? value.slice(7) : undefined;
}

const idempotent = new Set(IDEMPOTENT_OPERATIONS.flatMap((op) => [op, `${op}Raw`]));

/** Gives every call of an operation that takes an `Idempotency-Key` one, unless the caller chose it. */
function withIdempotencyKeys<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !idempotent.has(property) || typeof value !== 'function') return value;
      return (request: Record<string, unknown> = {}, ...rest: unknown[]) =>
        value.call(target, { ...request, idempotencyKey: request.idempotencyKey ?? crypto.randomUUID() }, ...rest);
    },
  });
}
