"use client";

import { usePathname } from "next/navigation";
import { Suspense, lazy, useSyncExternalStore } from "react";
import { hasSignedInMarker } from "@/lib/auth/cookies";

// The header's place for who is signed in. The session cookie is HttpOnly: the page's script cannot see it,
// so sign-in also sets a readable marker without any secret (lib/auth/cookies.ts). Without it, the visitor is
// anonymous for sure and gets a plain « Se connecter » link: the user menu's code (and its request to
// /api/session) is loaded only when the marker is there. The pages read no cookie on the server, so that public
// pages are rendered once for everybody and served from cache.

const placeholder = <span className="inline-block min-w-24" aria-hidden="true" />;

// React's lazy rather than next/dynamic: nothing more to load for those who never need it (never rendered on
// the server, where the marker is unknown).
const UserMenu = lazy(() => import("./user-menu").then((m) => ({ default: m.UserMenu })));

const noSubscription = () => () => {};

export function HeaderUserMenu({ signOut }: { signOut: () => Promise<void> }) {
  // Read again on every navigation (a sign-in or sign-out redirects without reloading the layout). The
  // server renders the anonymous header (most visitors, and the only one that works without JavaScript: a
  // plain link to the sign-in page); a signed-in visitor's menu replaces it once the page has hydrated.
  usePathname();
  const signedIn = useSyncExternalStore(noSubscription, () => hasSignedInMarker(document.cookie), () => false);
  if (!signedIn) {
    return (
      <a href="/connexion" className="text-marianne underline-offset-4 hover:underline">
        Se connecter
      </a>
    );
  }
  return (
    <Suspense fallback={placeholder}>
      <UserMenu signOut={signOut} />
    </Suspense>
  );
}
