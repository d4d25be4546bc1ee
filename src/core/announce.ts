/** The text for a polite live region: a repeat of the same words is made different, so it is read again. */
export function nextAnnouncement(previous: string, message: string): string {
  return previous === message ? `${message}\u00a0` : message;
}
