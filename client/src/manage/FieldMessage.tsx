/**
 * A field's message and the control it belongs to, tied together for screen
 * readers: the control is invalid while there is a message and is described
 * by it (and by any hint), so the words are read out with the control.
 */
import type { ReactNode } from 'react';

/**
 * The paragraph that holds a field's message. It is there even while empty, so
 * the control's aria-describedby always names something and an alert is in
 * place before its words arrive. With `alert` a new message is read out at
 * once; without it, it is read with the control it describes.
 */
export function FieldMessage({
  id,
  alert = false,
  children,
}: {
  id: string;
  alert?: boolean;
  children: ReactNode;
}) {
  return (
    <p id={id} className="form__error" role={alert ? 'alert' : undefined}>
      {children}
    </p>
  );
}

/** The props that point a control at its message: `describedBy` names the message's id (and any hint's). */
export function messageProps(message: string | null | undefined, describedBy: string) {
  return {
    'aria-invalid': message ? (true as const) : undefined,
    'aria-describedby': describedBy,
  };
}
