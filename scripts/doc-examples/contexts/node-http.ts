// Free names of examples outside any framework (core, kysely, docs/storage.md): the everywhere
// names, and Node's own request and response.
import type { IncomingMessage, ServerResponse } from "node:http";

export * from "./everywhere.js";

export declare const req: IncomingMessage;
export declare const res: ServerResponse;
