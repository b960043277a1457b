// French formatting at the edge: money arrives as integer cents, dates as ISO strings or Date.

const NBSP = "\u00a0";
const NNBSP = "\u202f"; // Intl's thousands separator in fr-FR

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

type Cents = number | bigint;

function toNumber(value: Cents): number {
  return typeof value === "bigint" ? Number(value) : value;
}

/** "835 000 €", "1 234,56 €" (cents shown only when there are some). */
export function formatEuros(cents: Cents): string {
  const n = toNumber(cents);
  const euros = n / 100;
  const text = n % 100 === 0 ? integer.format(euros) : twoDecimals.format(euros);
  return `${text}${NBSP}€`;
}

/** "8,4 M€" from one million up, "835 k€" from ten thousand, else the exact amount. */
export function formatEurosCompact(cents: Cents): string {
  const euros = toNumber(cents) / 100;
  const abs = Math.abs(euros);
  if (abs >= 1_000_000_000) return `${oneDecimal.format(euros / 1_000_000_000)}${NBSP}Md€`;
  if (abs >= 1_000_000) return `${oneDecimal.format(euros / 1_000_000)}${NBSP}M€`;
  if (abs >= 10_000) return `${oneDecimal.format(euros / 1_000)}${NBSP}k€`;
  return formatEuros(cents);
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** 42 → "42 %", 33.3 → "33,3 %". */
export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)}${NBSP}%`;
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
}

/** "28 septembre 2020" ("1er" for the first day of a month, as French writes it). */
export function formatDate(value: Date | string): string {
  const text = longDate.format(toDate(value));
  return text.replace(/^1 /, "1er ");
}

/** "28/09/2020". */
export function formatShortDate(value: Date | string): string {
  return shortDate.format(toDate(value));
}

/** Normalises Intl's spaces to plain spaces, for comparisons in tests and CSV. */
export function plainSpaces(text: string): string {
  return text.replaceAll(NBSP, " ").replaceAll(NNBSP, " ");
}

// ───────────────────────── Public pages and open data ─────────────────────────

/** Counts of people below this are never published as such (statistical confidentiality). */
export const PUBLIC_COUNT_THRESHOLD = 11;

/** What a withheld count reads as, on the site and in CSV files. */
export const PUBLIC_COUNT_MASK = "< 11";

/** Whether a count of people must be withheld from the public (0 to 10). */
export function isBelowPublicThreshold(count: number | null | undefined): boolean {
  return typeof count === "number" && count < PUBLIC_COUNT_THRESHOLD;
}

/** A count of people for the public: "1 200", "< 11" below the threshold, "—" when unknown. */
export function formatPublicCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return "—";
  return isBelowPublicThreshold(count) ? PUBLIC_COUNT_MASK : integer.format(count);
}

const parisDateTime = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Paris",
});

/** "23 novembre 2026 à 10 h 05", in Paris time. */
export function formatParisDateTime(value: Date | string): string {
  const parts = Object.fromEntries(parisDateTime.formatToParts(toDate(value)).map((p) => [p.type, p.value]));
  const day = parts.day === "1" ? "1er" : parts.day;
  return `${day} ${parts.month} ${parts.year} à ${parts.hour} h ${parts.minute}`;
}

/** "Données mises à jour le 23 novembre 2026 à 10 h 05". */
export function formatFreshness(value: Date | string | null): string {
  return value ? `Données mises à jour le ${formatParisDateTime(value)}` : "Aucune donnée publiée pour l'instant";
}
