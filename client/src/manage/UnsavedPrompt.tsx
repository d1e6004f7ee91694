/**
 * The question a blocked navigation asks on the page (not the browser's
 * `confirm`, which a kitchen tablet may suppress): leave without saving, or
 * stay. Focus goes to "Stay", so an Enter pressed in passing loses nothing.
 */
import { useEffect, useRef } from 'react';
import type { useUnsavedWarning } from './useUnsavedWarning';

export function UnsavedPrompt({
  blocker,
  question,
  floating = false,
}: {
  blocker: ReturnType<typeof useUnsavedWarning>;
  /** e.g. "Leave this page? You have not saved your changes to Soup." */
  question: string;
  /** Pinned to the window's corner, for a long form whose top is out of view. */
  floating?: boolean;
}) {
  const stay = useRef<HTMLButtonElement>(null);
  const blocked = blocker.status === 'blocked';
  useEffect(() => {
    if (blocked) stay.current?.focus();
  }, [blocked]);
  if (blocker.status !== 'blocked') return null;
  return (
    <div
      className={floating ? 'unsaved-prompt unsaved-prompt--floating' : 'unsaved-prompt'}
      role="alertdialog"
      aria-labelledby="unsaved-prompt-question"
    >
      <p id="unsaved-prompt-question">{question}</p>
      <div className="unsaved-prompt__buttons">
        <button type="button" className="button--danger" onClick={blocker.proceed}>
          Leave without saving
        </button>
        <button type="button" className="button--quiet" ref={stay} onClick={blocker.reset}>
          Stay
        </button>
      </div>
    </div>
  );
}
