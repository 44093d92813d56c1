// The demo city's interview (src/demo/engagement-extra.ts) in one go: an interview in the past,
// announced, with its guests, its questions (asked before and during; most answered live, some
// after the end, a few still open) and its published transcript. Saving, announcing and asking one
// command at a time would refuse an interview whose time has passed; this command checks the same
// fields (parseGuests, parseTranscript, the masked names) and writes the rows in one transaction with
// one audit event. The rows are marked synthetic.
import { eq } from 'drizzle-orm';
import { InvalidInput } from '../../domain/errors.js';
import { parseGuests, parseTranscript, type QuestionPhase } from '../../domain/interviews/interview.js';
import { agency, interview, interviewQuestion } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { askerDisplayName } from './questions.js';

export interface DemoInterviewInput {
  agencyCode: string;
  title: string;
  intro: string;
  startsAt: Date;
  endsAt: Date;
  answerWithinDays: number;
  /** 「姓名，职务」 one a line, as the back-office form. */
  guests: string;
  /** 「发言人：内容」 one a line, as the transcript editor. */
  transcript: string;
  transcriptPublishedAt: Date | null;
  questions: {
    name: string | null;
    content: string;
    askedAt: Date;
    phase: QuestionPhase;
    answer: { text: string; by: string; at: Date } | null;
  }[];
}

export async function loadDemoInterview(deps: Deps, ctx: CommandContext, input: DemoInterviewInput) {
  const guests = parseGuests(input.guests);
  const transcript = parseTranscript(input.transcript);
  const problems = [...guests.errors, ...transcript.errors];
  if (problems.length) throw new InvalidInput({ _form: problems.join('；') }, '演示访谈的内容有误');
  const [owner] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.code, input.agencyCode));
  if (!owner) throw new InvalidInput({ agencyCode: `机构 ${input.agencyCode} 不存在` });
  authorize(ctx.actor, 'engagement.publish', { agencyPath: owner.path });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(interview)
      .values({
        agencyId: owner.id,
        title: input.title,
        intro: input.intro,
        guests: guests.guests,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        answerWithinDays: input.answerWithinDays,
        state: input.transcriptPublishedAt ? 'transcript_published' : 'announced',
        transcript: transcript.lines,
        transcriptPublishedAt: input.transcriptPublishedAt,
        synthetic: true,
      })
      .returning({ id: interview.id });
    if (input.questions.length)
      await tx.insert(interviewQuestion).values(
        input.questions.map((q) => ({
          interviewId: row!.id,
          askerName: q.name,
          askerNameMasked: askerDisplayName(q.name),
          content: q.content,
          askedAt: q.askedAt,
          phase: q.phase,
          status: q.answer ? 'answered' : 'pending',
          answer: q.answer?.text ?? null,
          answeredBy: q.answer?.by ?? null,
          answeredAt: q.answer?.at ?? null,
        })),
      );
    await audit({
      action: 'interview.demo-loaded',
      subjectType: 'interview',
      subjectId: row!.id,
      agencyId: owner.id,
      data: { title: input.title, questions: input.questions.length },
    });
    return { id: row!.id, questions: input.questions.length };
  });
}
