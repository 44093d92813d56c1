// The addresses of the public letter pages (政民互动), shared by the views and the routes.
export const INTERACTION_PATH = '/interaction';
export const MAILBOXES_PATH = '/mailboxes';
export const LETTERS_PATH = '/letters';
export const LETTER_DONE_PATH = '/letters/done';
export const LETTER_LOOKUP_PATH = '/letters/lookup';
export const LETTER_RATE_PATH = '/letters/lookup/rate';
export const LETTER_STATS_PATH = '/letters/statistics';

export const mailboxHref = (code: string) => `${MAILBOXES_PATH}/${encodeURIComponent(code)}`;
export const mailboxSubmitHref = (code: string) => `${mailboxHref(code)}/submit`;
export const letterHref = (trackingNumber: string) => `${LETTERS_PATH}/${encodeURIComponent(trackingNumber)}`;
