/**
 * Where the server's words go: a refused input names its field (its issue's
 * path), and a rule the server refused without a field (a taken email, the
 * last manager) goes to the field the person can change to fix it.
 */
interface Refusal {
  message: string;
  data?: {
    issues?: readonly { path: string; message: string }[] | null;
    code?: string;
  } | null;
}

/** Per field name, the message to show beside it; `fallback` takes what names no field. */
export function fieldMessages(
  error: Refusal | null | undefined,
  fields: readonly string[],
  fallback: string,
): Record<string, string> {
  const messages: Record<string, string> = Object.fromEntries(fields.map((field) => [field, '']));
  if (!error) return messages;
  const issues = error.data?.issues ?? [];
  if (issues.length === 0) {
    messages[fallback] = error.message;
    return messages;
  }
  for (const issue of issues) {
    const field = fields.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
    const at = field ?? fallback;
    if (!messages[at]) messages[at] = issue.message;
  }
  return messages;
}
