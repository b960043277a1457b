import { config } from "zod";

// Runs in the browser before the app's own modules. zod 4 probes `new Function("")` when it builds a schema,
// to compile faster parsers; the pages' Content-Security-Policy forbids eval, and the browser reports the
// probe as a violation even though zod catches it. jitless skips the probe (the parsers are the same).
config({ jitless: true });
