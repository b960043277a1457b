import "server-only";
import { writeAudit } from "../server/audit";
import type { Viewer } from "../server/authz";
import { workspaceScope } from "../server/cache/cache-tags";
import { ok, type Result } from "../server/errors";
import { parseFields, locateContract, runWrite } from "../server/write";
import { CommentSchema } from "./schemas";

/** A regional official's comment on a contract, with its audit row. */
export function addContractComment(viewer: Viewer, contractId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  return runWrite({
    viewer,
    permission: "comment.create",
    entity: "Contract",
    entityId: contractId,
    what: "Ce contrat",
    // Who may read the contract but not comment on it is told so.
    refusal: "forbid",
    locate: () => locateContract(contractId),
    prepare: async () => parseFields(CommentSchema, input),
    write: async (tx, { territory }, { body }, author) => {
      const comment = await tx.comment.create({ data: { contractId, authorId: author.id, body } });
      await writeAudit(tx, { viewer, permission: "comment.create", territory, entity: "Comment", entityId: comment.id, operation: "create", after: { contractId, body } });
      return ok({ id: comment.id });
    },
    scope: workspaceScope,
  });
}
