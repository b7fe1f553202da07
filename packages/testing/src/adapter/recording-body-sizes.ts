import type { Axor, AxorRequest } from "@axor/core";

/** Wraps `axor` so the byte size of every body `handle` receives is pushed to `sizes`. */
export function recordingBodySizes(axor: Axor, sizes: number[]): Axor {
  return new Proxy(axor, {
    get(target, property, receiver) {
      if (property !== "handle") return Reflect.get(target, property, receiver);
      return (request: AxorRequest) => {
        const body = request.body;
        sizes.push(
          body instanceof Uint8Array
            ? body.byteLength
            : typeof body === "string"
              ? body.length
              : -1,
        );
        return target.handle(request);
      };
    },
  });
}
