// 归档: a replied letter is filed; it stays readable (and published, if it was).
import { z } from 'zod';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId, version } from './inputs.js';
import { loadForStep, takeStep } from './step.js';

const ArchiveFields = z.object({ letterId, version });

export async function archiveLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof ArchiveFields>) {
  const f = parseInput(ArchiveFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'archived', on: s.today }],
    set: { archivedAt: deps.now() },
    audit: { action: 'letter.archived', data: {} },
  });
}
