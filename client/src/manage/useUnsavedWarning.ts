/**
 * Leaving a form with unsaved changes asks first: another page of the app
 * (the router's blocker, answered on the page by `UnsavedPrompt`), and
 * closing or reloading the tab (the browser's own beforeunload question).
 */
import { useBlocker } from '@tanstack/react-router';

export function useUnsavedWarning(dirty: boolean) {
  return useBlocker({
    shouldBlockFn: () => dirty,
    enableBeforeUnload: () => dirty,
    withResolver: true,
  });
}
