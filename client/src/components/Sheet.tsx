/**
 * A panel over the page: a bottom sheet on a phone, a centred dialog on a
 * wider screen. It takes the focus when it opens and gives it back when it
 * closes, closes on Escape or a tap outside, and keeps Tab inside it, so a
 * guest using a keyboard or a screen reader is never left behind the panel.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

let sheetsOpened = 0;

/**
 * The phone's back button closes the sheet instead of leaving the page: an
 * open sheet is one step of history. Closing it any other way takes that step
 * back out, unless the page has already moved on (placing an order navigates
 * to its tracking page with the cart still open).
 */
function useBackCloses(onClose: () => void) {
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    sheetsOpened += 1;
    const step = { ticketrailSheet: sheetsOpened };
    window.history.pushState(step, '');
    const onPopState = (event: PopStateEvent) => {
      if (!isStep(event.state, step.ticketrailSheet)) latest.current();
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      // Later, so a sheet that opens at once in its place (or React's
      // development double mount) has pushed its own step first.
      setTimeout(() => {
        if (isStep(window.history.state, step.ticketrailSheet)) window.history.back();
      });
    };
  }, []);
}

const isStep = (state: unknown, id: number): boolean =>
  typeof state === 'object' &&
  state !== null &&
  'ticketrailSheet' in state &&
  state.ticketrailSheet === id;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Sheet({
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Stays in view at the bottom while the body scrolls (the main action). */
  footer?: ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useBackCloses(onClose);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const { overflow } = document.body.style;
    // The page behind would otherwise scroll with the guest's thumb.
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (
      event.shiftKey &&
      (document.activeElement === first || document.activeElement === panel.current)
    ) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="sheet-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className={`sheet${wide ? ' sheet--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="sheet__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="sheet__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="sheet__body">{children}</div>
        {footer ? <footer className="sheet__footer">{footer}</footer> : null}
      </div>
    </div>
  );
}
