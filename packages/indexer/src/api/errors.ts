// Errors the API answers with: each is a 4xx (or 503) JSON body naming the problem, never a trace.
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: 400 | 404 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidParameterError extends ApiError {
  override name = "InvalidParameterError";
  constructor(parameter: string, reason: string) {
    super(400, "invalid_parameter", `${parameter}: ${reason}`);
  }
}

export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  constructor(what: string) {
    super(404, "not_found", `${what} not found`);
  }
}
