// The read model of an agency's 政府信息公开指南 (条例 第十二条): its own record and contact data, its
// place in the tree, and the parts of the guide that depend on its kind and its superiors.
import { and, asc, eq } from 'drizzle-orm';
import { officeContact, type AgencyKind } from '../domain/agencies/agency.js';
import {
  article21Categories,
  oversightOf,
  readingPlaces,
  type ExtraCategories,
  type Oversight,
} from '../domain/agencies/disclosure-guide.js';
import type { Db } from '../db/client.js';
import { agency } from '../db/schema.js';
import { agencyAncestors, findAgencyByCode } from './agencies.js';

export interface AgencyGuide {
  agency: {
    code: string;
    name: string;
    kind: AgencyKind;
    functions: string | null;
    officeName: string | null;
    address: string | null;
    postalCode: string | null;
    officeHours: string | null;
    phone: string | null;
    fax: string | null;
    email: string | null;
    website: string | null;
    updatedAt: Date;
  };
  /** Root first, for breadcrumbs and the 上级机关 line. */
  ancestors: { code: string; name: string }[];
  /** Active agencies directly below (a district's towns and streets). */
  children: { code: string; name: string }[];
  /** The government at the top of the tree: its 公报 and platform carry its name. */
  rootName: string;
  article21: ExtraCategories | null;
  oversight: Oversight;
  readingPlaces: string[];
}

/** The guide of an active agency, or null when the code is unknown or the agency is inactive. */
export async function loadAgencyGuide(db: Db, code: string): Promise<AgencyGuide | null> {
  const a = await findAgencyByCode(db, code);
  if (!a || !a.active) return null;
  const ancestors = await agencyAncestors(db, a);
  const children = await db
    .select({ code: agency.code, name: agency.name })
    .from(agency)
    .where(and(eq(agency.parentId, a.id), eq(agency.active, true)))
    .orderBy(asc(agency.sortOrder), asc(agency.id));
  const kind = a.kind as AgencyKind;
  const chain = ancestors.map((x) => ({ name: x.name, kind: x.kind as AgencyKind }));
  const self = { name: a.name, kind };
  return {
    agency: {
      code: a.code,
      name: a.name,
      kind,
      functions: a.functions,
      ...officeContact(a),
      updatedAt: a.updatedAt,
    },
    ancestors: ancestors.map((x) => ({ code: x.code, name: x.name })),
    children,
    rootName: ancestors[0]?.name ?? a.name,
    article21: article21Categories(kind),
    oversight: oversightOf(self, chain),
    readingPlaces: readingPlaces(self, chain),
  };
}

/** True when an active agency has this code (for the /agencies/:code redirect). */
export async function isActiveAgencyCode(db: Db, code: string): Promise<boolean> {
  const a = await findAgencyByCode(db, code);
  return Boolean(a?.active);
}
