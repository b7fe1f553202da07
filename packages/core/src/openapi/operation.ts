import type { GenericSchema } from "valibot";
import type { ErrorCode } from "../errors/error-catalogue.js";

/**
 * What the OpenAPI document says about one route of the table, besides what the endpoint's
 * own flags (`auth`, `body`, `setsCookie`) already tell. The request body schema is the very
 * valibot schema the endpoint validates with.
 */
export interface Operation {
  /** A stable camelCase name: the OpenAPI `operationId` and the client's method name. */
  id: string;
  summary: string;
  description?: string;
  /** The JSON body's schema; present exactly when the endpoint has `body: true`. */
  request?: GenericSchema;
  /** The success answer: its status and, unless it is 204, the JSON body's schema. */
  success: { status: number; description: string; body?: GenericSchema };
  /**
   * The codes only this operation answers. The ones that follow from the endpoint's flags
   * (body errors, `NotAuthenticated`, `CSRFFailed`, `ServiceUnavailable`, `InternalError`...)
   * are added by the document builder (`operationErrorCodes`).
   */
  errors: readonly ErrorCode[];
  /** False for an answer that never reads storage (no `ServiceUnavailable`). Default true. */
  storage?: boolean;
}
