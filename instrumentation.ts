// Runs once when the server starts (Next.js instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installOutageStatus } = await import("./lib/server/availability/outage-status");
  installOutageStatus();
}
