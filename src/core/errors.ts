/**
 * The readable text of anything thrown: an Error's message, or the value itself as text
 * (a worker or a library may reject with a string or a plain object).
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
