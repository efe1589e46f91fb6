// The root of every SDK error: a short message, optional details, and the underlying cause.

export type BaseErrorParameters = {
  /** Longer explanation shown under the short message. */
  details?: string | undefined;
  /** The error this one was decoded from (a viem error, an RPC failure...). */
  cause?: unknown;
};

export class BaseError extends Error {
  override name = "AnkrStakingError";
  /** One readable line: what a CLI or a UI shows. */
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, { details, cause }: BaseErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, { cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }

  /** Follows `cause` until `predicate` matches (this error included). */
  walk(predicate: (error: unknown) => boolean): unknown {
    let error: unknown = this;
    while (error) {
      if (predicate(error)) return error;
      error = (error as { cause?: unknown }).cause;
    }
    return undefined;
  }
}
