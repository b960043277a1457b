// Types of csp-hashes.mjs (plain JavaScript, loaded by Next at run time) for the TypeScript code and tests.
export declare function inlineScriptHashes(html: string): string[];
export declare function scriptHashPolicy(html: string): string;
export declare function withScriptHashPolicy<T>(data: T): T;
type CacheHandlerClass = new (...args: never[]) => { get(key: string, ctx: unknown): Promise<unknown>; set(key: string, data: unknown, ctx: unknown): Promise<void> };
export declare function withCspHashes<Base extends CacheHandlerClass>(Base: Base): Base;
