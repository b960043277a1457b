"use client";

import { usePathname } from "next/navigation";

/** The site's header and footer, left out of the embeddable widget (/widget/…), which stands alone in an iframe. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  if (pathname?.startsWith("/widget/")) return null;
  return <>{children}</>;
}
