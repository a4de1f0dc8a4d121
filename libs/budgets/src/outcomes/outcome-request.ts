import { Problems } from '@polity/platform';
import type { OutcomeRequest } from '../rules/outcome';
import type { RequestOutcomeDto } from './outcomes.dto';

/** The rule and its options with every default filled in; 422 for an option of another rule. */
export function toOutcomeRequest(dto: RequestOutcomeDto): OutcomeRequest {
  const options = dto.options ?? {};
  const foreign =
    dto.rule === 'greedy'
      ? (['completion', 'exhaustiveStop'] as const).filter((key) => options[key] !== undefined)
      : (['stopAtFirstMisfit'] as const).filter((key) => options[key] !== undefined);
  if (foreign.length > 0) {
    throw Problems.unprocessable(
      'option_not_for_rule',
      `${foreign.join(', ')} does not apply to ${dto.rule}.`,
      foreign.map((key) => ({ field: `options.${key}`, rule: 'not_for_rule', message: `not an option of ${dto.rule}` })),
    );
  }
  return dto.rule === 'greedy'
    ? { rule: 'greedy', options: { stopAtFirstMisfit: options.stopAtFirstMisfit ?? false } }
    : {
        rule: 'equal-shares',
        options: { completion: options.completion ?? 'add1-greedy', exhaustiveStop: options.exhaustiveStop ?? true },
      };
}
