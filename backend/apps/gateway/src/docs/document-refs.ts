/** Every `$ref` of a JSON document that does not point at a part of it (local refs only: `#/…`). */
export function danglingRefs(document: unknown): string[] {
  const dangling: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && resolvePointer(document, value) === undefined) dangling.push(value);
      else visit(value);
    }
  };
  visit(document);
  return dangling;
}

/** What a local JSON pointer (`#/components/schemas/Booking`) names in a document, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), document);
}
