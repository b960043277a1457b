// Calendar days as the app stores and exchanges them: ISO "YYYY-MM-DD", UTC, no time of day.

/** "2020-10-01" for a Date (its UTC day); null stays null. */
export function isoDay(date: Date): string;
export function isoDay(date: Date | null): string | null;
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** The Date of an ISO day (its UTC midnight), as the database stores it; null stays null. */
export function isoDayToDate(day: string): Date;
export function isoDayToDate(day: string | null): Date | null;
export function isoDayToDate(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar day written "YYYY-MM-DD" (no 2021-02-30). */
export function isRealIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

/**
 * The days a contract, an avenant, a fiche action or a deadline can plausibly fall on. Every date the forms or
 * the spreadsheet import accept lies in this range: a day outside it is a typing or conversion mistake
 * (an Excel serial read in the wrong system, a year typed on two digits).
 */
export const PLAUSIBLE_DAY_MIN = "2000-01-01";
export const PLAUSIBLE_DAY_MAX = "2100-12-31";

export function isPlausibleIsoDay(text: string): boolean {
  return isRealIsoDay(text) && text >= PLAUSIBLE_DAY_MIN && text <= PLAUSIBLE_DAY_MAX;
}

/** The French message for a day outside the plausible range. */
export const IMPLAUSIBLE_DAY_MESSAGE = "Date hors de la plage admise (du 01/01/2000 au 31/12/2100).";

/** Today's UTC day, "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return isoDay(now);
}

/** "2021-03-01" → 2021; a Date → its UTC year. */
export function yearOf(day: string | Date): number {
  return typeof day === "string" ? Number(day.slice(0, 4)) : day.getUTCFullYear();
}

/** The years a contract covers, from its period (ISO days or Dates): 2021-01-01 → 2022-12-31 gives [2021, 2022]. */
export function contractYears(periodStart: string | Date, periodEnd: string | Date): number[] {
  const first = yearOf(periodStart);
  const last = yearOf(periodEnd);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** A contract's period as its first and last years: what the funding and indicator forms accept. */
export function periodYears(periodStart: string | Date, periodEnd: string | Date): { firstYear: number; lastYear: number } {
  return { firstYear: yearOf(periodStart), lastYear: yearOf(periodEnd) };
}

/** Whether `day` falls within the period, bounds included (ISO days compare as text). */
export function isWithinPeriod(day: string, period: { start: string; end: string }): boolean {
  return day >= period.start && day <= period.end;
}
