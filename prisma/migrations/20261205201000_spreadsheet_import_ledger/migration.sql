-- Every spreadsheet file applied to a department, recorded in the transaction that writes it: the
-- unique (department, SHA-256) pair refuses the same file a second time, even when two applies race.
CREATE TABLE "SpreadsheetImport" (
    "id" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "created" JSONB NOT NULL,
    "createdCount" INTEGER NOT NULL,
    "updatedCount" INTEGER NOT NULL,

    CONSTRAINT "SpreadsheetImport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SpreadsheetImport_departmentCode_fileHash_key" ON "SpreadsheetImport"("departmentCode", "fileHash");

-- Append-only, like the audit log: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION spreadsheet_import_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le registre des imports est en ajout seul : % refusé.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "SpreadsheetImport_append_only"
  BEFORE UPDATE OR DELETE ON "SpreadsheetImport"
  FOR EACH ROW EXECUTE FUNCTION spreadsheet_import_refuse_change();

CREATE TRIGGER "SpreadsheetImport_no_truncate"
  BEFORE TRUNCATE ON "SpreadsheetImport"
  FOR EACH STATEMENT EXECUTE FUNCTION spreadsheet_import_refuse_change();
