// A writer's contact details in full, for staff who must call or write back (letter.personalData):
// decrypted on demand and audited (who looked, at which letter). Not a step of the letter.
import { z } from 'zod';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId } from './inputs.js';
import { loadLetter } from '../../db/repositories/letters.js';
import { authorize } from '../../policies/policy.js';
import { letterScope } from './step.js';

const RevealFields = z.object({ letterId });

export interface WriterContact {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export async function revealLetterPersonalData(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof RevealFields>,
): Promise<WriterContact> {
  const f = parseInput(RevealFields, input);
  const loaded = await loadLetter(deps.db, f.letterId);
  authorize(ctx.actor, 'letter.personalData', letterScope(ctx.actor, loaded));
  const l = loaded.letter;
  const p = deps.personalData;
  const contact = {
    name: l.writerName,
    phone: p.decrypt(l.phoneEnc),
    email: p.decrypt(l.emailEnc),
    address: p.decrypt(l.addressEnc),
  };
  await inTransaction(deps, ctx, (_tx, audit) =>
    audit({
      action: 'letter.personalDataViewed',
      subjectType: 'letter',
      subjectId: l.id,
      agencyId: l.agencyId,
      data: { trackingNumber: l.trackingNumber },
    }),
  );
  return contact;
}
