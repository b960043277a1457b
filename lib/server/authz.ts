import "server-only";
import type { Prisma } from "./generated/prisma/client";

// Who is reading. Sign-in and roles arrive with the department workspace; until then every page reads
// as the public, and the data layer already builds its `where` from the viewer.
export type Viewer = { kind: "public" };

export const PUBLIC_VIEWER: Viewer = { kind: "public" };

/** Contracts a viewer may read: the public never sees a contract in preparation. */
export function contractScopeWhere(viewer: Viewer): Prisma.ContractWhereInput {
  switch (viewer.kind) {
    case "public":
      return { status: { not: "DRAFT" } };
  }
}
