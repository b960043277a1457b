import "server-only";
import { z } from "zod";
import { TrustedProxyHops } from "../http/trusted-proxy";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL manque : lancez l'application avec `npm start`, qui démarre la base embarquée." })
    .url("DATABASE_URL doit être une URL postgresql://…"),
  // A read replica of DATABASE_URL, for the reads that opt in (lib/server/db.ts); empty: none.
  DATABASE_REPLICA_URL: z
    .union([z.literal(""), z.url("DATABASE_REPLICA_URL doit être une URL postgresql://…")])
    .optional()
    .transform((v) => v || undefined),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().optional(),
  // How many reverse proxies in front write the forwarded headers (lib/http/trusted-proxy.ts); 0: none.
  TRUSTED_PROXY_HOPS: TrustedProxyHops,
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}
