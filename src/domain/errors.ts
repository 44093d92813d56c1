// The closed set of domain errors. Each has a stable `code` (used by the API) and a Chinese
// message (shown in the UI). They are mapped to HTTP statuses in one place: src/http/errors.ts.

export type ErrorCode = 'NOT_FOUND' | 'NOT_ALLOWED' | 'INVALID_INPUT' | 'INVALID_TRANSITION' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The record does not exist — or the actor may not know that it exists (answered as 404). */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message = '未找到该记录') {
    super(message);
  }
}

/** The actor is known but may not do this (answered as 403). */
export class NotAllowed extends DomainError {
  readonly code = 'NOT_ALLOWED' as const;
  constructor(message = '您没有执行此操作的权限') {
    super(message);
  }
}

/** Bad input; `fieldErrors` maps a form field name to its Chinese message. */
export class InvalidInput extends DomainError {
  readonly code = 'INVALID_INPUT' as const;
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = '提交的内容有误，请检查后重试',
  ) {
    super(message);
  }
}

/** A state-machine step that is not allowed from the record's current state. */
export class InvalidTransition extends DomainError {
  readonly code = 'INVALID_TRANSITION' as const;
}

/** The command conflicts with existing data (duplicate code, stale edit…). */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;
}
