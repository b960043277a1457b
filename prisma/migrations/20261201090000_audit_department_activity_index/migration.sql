-- A department's recent activity is read newest id first (lib/history/queries.ts). Without this index
-- PostgreSQL walks the whole audit table backwards by id when the department is quiet: 6 s on the
-- benchmark's 1.6 million rows (npm run bench -- --scale 10), instant with it.
CREATE INDEX "AuditLog_scopeDepartmentCode_id_idx" ON "AuditLog"("scopeDepartmentCode", "id");
