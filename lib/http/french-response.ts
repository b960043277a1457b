// The app's own error answers, for requests turned away before any page can render (the proxy): a small
// French page in the site's colours for people, the open data API's JSON error for /api.
// No "server-only" and no Node API: the proxy bundle imports it.

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function frenchJson(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = { error: { status, code, message, details: [] } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*", ...headers } });
}

export function frenchPage(
  status: number,
  page: { title: string; paragraphs: string[]; link: { href: string; label: string } },
  headers: Record<string, string> = {},
): Response {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} — Tripartite</title>
</head>
<body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5">
<header style="background:#fff;border-bottom:4px solid #000091;padding:1rem"><p style="max-width:42rem;margin:0 auto;font-size:1.25rem;font-weight:700;color:#000091">Tripartite</p></header>
<main id="contenu" style="max-width:42rem;margin:0 auto;padding:2rem 1rem">
<h1>${escape(page.title)}</h1>
${page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
<p><a href="${escape(page.link.href)}">${escape(page.link.label)}</a></p>
</main>
</body>
</html>`;
  return new Response(html, { status, headers: { "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8", ...headers } });
}
