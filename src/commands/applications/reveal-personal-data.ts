// Shows an applicant's personal data in full (identity number, phone, e-mail, address) to an officer
// who needs it — to post a reply, to call the applicant. Lists and pages show it masked; seeing it
// whole is a right of its own (application.personalData) and every look is audited, in the same
// transaction as the decryption is handed out.
import { z } from 'zod';
import { loadCase } from '../../db/repositories/applications.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

const RevealFields = z.object({
  applicationId: z.coerce.number().int().positive(),
});

export interface PersonalData {
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export async function revealPersonalData(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof RevealFields>,
): Promise<PersonalData> {
  const f = parseInput(RevealFields, input);
  const loaded = await loadCase(deps.db, f.applicationId);
  authorize(ctx.actor, 'application.personalData', { agencyPath: loaded.agencyPath });
  const p = deps.personalData;
  const app = loaded.app;
  const data: PersonalData = {
    idNumber: p.decrypt(app.idNumberEnc),
    phone: p.decrypt(app.phoneEnc),
    email: p.decrypt(app.emailEnc),
    address: p.decrypt(app.addressEnc),
  };
  return inTransaction(deps, ctx, async (_tx, audit) => {
    // Who looked, at which case: never the data itself (the audit log is not a second copy of it).
    await audit({
      action: 'application.personalDataViewed',
      subjectType: 'application',
      subjectId: app.id,
      agencyId: app.agencyId,
      data: { trackingNumber: app.trackingNumber },
    });
    return data;
  });
}
