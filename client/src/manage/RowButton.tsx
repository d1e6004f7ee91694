/**
 * A button among a list row's actions. It shows a verb ("Rename"); screen
 * readers also hear whose row it is ("Rename Table 4"), since every row has
 * the same buttons.
 */
import type { RefObject } from 'react';

export function RowButton({
  verb,
  name,
  danger = false,
  buttonRef,
  onClick,
}: {
  verb: string;
  /** Whose row: the table's or the person's name. */
  name: string;
  /** Red: the step it opens takes something away. */
  danger?: boolean;
  /** Where focus goes back to when the step it opens is closed. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button--quiet button--quiet-danger' : 'button--quiet'}
      ref={buttonRef}
      onClick={onClick}
    >
      {verb}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}
