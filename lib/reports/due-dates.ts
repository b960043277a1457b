// Report calendar rules (pure): due 30 June of the following year unless an administrator moved it.
import { isoDay } from "../core/dates";

export const REMINDER_DAYS = [30, 7, 1] as const;

export function defaultReportDueOn(year: number): Date {
  return new Date(Date.UTC(year + 1, 5, 30));
}

export { isoDay };

/** Whole days from `now` (its UTC calendar day) to `dueOn`. */
export function daysUntil(dueOn: Date, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((dueOn.getTime() - today) / 86_400_000);
}

/** Overdue: the date has passed and the deadline is not done. */
export function isOverdue(dueOn: Date | string, done: boolean, now: Date = new Date()): boolean {
  return !done && daysUntil(typeof dueOn === "string" ? new Date(`${dueOn}T00:00:00Z`) : dueOn, now) < 0;
}

/**
 * The reminder due now for a deadline `days` away, if any: the smallest threshold not yet passed, so a
 * job that missed the 30-day day still sends the 7-day one when its time comes, and never both at once.
 */
export function reminderDue(days: number): number | null {
  if (days < 0) return null;
  const fitting = REMINDER_DAYS.filter((d) => days <= d);
  return fitting.length ? Math.min(...fitting) : null;
}
