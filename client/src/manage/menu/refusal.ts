/**
 * What the server said when it refused a save: its tRPC code (CONFLICT is
 * answered differently from the rest), its sentence, and the input issues
 * with their paths, so each message can go beside its field.
 */
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@ticketrail/server';

export interface Refused {
  code: string | null;
  message: string;
  issues: { path: string; message: string }[];
}

export function refusal(error: unknown): Refused {
  if (!(error instanceof TRPCClientError)) {
    return {
      code: null,
      message: error instanceof Error ? error.message : 'The save did not go through.',
      issues: [],
    };
  }
  const { data, message } = error as TRPCClientError<AppRouter>;
  return { code: data?.code ?? null, message, issues: [...(data?.issues ?? [])] };
}
