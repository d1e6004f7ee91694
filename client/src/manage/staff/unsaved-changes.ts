/**
 * A form with unsaved changes asks before they are thrown away: leaving for
 * another page of the app (the router's blocker) or closing the tab
 * (`beforeunload`, the browser's own question).
 */
import { useBlocker } from '@tanstack/react-router';

export const UNSAVED_QUESTION = 'You have changes that are not saved. Leave and lose them?';

export function useUnsavedWarning(dirty: boolean): void {
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(UNSAVED_QUESTION),
    enableBeforeUnload: () => dirty,
  });
}
