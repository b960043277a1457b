// Paths of the open data API, for links on the pages. Safe for the client.
import { API_BASE } from "./schemas";

export function apiUrl(resource: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${API_BASE}/${resource}${search ? `?${search}` : ""}`;
}

/** The page listing every fiche action of a contract (a department's page shows the first ones). */
export function contractActionsPath(departmentCode: string, contractId: string): string {
  return `/departements/${departmentCode}/contrats/${contractId}/fiches-action`;
}
