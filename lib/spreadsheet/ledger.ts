import "server-only";
// The register of applied files: one row per file applied to a department (its SHA-256, who, when,
// what it created), written in the same transaction as the import's rows. A file already in the
// register is refused before anything is written; two applies of the same file at the same moment
// are serialised by a transaction-scoped advisory lock on (department, fingerprint), and the unique
// constraint on that pair stays the last word.
import { db, type Prisma } from "../server/db";

type Tx = Prisma.TransactionClient;

export type AppliedFile = { appliedAt: Date; actorEmail: string };

const PARIS = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });

export function alreadyImportedMessage(previous: AppliedFile): string {
  const [day, time] = PARIS.format(previous.appliedAt).split(" ");
  return `Ce fichier a déjà été importé le ${day.replace(/,$/, "")} à ${time} par ${previous.actorEmail} : rien n'a été écrit.`;
}

/** The earlier application of this very file to this department, if any. */
export async function findAppliedFile(departmentCode: string, fileHash: string, client: Tx = db()): Promise<AppliedFile | null> {
  return client.spreadsheetImport.findUnique({ where: { departmentCode_fileHash: { departmentCode, fileHash } }, select: { appliedAt: true, actorEmail: true } });
}

/**
 * Inside the import's transaction, before any write: waits for a concurrent apply of the same file, then
 * says whether it was applied (the earlier application, which refuses this one) or not (null).
 */
export async function claimFile(tx: Tx, departmentCode: string, fileHash: string): Promise<AppliedFile | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`spreadsheet-import:${departmentCode}:${fileHash}`}, 0))`;
  return findAppliedFile(departmentCode, fileHash, tx);
}

export type CreatedRecords = { actions: { id: string; reference: string }[]; fundingLines: string[]; indicatorValues: string[] };

/** Inside the import's transaction, after the writes: the file's entry in the register. */
export async function recordFile(
  tx: Tx,
  entry: { departmentCode: string; contractId: string; fileHash: string; filename: string; actorId: string | null; actorEmail: string; created: CreatedRecords; updatedCount: number },
): Promise<void> {
  const { created } = entry;
  await tx.spreadsheetImport.create({
    data: {
      departmentCode: entry.departmentCode,
      contractId: entry.contractId,
      fileHash: entry.fileHash,
      filename: entry.filename.slice(0, 255),
      actorId: entry.actorId,
      actorEmail: entry.actorEmail,
      created: created as unknown as Prisma.InputJsonValue,
      createdCount: created.actions.length + created.fundingLines.length + created.indicatorValues.length,
      updatedCount: entry.updatedCount,
    },
  });
}
