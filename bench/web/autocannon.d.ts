/** The slice of autocannon's programmatic API the web benchmark uses (it ships no types). */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    interface Histogram {
      average: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      max: number;
    }
    interface Result {
      latency: Histogram & Record<string, number>;
      requests: { total: number; average: number };
      errors: number;
      non2xx: number;
      timeouts: number;
      duration: number;
    }
    interface Request {
      path?: string;
      /** Called before each request with the defaults; returns the request to send. */
      setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
    }
    interface Options {
      url: string;
      connections?: number;
      amount?: number;
      duration?: number;
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    }
    /** Emits "response" (client, statusCode, resBytes, responseTime in ms) for every response. */
    interface Instance extends EventEmitter {
      on(event: "reqError", listener: (error: Error & { code?: string }) => void): this;
      on(
        event: "response",
        listener: (client: unknown, statusCode: number, resBytes: number, ms: number) => void,
      ): this;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;
  export default autocannon;
}
