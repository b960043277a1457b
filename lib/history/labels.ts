// How the history speaks: operation and field names in French.
export const OPERATION_LABELS: Record<string, string> = {
  create: "Création",
  update: "Modification",
  archive: "Archivage",
  delete: "Suppression",
  denied: "Tentative refusée",
  password_change: "Changement de mot de passe",
  deactivate: "Désactivation",
  role_assign: "Attribution de rôle",
};

export const ENTITY_LABELS: Record<string, string> = {
  Action: "Fiche action",
  FundingLine: "Ligne de financement",
  IndicatorValue: "Valeur d'indicateur",
  DepartmentContextFigure: "Chiffre de contexte",
  Contract: "Contrat",
  Amendment: "Avenant",
  User: "Compte",
  Comment: "Commentaire",
};

export const FIELD_LABELS: Record<string, string> = {
  title: "Intitulé",
  objectiveId: "Objectif",
  purpose: "Finalité",
  targetPublic: "Public cible",
  lead: "Pilote",
  partners: "Partenaires",
  startDate: "Début",
  endDate: "Fin",
  status: "Statut",
  progress: "Avancement (%)",
  archivedAt: "Archivée le",
  actionId: "Fiche action",
  funder: "Financeur",
  year: "Année",
  stage: "Étape",
  amountCents: "Montant",
  baseline: "Valeur de référence",
  target: "Cible",
  actual: "Réalisé",
  childProtectionBudgetCents: "Budget protection de l'enfance",
  childrenFollowedByAse: "Enfants suivis par l'ASE",
  disabilitySharePercent: "Part en situation de handicap (%)",
};
