import { ProblemFromJSON, type FieldError, type Problem } from './generated/index.js';

/**
 * An error answer of the API as a typed error: every 4xx/5xx is an RFC 9457 problem document with a stable
 * `code` and, for bad input, `errors[]` naming each field. The generator only offers an untyped
 * `ResponseError`; this is what callers branch on (`e instanceof ApiProblem && e.code === 'OTP_INVALID'`).
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly requestId?: string;
  /** Seconds the server asked to wait (`Retry-After`), for 429 and 503. */
  readonly retryAfter?: number;

  constructor(readonly problem: Problem, readonly response?: Response) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
    const retryAfter = Number(response?.headers.get('Retry-After'));
    this.retryAfter = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  }

  /** The message for one field (`errors[].field`), to show next to that input. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** Reads an error response; a body that is not a problem document (a proxy's HTML page) still gives one. */
  static async from(response: Response): Promise<ApiProblem> {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      try {
        const body = await response.clone().json();
        if (body && typeof body.code === 'string') {
          return new ApiProblem(ProblemFromJSON(body), response);
        }
      } catch {
        // not JSON after all: described below
      }
    }
    return new ApiProblem(
      { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, code: `HTTP_${response.status}` },
      response,
    );
  }
}
