// Turns zod issues into the field → Chinese message map of InvalidInput.
import type { z } from 'zod';
import { InvalidInput } from '../domain/errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join('.') || '_form';
    errors[key] ??= issue.message;
  }
  throw new InvalidInput(errors);
}
