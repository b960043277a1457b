import "server-only";
// The personal calendar feed: a secret token in the URL (only its SHA-256 is stored, so the link is
// shown once, when generated), one event per deadline of the user's scope.
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "../server/audit";
import type { Role, Viewer } from "../server/authz";
import { db } from "../server/db";
import { forbidden, ok, type Result } from "../server/errors";
import { runAccountWrite } from "../server/write";
import { listDeadlinesInScope } from "./deadlines";
import { buildCalendar } from "./ics";
import { DEADLINE_KIND_LABELS } from "./schemas";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token (the previous link stops working); returns the token to put in the URL. */
export function regenerateCalendarToken(viewer: Viewer): Promise<Result<{ token: string }, never>> {
  return runAccountWrite({
    viewer,
    signedOut: forbidden,
    prepare: async () => ({ ok: true, value: randomBytes(32).toString("base64url") }),
    write: async (tx, { user: { id } }, token) => {
      await tx.user.update({ where: { id }, data: { calendarToken: hashToken(token) } });
      await writeAudit(tx, { viewer, permission: null, territory: null, entity: "User", entityId: id, operation: "calendar-token", after: { regenerated: true } });
      return ok({ token });
    },
  });
}

export async function hasCalendarToken(viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== "user") return false;
  return (await db().user.count({ where: { id: viewer.user.id, calendarToken: { not: null } } })) === 1;
}

/** The ICS text for a token, or null for an unknown token or an inactive user. */
export async function calendarFeed(token: string, baseUrl = "", now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await db().user.findUnique({ where: { calendarToken: hashToken(token) }, include: { roles: true } });
  if (!user?.isActive) return null;
  // The feed reads as its owner, with the owner's current roles (no session: the token is the credential).
  const viewer: Viewer = {
    kind: "user",
    sessionId: "calendar",
    user: { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles.map((r) => ({ role: r.role as Role, departmentCode: r.departmentCode, regionCode: r.regionCode })) },
  };
  const deadlines = await listDeadlinesInScope(viewer, now);
  return buildCalendar(
    "Échéances Tripartite",
    deadlines.map((d) => ({
      // Stable whether or not the deadline has been stored, so that calendars update the event in place.
      uid: `${d.key}@tripartite`,
      date: d.dueOn,
      summary: `${d.departmentName} (${d.departmentCode}) — ${d.label}`,
      description: [DEADLINE_KIND_LABELS[d.kind], d.done ? (d.kind === "AMENDMENT" ? "signé" : "fait") : d.overdue ? "en retard" : null].filter(Boolean).join(" — "),
      url: baseUrl ? `${baseUrl}/espace/departements/${d.departmentCode}/rapports${d.kind === "REPORT_DUE" && d.year !== null ? `/${d.year}` : ""}` : undefined,
    })),
    now,
  );
}
