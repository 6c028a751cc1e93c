// Service errors, in the shape Alibaba Cloud's POP gateway returns them.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (e.g. Retry-After on throttling). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function missingParameter(name: string): ApiError {
  return new ApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

export function invalidParameter(name: string, detail: string, code = `InvalidParameter.${name}`): ApiError {
  return new ApiError(400, code, `The parameter ${name} is invalid: ${detail}`);
}
