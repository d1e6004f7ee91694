/**
 * A field's message beside it, looked up by path: the id that ties a control
 * to its message (`aria-describedby`), `aria-invalid` while there is one, and
 * the message itself. Paths are the server's (`optionGroups[0].name`), so the
 * form's own checks and the server's refusals land in the same place.
 */
import { FieldMessage, messageProps } from '../FieldMessage';
import type { FieldErrors } from './dish-draft';

export const errorId = (path: string) => `dish-error-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export function invalidProps(errors: FieldErrors, path: string) {
  return messageProps(errors[path], errorId(path));
}

export function FieldError({ errors, path }: { errors: FieldErrors; path: string }) {
  return <FieldMessage id={errorId(path)}>{errors[path] ?? ''}</FieldMessage>;
}
