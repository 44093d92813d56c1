// Form components following the GOV.UK error-summary contract: every error is listed at the top with a
// link to its field, and repeated beside the field with the same words.
import type { Child, FC } from 'hono/jsx';
import { SHELL, type Lang } from '../i18n.js';

export type FieldErrors = Record<string, string>;

export const ErrorSummary: FC<{ lang: Lang; errors?: FieldErrors; message?: string }> = ({
  lang,
  errors,
  message,
}) => {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0 && !message) return null;
  return (
    <div
      class="error-summary"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      data-module="error-summary"
    >
      <div role="alert">
        <h2 id="error-summary-title">{SHELL.errorTitle[lang]}</h2>
        {message && entries.length === 0 ? <p>{message}</p> : null}
        <ul>
          {entries.map(([field, text]) => (
            <li>
              <a href={`#${fieldId(field)}`}>{text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
};

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldProps {
  /** The page's language, for the screen-reader prefix of an error (Chinese when absent). */
  lang?: Lang;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  children?: Child;
}

/** Label, hint, inline error and the control itself. */
export const Field: FC<FieldProps> = ({ lang = 'zh', name, label, hint, errors, children }) => {
  const error = errors?.[name];
  const id = fieldId(name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{SHELL.errorPrefix[lang]}</span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
};

interface InputProps {
  lang?: Lang;
  name: string;
  label: string;
  value?: string | number | null;
  type?: string;
  hint?: string;
  errors?: FieldErrors;
  autocomplete?: string;
  required?: boolean;
  width?: 'short' | 'medium' | 'long';
}

export const Input: FC<InputProps> = (p) => {
  const id = fieldId(p.name);
  const described = [p.hint ? `${id}-hint` : '', p.errors?.[p.name] ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Field lang={p.lang} name={p.name} label={p.label} hint={p.hint} errors={p.errors}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value == null ? '' : String(p.value)}
        class={`input input-${p.width ?? 'long'}`}
        autocomplete={p.autocomplete}
        aria-describedby={described || undefined}
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
        aria-required={p.required ? 'true' : undefined}
      />
    </Field>
  );
};

interface SelectProps {
  lang?: Lang;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | number | null;
  hint?: string;
  errors?: FieldErrors;
  includeBlank?: string;
}

export const Select: FC<SelectProps> = (p) => {
  const id = fieldId(p.name);
  return (
    <Field lang={p.lang} name={p.name} label={p.label} hint={p.hint} errors={p.errors}>
      <select id={id} name={p.name} class="select" aria-invalid={p.errors?.[p.name] ? 'true' : undefined}>
        {p.includeBlank !== undefined ? <option value="">{p.includeBlank}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={String(p.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
};

export const TextArea: FC<Omit<InputProps, 'type'> & { rows?: number }> = (p) => {
  const id = fieldId(p.name);
  return (
    <Field lang={p.lang} name={p.name} label={p.label} hint={p.hint} errors={p.errors}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        class="textarea"
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
      >
        {p.value == null ? '' : String(p.value)}
      </textarea>
    </Field>
  );
};

/** A POST form with the CSRF token and `novalidate` (server messages only). */
export const PostForm: FC<{
  action: string;
  csrf: string;
  children?: Child;
  class?: string;
  enctype?: 'multipart/form-data';
}> = (p) => (
  <form method="post" action={p.action} novalidate class={p.class} enctype={p.enctype}>
    <input type="hidden" name="_csrf" value={p.csrf} />
    {p.children}
  </form>
);

export const Button: FC<{
  children?: Child;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}> = (p) => (
  <button type="submit" class={`button button-${p.variant ?? 'primary'}`} name={p.name} value={p.value}>
    {p.children}
  </button>
);
