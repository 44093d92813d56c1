// Finding an agency in the back office's tree (a city has a hundred or more): the agencies whose
// name, short name or code contains the words typed, shown with the agencies above them so that
// each stays in its place in the tree. Pure: no JSX, no I/O.
import type { AgencyNode } from '../../queries/agencies.js';

/** The search text as typed, trimmed and bounded (it is only ever compared, never stored). */
export function agencyQuery(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().slice(0, 50) : '';
}

function matches(n: AgencyNode, needle: string): boolean {
  return [n.name, n.shortName ?? '', n.code].some((s) => s.toLowerCase().includes(needle));
}

/**
 * The tree pruned to the matching agencies and their ancestors. `matched` holds the ids of the
 * agencies that match themselves (the ancestors are context).
 */
export function filterAgencyTree(
  roots: AgencyNode[],
  query: string,
): { roots: AgencyNode[]; matched: Set<number> } {
  const needle = query.toLowerCase();
  const matched = new Set<number>();
  const prune = (nodes: AgencyNode[]): AgencyNode[] =>
    nodes.flatMap((n) => {
      const children = prune(n.children);
      const self = matches(n, needle);
      if (self) matched.add(n.id);
      return self || children.length ? [{ ...n, children }] : [];
    });
  return { roots: prune(roots), matched };
}
