import "server-only";
import { can, type Territory, type Viewer } from "../server/authz";
import { db } from "../server/db";
import type { CommentView } from "./schemas";

/** Internal comments on a contract: for signed-in readers of its territory only, never public. */
export async function listContractComments(viewer: Viewer, territory: Territory, contractId: string): Promise<CommentView[]> {
  if (!can(viewer, "contract.read", territory)) return [];
  const rows = await db().comment.findMany({ where: { contractId }, include: { author: true }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((c) => ({ id: c.id, body: c.body, author: c.author.displayName, at: c.createdAt.toISOString() }));
}
