// HTTP to the app under test, on loopback only, with a bound on every request and its timing.
import { ORIGIN } from "./app";

export const REQUEST_TIMEOUT_MS = 30_000;

export type Answer = {
  status: number; // 0: no answer (connection refused, reset, or timeout)
  ms: number;
  body: string;
  headers: Headers;
  sentAt: number;
  error?: string;
};

export async function request(pathOrUrl: string, init: RequestInit & { cookie?: string } = {}): Promise<Answer> {
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${ORIGIN}${pathOrUrl}`;
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`Hors boucle locale : ${url}`);
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  // As a browser does on a form post (Next checks it against Host for server actions).
  if (init.method === "POST" && !headers.has("origin")) headers.set("origin", ORIGIN);
  const sentAt = Date.now();
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    return { status: res.status, ms: performance.now() - started, body, headers: res.headers, sentAt };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, ms: performance.now() - started, body: "", headers: new Headers(), sentAt, error: cause ?? (error as Error).name };
  }
}

/** The session cookie a sign-in answer sets. */
export function sessionCookie(answer: Answer): string | null {
  const set = answer.headers.getSetCookie().find((c) => c.startsWith("tripartite_session="));
  return set ? set.split(";")[0] : null;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `work` on `concurrency` lanes until the list is done. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
