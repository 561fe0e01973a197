const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const KEY_DATE = /(?:^|[/_-])((?:19|20)\d\d)([/-])(\d\d)\2(\d\d)(?=$|[/_.-])/;
const DAY_MS = 86_400_000;

/** A calendar date as UTC midnight milliseconds; undefined if the date does not exist. */
export function calendarDate(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? ms
    : undefined;
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (ms: number, days: number): number => ms + days * DAY_MS;

/** "2001-08-14", "2001-08-14T10:00:00Z" or an RFC 822 date → UTC midnight of that day. */
export function parseDay(value: string): number | undefined {
  const iso = ISO_DATE.exec(value.trim());
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return undefined;
  const date = new Date(parsed);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A date written into an object key: `2001/08/14/…` or `2001-08-14-…`. */
export function dateInKey(key: string): number | undefined {
  const match = KEY_DATE.exec(key);
  if (!match) return undefined;
  return calendarDate(Number(match[1]), Number(match[3]), Number(match[4]));
}
