/** How two written names are compared when the reader adds someone: case, spaces, dots and hyphens aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.·・‧•\-‐–—_]+/g, '');
}
