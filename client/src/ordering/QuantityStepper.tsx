import { MAX_LINE_QUANTITY } from '@ticketrail/shared';

/** − 2 +: big enough for a thumb, and a screen reader hears what it changes. */
export function QuantityStepper({
  value,
  onChange,
  label,
  min = 1,
}: {
  value: number;
  onChange: (next: number) => void;
  /** What the quantity is of, e.g. "Smash burger". */
  label: string;
  /** 0 lets the minus button remove a cart line. */
  min?: number;
}) {
  return (
    <div className="stepper" role="group" aria-label={`Quantity of ${label}`}>
      <button
        type="button"
        className="stepper__button"
        aria-label={value <= 1 && min === 0 ? `Remove ${label}` : `One less ${label}`}
        disabled={value <= min}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite">
        {value}
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={`One more ${label}`}
        disabled={value >= MAX_LINE_QUANTITY}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
