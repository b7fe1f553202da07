// Free names every code example may use without declaring them: the values its reader is
// assumed to have at hand. Keep this list short; a snippet that needs another name declares it
// (`declare const server: ContractServer;`). Helpers and functions do not belong here.
import type { Axor, AxorRequest, ClientInfo } from "@axor/core";
import type { StorageAdapter, UserRecord } from "@axor/core/storage";
import type { Kysely } from "kysely";

/** The app's Axor instance, from `createAxor`. */
export declare const axor: Axor;
/** The storage given to `createAxor`. */
export declare const storage: StorageAdapter;
/** A Kysely instance, from `openDatabase` or your own. */
export declare const db: Kysely<any>;
/** A framework-neutral request, as adapters build it. */
export declare const request: AxorRequest;
/** The calling client, from `axor.clientInfo(request)`. */
export declare const client: ClientInfo;
/** A user as storage keeps it. */
export declare const user: UserRecord;
/** A user's credentials. */
export declare const email: string;
export declare const password: string;
/** The `secret` option of `createAxor`. */
export declare const secret: string;
/** The current instant. */
export declare const now: Date;
