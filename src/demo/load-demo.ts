// Loads the demo city through the ordinary commands (so it is audited like any other data).
import { createAgency } from '../commands/create-agency.js';
import { createUser } from '../commands/create-user.js';
import type { Deps } from '../commands/context.js';
import { markDemoData } from '../commands/mark-demo-data.js';
import { loadDemoApplications } from '../commands/demo-applications.js';
import { loadDemoDocuments } from '../commands/demo-documents.js';
import { loadDemoLetters } from '../commands/demo-letters.js';
import { loadDemoEngagementExtra, type DemoEngagementLoaded } from './engagement-extra.js';
import { demoLetters, demoMailboxes } from './letters.js';
import { createAppeal } from '../commands/appeals.js';
import { loadWorkCalendar } from '../queries/calendar.js';
import { localDate } from '../lib/time.js';
import { demoAppeals, demoApplications, demoNoticePrefixes } from './applications.js';
import { demoDocuments } from './documents.js';
import { loadDemoConsultations } from './consultations.js';
import { loadDemoQa } from './qa.js';
import { Conflict } from '../domain/errors.js';
import { agencyTotal } from '../queries/installation.js';
import { DEMO_CITY, DEMO_PASSWORD, DEMO_USERS, type DemoAgency } from './city.js';
import { demoContact, demoPlaceName, type DemoSlot } from './contacts.js';
import { demoHistory } from './annual-appeals.js';
import { loadDemoAnnualReports, type DemoAnnualReportsLoaded } from './annual-load.js';

const SYSTEM = { actor: { system: true as const, label: '演示数据加载' } };

/** argon2 hashes run on the libuv pool; a few at a time keeps loading fast without hogging it. */
const HASH_CONCURRENCY = 4;

export interface DemoLoadResult {
  agencies: number;
  users: { login: string; password: string; role: string; agencyCode: string; displayName: string }[];
  /** Disclosure applications and appeals of the demo year (src/demo/applications.ts). */
  applications: number;
  appeals: number;
  /** The application whose query code is fixed, for trying the public lookup. */
  showcase: { trackingNumber: string; queryCode: string } | null;
  /** The document library (src/demo/documents.ts): documents, 政策解读 and gazette issues. */
  documents: number;
  interpretations: number;
  gazetteIssues: number;
  /** 意见征集 (src/demo/consultations.ts): two with their feedback reports published, one open. */
  consultations: number;
  consultationOpinions: number;
  /** 答问知识库 (src/demo/qa.ts): published, draft and withdrawn Q&A items. */
  qaItems: number;
  /** 政民互动 (src/demo/letters.ts): the mailboxes and a year of letters in every state. */
  mailboxes: number;
  letters: number;
  /** The letter whose query code is fixed, for trying the letter lookup and the rating. */
  letterShowcase: { trackingNumber: string; queryCode: string } | null;
  /** 网上调查 and 在线访谈 (src/demo/engagement-extra.ts): a survey with its results, an interview. */
  engagement: DemoEngagementLoaded;
  /** With `annualReports`: the 2019–2020 history and the published 2020 reports (issue 12). */
  annualReports?: DemoAnnualReportsLoaded & { applications: number };
}

export interface DemoLoadOptions {
  /**
   * Also load 2019–2020 applications, appeals and figures, and publish the city's 2020 annual
   * reports (src/demo/annual-*.ts). Off by default: the demo's year of work stays the current year.
   */
  annualReports?: boolean;
}

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  return (await agencyTotal(deps.db)) === 0;
}

function countAgencies(a: DemoAgency): number {
  return 1 + (a.children ?? []).reduce((n, c) => n + countAgencies(c), 0);
}

type Progress = (done: number, total: number) => void;

/**
 * Loads the demo city into an EMPTY database and marks the data as demo data (every page then shows
 * the banner). Refuses, before writing anything, when agencies exist: a second run changes nothing.
 */
export async function loadDemo(
  deps: Deps & { refreshDemoFlag?: () => Promise<void> },
  onProgress: Progress = () => {},
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  if (!(await isDatabaseEmpty(deps)))
    throw new Conflict('数据库中已有机构数据，演示数据只能加载到空数据库。');
  const total = countAgencies(DEMO_CITY) + DEMO_USERS.length + 2;
  let done = 0;
  const tick = () => onProgress(++done, total);
  const ids = await loadAgencies(deps, tick);
  await loadUsers(deps, ids, tick);
  const { history, ...work } = await loadApplications(deps, options.annualReports === true);
  tick();
  const library = await loadDocuments(deps);
  tick();
  const consultations = await loadDemoConsultations(deps, SYSTEM, localDate(deps.now()));
  const qa = await loadDemoQa(deps, SYSTEM, localDate(deps.now()));
  const letters = await loadLetters(deps);
  const engagement = await loadDemoEngagementExtra(deps, SYSTEM, localDate(deps.now()));
  const annualReports = history
    ? { applications: history.ids.length, ...(await loadDemoAnnualReports(deps, SYSTEM, history)) }
    : undefined;
  await markDemoData(deps, SYSTEM, { agencies: ids.size, users: DEMO_USERS.length });
  await deps.refreshDemoFlag?.();
  return {
    agencies: ids.size,
    users: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    ...work,
    ...library,
    ...consultations,
    ...qa,
    ...letters,
    engagement,
    ...(annualReports ? { annualReports } : {}),
  };
}

