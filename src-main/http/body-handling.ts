// The body step of the request pipeline (docs/architecture.md, "The request pipeline"): how a
// response's body is read and decoded. Kept (in main, for the window to page through), parsed
// (read by main itself: bulk pulls, /me) or saved to a file ("Save to file", never kept).
import type { Settings } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import { decodeBody } from '../response/shared/body-text';
import type { IncomingBody, KeptResponse, ResponseStore } from '../response/main/response-store';
import type { HttpResponse } from './http-client';
import { declaredLength, readCapped, readWhole, saveBody, type SavedBody } from './read-body';

const MB = 1024 * 1024;

/** A decoded body: `envelope` is what the token check reads (a JSON body's root fields, or nothing). */
export interface Decoded {
  envelope: unknown;
}

/** Reads a response's body (`P`, while it arrives) and decodes it (`D`, once it has). */
export interface BodyHandling<P, D extends Decoded> {
  read(response: HttpResponse): Promise<P>;
  decode(payload: P): Promise<D>;
  /** Throws away a response that will not be used (a rejected token, a retried one). */
  discard?(decoded: D): Promise<void> | void;
}

export interface BodyDeps {
  settings(): Pick<Settings, 'maxResponseMB'>;
  redactor: Pick<Redactor, 'bytePattern' | 'spellings'>;
  responses: Pick<ResponseStore, 'receive' | 'drop'>;
}

export type KeptBody = KeptResponse & Decoded;
export type ParsedBody = Decoded & { isJson: boolean; value: unknown };
export type SavedFile = SavedBody & Decoded;

const ceilingBytes = (deps: BodyDeps) => deps.settings().maxResponseMB * MB;

/** Into the response store while it arrives, parsed in its worker; the window pages through it. */
export function keptBody(deps: BodyDeps): BodyHandling<IncomingBody, KeptBody> {
  return {
    read: async (response) => {
      const opened: { incoming?: IncomingBody } = {};
      try {
        await readCapped(response, ceilingBytes(deps), () => (opened.incoming = deps.responses.receive(declaredLength(response))));
      } catch (error) {
        opened.incoming?.abort();
        throw error;
      }
      return opened.incoming!;
    },
    decode: async (incoming) => {
      const body = await incoming.finish();
      return { ...body, envelope: body.head };
    },
    discard: (body) => deps.responses.drop(body.responseId),
  };
}

/** Whole into memory and parsed in main, secrets blanked; nothing is kept. */
export function parsedBody(deps: BodyDeps): BodyHandling<Buffer, ParsedBody> {
  return {
    read: (response) => readWhole(response, ceilingBytes(deps)),
    decode: async (bytes) => {
      const { value, isJson } = decodeBody(bytes, deps.redactor.bytePattern());
      return { envelope: isJson ? value : undefined, isJson, value };
    },
  };
}

/** Streamed to `path` with secrets blanked, put in place only when the caller commits it. */
export function savedToFile(deps: BodyDeps, path: string): BodyHandling<SavedBody, SavedFile> {
  return {
    read: (response) => saveBody(response, path, deps.redactor.spellings()),
    decode: async (saved) => ({ ...saved, envelope: saved.head }),
    discard: (saved) => saved.file.abort(),
  };
}
