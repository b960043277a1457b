"use client";

import { useEffect, useState } from "react";
import { OUTAGE_DETAIL, OUTAGE_TITLE, OUTAGE_WRITES } from "@/lib/health/outage-messages";

type Cause = "checking" | "outage" | "other";

/**
 * In production the browser never sees why the server failed (only a digest), so the page asks the
 * health check: a database outage gets its own words rather than a generic error.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [cause, setCause] = useState<Cause>("checking");

  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => current && setCause(r.status === 503 ? "outage" : "other"))
      .catch(() => current && setCause("other"));
    return () => {
      current = false;
    };
  }, []);

  const outage = cause === "outage";
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="text-3xl font-bold">{outage ? OUTAGE_TITLE : "Une erreur est survenue"}</h1>
      <p className="mt-4">
        {outage ? OUTAGE_DETAIL : "La page n'a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, contactez l'administrateur."}
      </p>
      {outage && <p className="mt-2">{OUTAGE_WRITES}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-marianne px-4 py-2 text-white hover:bg-blue-900">
        Réessayer
      </button>
    </div>
  );
}
