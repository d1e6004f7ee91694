/** The client's resume point as a number; null means "from now on". */
export function resumeAfter(lastEventId: string | null | undefined): number | null {
  return lastEventId ? Number(lastEventId) : null;
}
