// Free names of @axor/client examples (packages/client, docs/client.md): only the client. No
// server-side names: `axor` here is the typed fetch client, not the Axor instance.
import type { AxorClient } from "@axor/client";

/** A client from `createAxorClient`. */
export declare const axor: AxorClient;
