import type { z } from 'zod';

/** One IPC request/response pair: a name and the schemas of both directions, declared once for both sides. */
export interface IpcChannel<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly request: Request;
  readonly response: Response;
}

export function defineChannel<Request extends z.ZodType, Response extends z.ZodType>(
  name: string,
  request: Request,
  response: Response,
): IpcChannel<Request, Response> {
  return { name, request, response };
}

/** The one Electron channel every call travels on; the router dispatches on the envelope's `channel`. */
export const IPC_INVOKE_CHANNEL = 'confer:invoke';
