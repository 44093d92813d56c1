// The one form-submission pattern: run the command; on InvalidInput show the form again with its
// errors (the re-render sets status 422) instead of failing the request.
import type { FieldErrors } from '../views/components/forms.js';
import { InvalidInput } from '../domain/errors.js';

export async function withFormErrors<T>(
  work: () => Promise<T>,
  showErrors: (errors: FieldErrors) => T | Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    return showErrors(e.fieldErrors);
  }
}
