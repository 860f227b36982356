// Fault switches for tests: what the next API calls should suffer instead of a normal answer.
import { envelopeReply, failure, Status } from './envelope';
import { htmlReply, jsonReply, type Reply } from './http-io';
import type { SandboxFaults } from './types';

export type ApiFault =
  | { kind: 'drop' }
  | { kind: 'fail'; status: 500 | 502 | 503 }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'malformed' };

const HTTP_REASONS = { 502: 'Bad Gateway', 503: 'Service Unavailable' } as const;

function noFaults(): SandboxFaults {
  return {
    latencyMs: 0,
    failNext: { count: 0, status: 500 },
    rateLimitNext: { count: 0, retryAfterSeconds: 1 },
    dropNext: 0,
    malformedNext: 0,
    tokenEndpointDown: false,
  };
}

export class FaultSwitches {
  private current = noFaults();

  set(faults: Partial<SandboxFaults>): void {
    this.current = { ...this.current, ...faults };
  }

  clear(): void {
    this.current = noFaults();
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  get tokenEndpointDown(): boolean {
    return this.current.tokenEndpointDown;
  }

  /** The next armed fault, counted down; when several are armed: drop, fail, rate limit, malformed. */
  takeApiFault(): ApiFault | undefined {
    const { dropNext, failNext, rateLimitNext, malformedNext } = this.current;
    if (dropNext > 0) {
      this.set({ dropNext: dropNext - 1 });
      return { kind: 'drop' };
    }
    if (failNext.count > 0) {
      this.set({ failNext: { ...failNext, count: failNext.count - 1 } });
      return { kind: 'fail', status: failNext.status };
    }
    if (rateLimitNext.count > 0) {
      this.set({ rateLimitNext: { ...rateLimitNext, count: rateLimitNext.count - 1 } });
      return { kind: 'rateLimit', retryAfterSeconds: rateLimitNext.retryAfterSeconds };
    }
    if (malformedNext > 0) {
      this.set({ malformedNext: malformedNext - 1 });
      return { kind: 'malformed' };
    }
    return undefined;
  }
}

/** The answer for a fail or rate-limit fault; 502/503 come as a proxy's HTML page. */
export function faultReply(fault: Extract<ApiFault, { kind: 'fail' | 'rateLimit' }>, token: string | null): Reply {
  if (fault.kind === 'rateLimit') {
    // Rate limiting happens in front of the application, so no envelope: a gateway-style error.
    const body = { error: 'too_many_requests', error_description: 'Too many requests; retry later' };
    return jsonReply(429, body, { 'retry-after': String(fault.retryAfterSeconds) });
  }
  if (fault.status === 500) return envelopeReply(failure(Status.getFailed, 'Internal server error', 500), token);
  return htmlReply(fault.status, HTTP_REASONS[fault.status]);
}

export function serviceUnavailablePage(): Reply {
  return htmlReply(503, HTTP_REASONS[503]);
}

/** The reply cut to its first half: a JSON object missing its end is never valid JSON. */
export function truncated(reply: Reply): Reply {
  return { ...reply, status: 200, body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) };
}
