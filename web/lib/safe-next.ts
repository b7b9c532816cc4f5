// Any origin would do: only whether a path stays on it matters.
const SITE = 'https://seatstorm.invalid';

/**
 * Where to go after signing in: only paths on this site, so a crafted link
 * cannot send people elsewhere. The path is resolved the way the browser will
 * resolve it (the URL parser drops tabs and line breaks and reads `\` as `/`,
 * so `/<tab>/evil.example` is `//evil.example`), and anything that would land
 * on another origin, or is not a plain path, falls back to the events page.
 */
export function safeNextPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is this check's purpose
  if (!path || !path.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(path)) return '/';
  let resolved: URL;
  try {
    resolved = new URL(path, SITE);
  } catch {
    return '/';
  }
  if (resolved.origin !== SITE) return '/';
  const next = resolved.pathname + resolved.search + resolved.hash;
  return next.startsWith('//') ? '/' : next;
}
