import "server-only";
import { z } from "zod";
import { auditDenied, writeAudit } from "../server/audit";
import { can, type Viewer } from "../server/authz";
import { invalidateOnSuccess } from "../server/cache/cache";
import { workspaceScope } from "../server/cache/cache-tags";
import { db } from "../server/db";
import { forbidden, invalid, notFound, ok, type Result } from "../server/errors";
import { contractTerritory } from "../server/territory";
import { CommentSchema } from "./schemas";

/** A regional official's comment on a contract, with its audit row. */
export async function addContractComment(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const territory = await contractTerritory(db(), contractId);
  if (!territory) return notFound("Ce contrat");
  if (viewer.kind !== "user" || !can(viewer, "comment.create", territory)) {
    await auditDenied(viewer, "comment.create", territory, "Contract", contractId);
    return forbidden();
  }
  const parsed = CommentSchema.safeParse(input);
  if (!parsed.success) return invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
  return db().$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { contractId, authorId: viewer.user.id, body: parsed.data.body } });
    await writeAudit(tx, { viewer, permission: "comment.create", territory, entity: "Comment", entityId: comment.id, operation: "create", after: { contractId, body: parsed.data.body } });
    return ok({ id: comment.id });
  }).then(invalidateOnSuccess(workspaceScope(territory)));
}
