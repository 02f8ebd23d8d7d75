/** Turns anything thrown by viem or fetch into one readable line for a FailedRead or a log. */
import { BaseError } from 'viem';

const oneLine = (text: string): string => text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');

/**
 * One line: viem's short message (its lines joined: for JSON-RPC -32602 it spans two) and the
 * endpoint's own details (e.g. "query exceeds max block range 10000", which the log scan reads to
 * halve its range), or the error's first line.
 */
export function describeError(error: unknown): string {
  if (error instanceof BaseError) {
    const short = oneLine(error.shortMessage);
    const details = error.details ? oneLine(error.details) : '';
    return details !== '' && !short.includes(details) ? `${short}: ${details}` : short;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return String(error);
}
