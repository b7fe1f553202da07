/** A wrong command line: printed with a pointer to `--help`. */
export class UsageError extends Error {}
