// The words of a database outage, shared by the 503 responses (lib/health/outage.ts) and the error page.
export const OUTAGE_TITLE = "Service momentanément indisponible";

/** Under the title, on the pages. */
export const OUTAGE_DETAIL = "La base de données ne répond pas pour le moment. Vos données enregistrées sont conservées ; réessayez dans quelques instants.";

/** What was being saved. */
export const OUTAGE_WRITES =
  "Si vous étiez en train d'enregistrer une modification, elle n'a pas été prise en compte (rien n'est enregistré à moitié) : renvoyez-la une fois le service rétabli.";

/** On its own (the API's JSON error, the health check). */
export const OUTAGE_MESSAGE = `${OUTAGE_TITLE} : la base de données ne répond pas pour le moment. Vos données enregistrées sont conservées ; réessayez dans quelques instants.`;

/** A load peak: every database connection was busy for too long (the API's JSON error, and the page). */
export const BUSY_MESSAGE = "Service très sollicité : la page n'a pas pu être préparée à temps. Réessayez dans quelques secondes.";
