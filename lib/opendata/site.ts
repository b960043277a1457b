// Who runs this instance of Tripartite, for the legal pages. Adjust when deploying (README, « Données ouvertes »).
export const SITE = {
  name: "Tripartite",
  publisher: "Le service de l'État qui exploite cette instance de Tripartite (à préciser lors de la mise en service)",
  publicationDirector: "Le directeur ou la directrice de ce service",
  contactEmail: "contact@tripartite.example",
  host: "L'hébergeur de cette instance (raison sociale, adresse et téléphone à préciser lors de la mise en service)",
  /** Date of the accessibility statement and of the last review of these pages. */
  statementDate: "2026-11-23",
} as const;
