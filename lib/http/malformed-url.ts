// Addresses no link of the app produces: a broken percent-encoding ("/departements/%ZZ"), which Next.js
// answers with a bare 500, or a NUL character, which PostgreSQL refuses in text: a French 400 instead.
// And an address over 8,000 characters (the app's longest are a few hundred; nginx refuses more by
// default): a French 414 rather than a page rendered for it.
import { frenchJson, frenchPage, isApiPath } from "./french-response";

const MESSAGE = "Adresse invalide : elle contient un caractère codé de façon incorrecte (%…) ou interdit.";

function isMalformed(encoded: string): boolean {
  try {
    return decodeURIComponent(encoded.replaceAll("+", " ")).includes("\u0000");
  } catch {
    return true;
  }
}

/** Longest address (path and query string, encoded) the app answers. */
export const MAX_URL_LENGTH = 8_000;

const TOO_LONG = "Adresse trop longue : aucun lien du site ne mène ici.";

export function malformedUrlResponse(request: { nextUrl: { pathname: string; search: string } }): Response | null {
  const { pathname, search } = request.nextUrl;
  if (pathname.length + search.length > MAX_URL_LENGTH) {
    if (isApiPath(pathname)) return frenchJson(414, "uri_too_long", `${TOO_LONG} Réduisez les paramètres de la requête.`);
    return frenchPage(414, { title: "Adresse trop longue", paragraphs: [TOO_LONG, "Vérifiez le lien, ou repartez de la page d'accueil."], link: { href: "/", label: "Retour à l'accueil" } });
  }
  if (!isMalformed(pathname) && !search.slice(1).split("&").some(isMalformed)) return null;
  if (isApiPath(pathname)) return frenchJson(400, "bad_request", MESSAGE);
  return frenchPage(400, {
    title: "Adresse invalide",
    paragraphs: ["Elle contient un caractère codé de façon incorrecte (%…) ou interdit : aucun lien du site ne mène ici.", "Vérifiez le lien, ou repartez de la page d'accueil."],
    link: { href: "/", label: "Retour à l'accueil" },
  });
}
