// The five overseas departments, which the metropolitan map package does not draw: shown as labelled
// insets (a disc, not their outline) to the left of the map, in the order of their INSEE codes.
export const OVERSEAS = [
  { code: "971", name: "Guadeloupe" },
  { code: "972", name: "Martinique" },
  { code: "973", name: "Guyane" },
  { code: "974", name: "La Réunion" },
  { code: "976", name: "Mayotte" },
] as const;
