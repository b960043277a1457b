-- Provenance: a sourced value keeps, next to its URL, the passage of the source that states it and the day
-- the source was read, so that a reader can check the figure without fetching the page.
ALTER TABLE "Framework" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Commitment" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Objective" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Indicator" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Contract" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "ContractAmount" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Amendment" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "AmendmentAmount" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "Action" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
ALTER TABLE "DepartmentContextFigure" ADD COLUMN "sourceQuote" TEXT, ADD COLUMN "sourceCheckedOn" DATE;
