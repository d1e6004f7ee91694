/**
 * The words to show beside a field when the server refused it. A refused input
 * comes back as "label: A table's name is 1 to 40 characters." (the server
 * names the field for API callers); the field's own message reads better next
 * to the field, so the issue's message is shown without its path.
 */
interface Refusal {
  message: string;
  data?: { issues?: readonly { message: string }[] | null } | null;
}

export function fieldMessage(error: Refusal | null | undefined): string {
  if (!error) return '';
  return error.data?.issues?.[0]?.message ?? error.message;
}
