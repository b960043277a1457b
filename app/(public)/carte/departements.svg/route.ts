import { mapSprite } from "@/components/map/sprite";

// The departments' outlines, one file the browser keeps: each map draws them with <use href="…#d-77">,
// so that a page carries only links and colours, not the 115 KB of outlines (twice, HTML and RSC payload).
export const dynamic = "force-static";

export function GET() {
  return new Response(mapSprite(), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
