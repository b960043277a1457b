-- Rules the database enforces itself, whatever the code above it does.

-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Money is never negative, progress is a percentage, years are plausible.
ALTER TABLE "FundingLine" ADD CONSTRAINT "FundingLine_amount_nonnegative" CHECK ("amountCents" >= 0);
ALTER TABLE "FundingLine" ADD CONSTRAINT "FundingLine_year_range" CHECK ("year" BETWEEN 2015 AND 2100);
ALTER TABLE "ContractAmount" ADD CONSTRAINT "ContractAmount_amount_nonnegative" CHECK ("amountCents" >= 0);
ALTER TABLE "AmendmentAmount" ADD CONSTRAINT "AmendmentAmount_amount_nonnegative" CHECK ("amountCents" >= 0);
ALTER TABLE "Action" ADD CONSTRAINT "Action_progress_percentage" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Action" ADD CONSTRAINT "Action_dates_ordered" CHECK ("startDate" IS NULL OR "endDate" IS NULL OR "startDate" <= "endDate");
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_period_ordered" CHECK ("periodStart" <= "periodEnd");
ALTER TABLE "DepartmentContextFigure" ADD CONSTRAINT "DepartmentContextFigure_share_percentage"
  CHECK ("disabilitySharePercent" IS NULL OR "disabilitySharePercent" BETWEEN 0 AND 100);
ALTER TABLE "DepartmentContextFigure" ADD CONSTRAINT "DepartmentContextFigure_counts_nonnegative"
  CHECK (("childrenFollowedByAse" IS NULL OR "childrenFollowedByAse" >= 0)
     AND ("childProtectionBudgetCents" IS NULL OR "childProtectionBudgetCents" >= 0));
