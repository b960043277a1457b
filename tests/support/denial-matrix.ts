// The four people who may read a department's data but not write it, as one table: every write of the
// workspace is refused to each of them with a denied audit row, and changes nothing. The "other department"
// is one the factories pick untouched (no demo data, no other test's user), outside the target's region.
import { it } from "vitest";
import type { Role, Territory } from "../../lib/server/authz";
import { untouchedDepartment } from "../factories/departments";
import { signedInViewer } from "../factories/users";

type SignedIn = Awaited<ReturnType<typeof signedInViewer>>;

/** What the refusal says: another department's data is hidden (not found); the department's own readers and overseers are forbidden. */
export type Refusal = "not_found" | "forbidden";

export type DeniedCase = { label: string; role: Role; refusal: Refusal; viewer: (target: Territory) => Promise<SignedIn> };

export const DENIED_CASES: readonly DeniedCase[] = [
  {
    label: "an editor of another department",
    role: "DEPARTMENT_EDITOR",
    refusal: "not_found",
    viewer: async (target) => signedInViewer("DEPARTMENT_EDITOR", { departmentCode: (await untouchedDepartment({ outsideRegion: target.regionCode })).code }),
  },
  { label: "a reader of the department", role: "DEPARTMENT_READER", refusal: "forbidden", viewer: (target) => signedInViewer("DEPARTMENT_READER", { departmentCode: target.departmentCode }) },
  { label: "the regional official of the region", role: "REGIONAL_OFFICIAL", refusal: "forbidden", viewer: (target) => signedInViewer("REGIONAL_OFFICIAL", { regionCode: target.regionCode }) },
  { label: "a national official", role: "NATIONAL_OFFICIAL", refusal: "forbidden", viewer: () => signedInViewer("NATIONAL_OFFICIAL") },
];

/** One test per denied person: `it("denies <who><title>")`, given that person signed in and the refusal expected. */
export function itDeniesEachNonEditor(target: Territory, title: string, check: (denied: { viewer: SignedIn; refusal: Refusal; role: Role }) => Promise<void>) {
  for (const denied of DENIED_CASES) {
    it(`denies ${denied.label}${title}`, async () => check({ viewer: await denied.viewer(target), refusal: denied.refusal, role: denied.role }));
  }
}
