import type { ModerationAction, ReasonCategory, ReportReason } from '@polity/contracts';
import { Problems, Transaction } from '@polity/platform';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationTemplateEntity } from '../entities/moderation-template.entity';
import type { DecisionInputDto } from './moderation-queue.dto';

const ROUTINE_STATEMENT = 'A moderator reviewed this contribution and found that it keeps to the participation rules.';

/** The statement of reasons and its category: the template's text, then the moderator's own words. */
export async function statementFor(
  tx: Transaction,
  item: ModerationItemEntity,
  input: Pick<DecisionInputDto, 'action' | 'reason' | 'template' | 'statement'>,
): Promise<{ statement: string; reason: ReasonCategory }> {
  const template = input.template ? await tx.manager.findOneBy(ModerationTemplateEntity, { key: input.template }) : null;
  if (input.template && !template) {
    throw Problems.unprocessable('unknown_template', `There is no statement template ${input.template}.`, [
      { field: 'template', rule: 'exists', message: 'no such template' },
    ]);
  }
  const statement = [template?.body, input.statement].filter((part): part is string => Boolean(part)).join('\n\n');
  if (statement === '' && removes(input.action)) {
    throw Problems.unprocessable(
      'statement_required',
      'Hiding content or blocking an author needs a statement of reasons: a template, your own words, or both.',
      [{ field: 'statement', rule: 'required', message: 'give a template or a statement' }],
    );
  }
  const reason =
    input.reason ?? template?.reason ?? (await mostReported(tx, item)) ?? (item.origin === 'screening' ? 'screening' : 'other');
  return { statement: statement || ROUTINE_STATEMENT, reason };
}

export function removes(action: ModerationAction): boolean {
  return action === 'hide' || action === 'block';
}

async function mostReported(tx: Transaction, item: ModerationItemEntity): Promise<ReportReason | null> {
  const [row] = await tx.manager.query<{ reason: ReportReason | null }[]>(
    `SELECT mode() WITHIN GROUP (ORDER BY reason) AS reason FROM moderation_report WHERE item_id = $1 AND resolved_at IS NULL`,
    [item.id],
  );
  return row?.reason ?? null;
}
