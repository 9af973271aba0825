/** One area's messages: Danish is the source, English must have exactly the same keys. */
export function section<const D extends Record<string, string>>(da: D, en: Record<keyof D, string>) {
  return { da, en };
}
