import { z } from 'zod';
import { ApiError } from './api-error';
import type { ApiErrorData } from './contract';

const MAX_MESSAGE = 2000;

/**
 * Maps anything thrown behind the API to the typed error the caller receives: an `ApiError`
 * keeps its code, a schema failure is `invalid-input`, everything else is `internal`.
 */
export function toApiError(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return { code: error.code, message: clip(error.message) };
  if (error instanceof z.ZodError) return { code: 'invalid-input', message: clip(z.prettifyError(error)) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: clip(`internal error: ${message}`) };
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}
