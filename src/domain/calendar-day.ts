// A day as the person's own calendar says it, the one date stamp of the app (file names, a decision's day, a
// vote's date).

/** yyyy-mm-dd in the device's time zone, not UTC: a file saved at 00:30 in Paris carries that day's date. */
export function calendarDay(moment: Date): string {
  const parts = [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()]
  return parts.map((value) => String(value).padStart(2, '0')).join('-')
}
