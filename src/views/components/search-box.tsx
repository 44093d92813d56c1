// A search box as a plain GET form: it works without JavaScript and its result can be linked.
import type { FC } from 'hono/jsx';

export const SearchBox: FC<{
  action: string;
  /** The form's class (its place in the page's layout). */
  class: string;
  label: string;
  hint: string;
  button: string;
  /** Shown as a link back to `action` while a query is applied. */
  showAll: string;
  value: string;
  maxLength?: number;
  novalidate?: boolean;
}> = (p) => (
  <form method="get" action={p.action} class={p.class} role="search" novalidate={p.novalidate}>
    <div class="field">
      <label for="f-q">{p.label}</label>
      <p class="hint" id="f-q-hint">
        {p.hint}
      </p>
      <input
        id="f-q"
        name="q"
        type="search"
        value={p.value}
        class="input input-medium"
        maxlength={p.maxLength}
        aria-describedby="f-q-hint"
      />
    </div>
    <button type="submit" class="button button-secondary">
      {p.button}
    </button>
    {p.value ? <a href={p.action}>{p.showAll}</a> : null}
  </form>
);
