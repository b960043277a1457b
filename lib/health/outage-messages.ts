// The words of a database outage, shared by the 503 responses (lib/health/outage.ts) and the error page.
export const OUTAGE_TITLE = "Service momentanément indisponible";

export const OUTAGE_MESSAGE =
  "Service momentanément indisponible : la base de données ne répond pas. Vos données enregistrées sont conservées ; réessayez dans quelques instants.";
