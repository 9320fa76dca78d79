/**
 * The error catalog: every error a user can meet has a stable code, an HTTP status, the field or rule
 * it concerns, and what to do about it. Transport layers render these as JSON; the CLI prints them.
 */
export interface VeilErrorInit {
  code: string;
  status: number;
  message: string;
  field?: string | undefined;
  hint?: string | undefined;
  cause?: unknown;
}

export class VeilError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly hint: string | undefined;

  constructor(init: VeilErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'VeilError';
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.hint = init.hint;
  }

  toJSON(): Record<string, unknown> {
    return {
      error: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
    };
  }
}

export const errors = {
  badRequest: (field: string, message: string, hint?: string) =>
    new VeilError({ code: 'bad_request', status: 400, field, message, hint }),
  unauthorized: (message = 'missing or invalid credentials', hint?: string) =>
    new VeilError({ code: 'unauthorized', status: 401, message, hint }),
  forbidden: (action: string, role: string) =>
    new VeilError({
      code: 'forbidden',
      status: 403,
      message: `role '${role}' may not ${action}`,
      hint: 'ask a supervisor or compliance user',
    }),
  notFound: (what: string, id: string) =>
    new VeilError({ code: 'not_found', status: 404, message: `${what} '${id}' not found` }),
  tooLarge: (limit: number) =>
    new VeilError({
      code: 'payload_too_large',
      status: 413,
      message: `body exceeds the limit of ${limit} bytes`,
      hint: 'send smaller activities or raise VEIL_BODY_LIMIT',
    }),
  invalidPolicy: (file: string, message: string, field?: string) =>
    new VeilError({ code: 'invalid_policy', status: 422, message: `${file}: ${message}`, field }),
  config: (variable: string, message: string) =>
    new VeilError({
      code: 'invalid_config',
      status: 500,
      field: variable,
      message: `${variable}: ${message}`,
    }),
} as const;
