// The report forms' own part of toFormState (lib/core/form-state.ts): the report's conflict message
// (the report moved, the page is drawn again).
export const REPORT_CONFLICT_MESSAGE = "Le rapport a changé entre-temps : rechargez la page pour voir son état actuel.";

/** Spread into toFormState's options by every report form. */
export const REPORT_FORM = { conflict: () => ({ message: REPORT_CONFLICT_MESSAGE }) } as const;
