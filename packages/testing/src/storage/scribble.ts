/**
 * Changes every field of `value` in place, to catch a store that shares objects with its
 * callers: strings get a suffix, numbers grow, booleans flip, `Date`s move to 1970, nested
 * objects are changed the same way, and arrays are emptied after their elements are changed.
 * What cannot be changed (a frozen record, say) is left as it is.
 */
export function scribble(value: object): void {
  if (value instanceof Date) {
    value.setTime(0);
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === "object" && field) scribble(field);
    else if (typeof field === "string") Reflect.set(value, key, `${field}-changed`);
    else if (typeof field === "number") Reflect.set(value, key, field + 1);
    else if (typeof field === "boolean") Reflect.set(value, key, !field);
  }
  if (Array.isArray(value)) Reflect.set(value, "length", 0);
}
