/** Why an IPC call failed. Typed so both sides can branch on the reason, never on message text. */
export const IpcErrorReason = {
  unknownChannel: 'unknown-channel',
  foreignSender: 'foreign-sender',
  invalidRequest: 'invalid-request',
  invalidResponse: 'invalid-response',
  handlerFailed: 'handler-failed',
} as const;
export type IpcErrorReason = (typeof IpcErrorReason)[keyof typeof IpcErrorReason];

export interface IpcFailure {
  readonly reason: IpcErrorReason;
  readonly message: string;
}

/** What crosses the bridge: a plain object, because Error subclasses do not survive structured cloning. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcFailure };

export class IpcError extends Error {
  readonly reason: IpcErrorReason;
  constructor(failure: IpcFailure) {
    super(failure.message);
    this.name = 'IpcError';
    this.reason = failure.reason;
  }
}
