// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; timeout?: number };
    type Result = { errors: number; timeouts: number; non2xx: number; throughput: { total: number } };
    type Instance = { on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): Instance; stop(): void };
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
