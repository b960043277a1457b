import { getViewer } from "@/lib/auth/web";
import { answerOutage } from "@/lib/health/outage";

// The header's user menu asks here who is signed in, so that the pages themselves read no cookie and
// can be rendered once for everybody.
export const dynamic = "force-dynamic";

async function get() {
  const viewer = await getViewer();
  return Response.json(
    { displayName: viewer.kind === "user" ? viewer.user.displayName : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const GET = answerOutage(get);
