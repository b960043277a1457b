"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { clearedSignedInMarker } from "@/lib/auth/cookies";

type Session = { loaded: boolean; displayName: string | null };

/**
 * Who is signed in, asked of /api/session from the browser (again on every navigation): the pages
 * themselves read no cookie, so public pages are rendered once for everybody and served from cache.
 * Loaded only when the sign-in marker is there (header-user-menu.tsx); a session found closed or expired
 * drops the marker, so that the next pages no longer load this menu.
 */
export function UserMenu({ signOut }: { signOut: () => Promise<void> }) {
  const pathname = usePathname();
  const [session, setSession] = useState<Session>({ loaded: false, displayName: null });

  useEffect(() => {
    let current = true;
    fetch("/api/session", { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<{ displayName: string | null }>) : { displayName: null, failed: true }))
      .then((s) => {
        // Signed out or expired (not a failed request): the marker goes too.
        if (!s.displayName && !("failed" in s)) document.cookie = clearedSignedInMarker(location.protocol === "https:");
        if (current) setSession({ loaded: true, displayName: s.displayName ?? null });
      })
      .catch(() => current && setSession({ loaded: true, displayName: null }));
    return () => {
      current = false;
    };
  }, [pathname]);

  // Nothing until known, rather than a "Se connecter" that turns into a name.
  if (!session.loaded) return <span className="inline-block min-w-24" aria-hidden="true" />;
  if (!session.displayName) {
    return (
      <Link href="/connexion" className="text-marianne underline-offset-4 hover:underline">
        Se connecter
      </Link>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      <Link href="/espace" className="text-marianne underline-offset-4 hover:underline">
        Mon espace
      </Link>
      <Link href="/espace/compte" className="text-slate-800 underline-offset-4 hover:underline">
        {session.displayName}
      </Link>
      <form
        action={async () => {
          setSession({ loaded: true, displayName: null });
          await signOut();
        }}
      >
        <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          Se déconnecter
        </button>
      </form>
    </span>
  );
}
