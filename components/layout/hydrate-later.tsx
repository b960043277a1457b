import { Activity } from "react";

/**
 * The content of every page, hydrated after the header and footer. Its HTML is in the page, in place, from the
 * first byte (readable without JavaScript): only React's hydration of it waits. React hydrates an Activity
 * boundary's content at its lowest priority, in slices of a few milliseconds that leave the main thread free
 * between them, instead of inside the one long task that hydrates the page; a tap on something not hydrated yet
 * hydrates that part first and is replayed. On a phone, that long task was what Lighthouse counted as blocking
 * time (npm run bench, « Lighthouse »).
 *
 * Not a Suspense boundary: React streams a large completed Suspense boundary out of place (after the footer,
 * hidden until an inline script moves it), which a reader without JavaScript would never see, and a Suspense
 * boundary above a page would let the response start before the page decides its status (404, redirect).
 */
export function HydrateLater({ children }: { children: React.ReactNode }) {
  return <Activity mode="visible">{children}</Activity>;
}
