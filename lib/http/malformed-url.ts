// Addresses no link of the app produces: a broken percent-encoding ("/departements/%ZZ"), which Next.js
// answers with a bare 500, or a NUL character, which PostgreSQL refuses in text. A French 400 instead.
import { frenchJson, frenchPage, isApiPath } from "./french-response";

const MESSAGE = "Adresse invalide : elle contient un caractère codé de façon incorrecte (%…) ou interdit.";

function isMalformed(encoded: string): boolean {
  try {
    return decodeURIComponent(encoded.replaceAll("+", " ")).includes("\u0000");
  } catch {
    return true;
  }
}

export function malformedUrlResponse(request: { nextUrl: { pathname: string; search: string } }): Response | null {
  const { pathname, search } = request.nextUrl;
  if (!isMalformed(pathname) && !search.slice(1).split("&").some(isMalformed)) return null;
  if (isApiPath(pathname)) return frenchJson(400, "bad_request", MESSAGE);
  return frenchPage(400, {
    title: "Adresse invalide",
    paragraphs: ["Elle contient un caractère codé de façon incorrecte (%…) ou interdit : aucun lien du site ne mène ici.", "Vérifiez le lien, ou repartez de la page d'accueil."],
    link: { href: "/", label: "Retour à l'accueil" },
  });
}
