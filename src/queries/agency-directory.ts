// The public agency directory: the active agencies as a tree under the city government, its children
// grouped as a city portal lists them (市政府部门 / 县级市（区） / 派出机构), optionally filtered by name.
import type { AgencyKind } from '../domain/agencies/agency.js';
import type { Db } from '../db/client.js';
import { listAgencies, toTree, type AgencyNode } from './agencies.js';

export interface DirectoryNode {
  code: string;
  name: string;
  kind: AgencyKind;
  /** True when the name matches the filter (always true without a filter). */
  match: boolean;
  children: DirectoryNode[];
}

export type DirectoryGroupKey = 'departments' | 'districts' | 'zones';

export interface AgencyDirectory {
  root: DirectoryNode | null;
  groups: { key: DirectoryGroupKey; agencies: DirectoryNode[] }[];
  /** Active agencies in the whole directory. */
  total: number;
  /** Agencies whose name matches the filter (= total without a filter). */
  matches: number;
}

const GROUP_OF: Record<AgencyKind, DirectoryGroupKey> = {
  department: 'departments',
  authorized: 'departments',
  district: 'districts',
  government: 'districts',
  town: 'districts',
  street: 'districts',
  dispatched: 'zones',
};
const GROUP_ORDER: DirectoryGroupKey[] = ['departments', 'districts', 'zones'];

/** Keeps the nodes that match `q` and the ancestors of matching nodes; null when nothing is left. */
function prune(n: AgencyNode, q: string): DirectoryNode | null {
  const match = q === '' || n.name.toLowerCase().includes(q) || (n.shortName ?? '').toLowerCase().includes(q);
  const children = n.children.map((c) => prune(c, q)).filter((c): c is DirectoryNode => c !== null);
  if (!match && children.length === 0) return null;
  return { code: n.code, name: n.name, kind: n.kind as AgencyKind, match, children };
}

function countMatches(n: DirectoryNode): number {
  return (n.match ? 1 : 0) + n.children.reduce((s, c) => s + countMatches(c), 0);
}

export async function agencyDirectory(db: Db, filter = ''): Promise<AgencyDirectory> {
  const rows = await listAgencies(db, { activeOnly: true });
  const [tree] = toTree(rows);
  const q = filter.trim().toLowerCase();
  const root = tree ? prune(tree, q) : null;
  if (!root) return { root: null, groups: [], total: rows.length, matches: 0 };
  const groups = GROUP_ORDER.map((key) => ({
    key,
    agencies: root.children.filter((c) => GROUP_OF[c.kind] === key),
  })).filter((g) => g.agencies.length > 0);
  return { root, groups, total: rows.length, matches: countMatches(root) };
}
