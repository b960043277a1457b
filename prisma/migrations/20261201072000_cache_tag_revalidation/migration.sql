-- Cache tags revalidated by any instance (lib/server/cache/handler/).
CREATE TABLE "CacheTagRevalidation" (
    "tag" TEXT NOT NULL,
    "version" BIGSERIAL NOT NULL,
    "revalidatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireSeconds" INTEGER,

    CONSTRAINT "CacheTagRevalidation_pkey" PRIMARY KEY ("tag")
);

CREATE INDEX "CacheTagRevalidation_version_idx" ON "CacheTagRevalidation"("version");

-- Records a revalidation of `tags`, each with a new version, and returns them. The transaction-scoped
-- lock makes revalidations commit in version order, so an instance that has read every version up to
-- n has missed none below n: it only ever asks for the versions above the last one it saw.
-- Times are stored in UTC, like Prisma's.
CREATE FUNCTION cache_tags_revalidate(tags TEXT[], expire_seconds INTEGER)
RETURNS TABLE ("tag" TEXT, "version" BIGINT)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('CacheTagRevalidation'));
  RETURN QUERY
    INSERT INTO "CacheTagRevalidation" AS r ("tag", "version", "revalidatedAt", "expireSeconds")
      SELECT d.t, nextval('"CacheTagRevalidation_version_seq"'), now() AT TIME ZONE 'UTC', expire_seconds
      FROM (SELECT DISTINCT unnest(tags) AS t) AS d
    ON CONFLICT ON CONSTRAINT "CacheTagRevalidation_pkey" DO UPDATE
      SET "version" = EXCLUDED."version", "revalidatedAt" = EXCLUDED."revalidatedAt", "expireSeconds" = EXCLUDED."expireSeconds"
    RETURNING r."tag", r."version";
END
$$;
