/** Whether the runtime's Intl knows `zone` as a time zone (IANA names and 'UTC'). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