/** Some 4,000 documents since 2019 with their relations, 政策解读 and the city's gazette. */
async function loadDocuments(
  deps: Deps,
): Promise<Pick<DemoLoadResult, 'documents' | 'interpretations' | 'gazetteIssues'>> {
  const loaded = await loadDemoDocuments(deps, SYSTEM, demoDocuments(localDate(deps.now())));
  return {
    documents: loaded.documents,
    interpretations: loaded.interpretations,
    gazetteIssues: loaded.gazetteIssues,
  };
}

/** The mailboxes of the leaders, the agencies and 公众监督, and a year of letters up to today. */
async function loadLetters(
  deps: Deps,
): Promise<Pick<DemoLoadResult, 'mailboxes' | 'letters' | 'letterShowcase'>> {
  const today = localDate(deps.now());
  const calendar = await loadWorkCalendar(deps.db);
  const loaded = await loadDemoLetters(deps, SYSTEM, demoMailboxes(), demoLetters(calendar, today));
  return { mailboxes: loaded.mailboxes, letters: loaded.letters, letterShowcase: loaded.showcase };
}

/** A year of disclosure applications up to today, and appeals against some refusals. */
async function loadApplications(deps: Deps, withHistory: boolean) {
  const today = localDate(deps.now());
  const calendar = await loadWorkCalendar(deps.db);
  const cases = demoApplications(calendar, today);
  // The 2019–2020 history goes in with them (one bulk load), after them in the list.
  const past = withHistory ? demoHistory(calendar) : null;
  const loaded = await loadDemoApplications(
    deps,
    SYSTEM,
    [...cases, ...(past?.cases ?? [])],
    demoNoticePrefixes(),
  );
  // A handful: through the register's own command, one at a time.
  const appeals = demoAppeals(cases, today);
  for (const { application, decidedOn, note, ...a } of appeals)
    await createAppeal(deps, SYSTEM, {
      ...a,
      applicationId: loaded.ids[application]!,
      ...(decidedOn ? { decidedOn } : {}),
      ...(note ? { note } : {}),
    });
  const history = past && { history: past.cases, ids: loaded.ids.slice(cases.length), appeals: past.appeals };
  return { applications: cases.length, appeals: appeals.length, showcase: loaded.showcase, history };
}

/** Creates the tree top-down (a parent before its children); returns code → id. */
async function loadAgencies(deps: Deps, tick: () => void): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const create = async (
    a: DemoAgency,
    parentId: number | null,
    order: number,
    slot: DemoSlot,
    areaName: string,
  ) => {
    const { children: _children, ...fields } = a;
    const row = await createAgency(deps, SYSTEM, parentId, {
      ...fields,
      sortOrder: order,
      ...demoContact(a, slot, areaName),
    });
    ids.set(a.code, row.id);
    tick();
    return row.id;
  };
  const rootId = await create(DEMO_CITY, null, 0, { area: 0, index: 0 }, '江南市');
  let cityIndex = 0;
  let area = 0;
  for (const [i, child] of (DEMO_CITY.children ?? []).entries()) {
    const hasPlaces = (child.children ?? []).length > 0;
    const slot = hasPlaces ? { area: ++area, index: 0 } : { area: 0, index: ++cityIndex };
    const areaName = hasPlaces ? demoPlaceName(child.name) : '江南市';
    const childId = await create(child, rootId, (i + 1) * 10, slot, areaName);
    for (const [j, p] of (child.children ?? []).entries())
      await create(p, childId, (j + 1) * 10, { area: slot.area, index: j + 1 }, areaName);
  }
  return ids;
}

async function loadUsers(deps: Deps, ids: Map<string, number>, tick: () => void): Promise<void> {
  const queue = [...DEMO_USERS];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      await createUser(deps, SYSTEM, {
        login: u.login,
        displayName: u.displayName,
        role: u.role,
        agencyId: ids.get(u.agencyCode)!,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      tick();
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
}
