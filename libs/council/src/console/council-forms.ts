import { DECIDABLE_PROPOSAL_STATUSES, DECISION_OUTCOMES, ROLL_CALL_VOTES, type RollCallVote } from '@polity/contracts';
import { type FieldError, formText, isoToZoned, resourceLinksFrom, type Translator, zonedToIso } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CorrectDecisionDto, RecordDecisionDto } from '../decisions/decisions.dto';
import { CreateAgendaItemDto, CreateMeetingDto, UpdateMeetingDto } from '../meetings/meetings.dto';
import type { MeetingView } from '@polity/contracts';

/** The fields of a form as typed, to show again beside its problems. */
export type Draft = Record<string, string>;

export interface Read<T> {
  input: T;
  draft: Draft;
  errors: FieldError[];
}

const problemsOf = async (input: object): Promise<Set<string>> => new Set((await validate(input)).map((error) => error.property));

export async function readMeetingForm(t: Translator, form: Record<string, unknown>, timeZone: string): Promise<Read<CreateMeetingDto>> {
  const draft: Draft = {
    body: formText(form.body, 200),
    title: formText(form.title, 300),
    place: formText(form.place, 400),
    scheduledAt: formText(form.scheduledAt, 16),
    endsAt: formText(form.endsAt, 16),
    streamUrl: formText(form.streamUrl, 2000).trim(),
    description: formText(form.description, 20_000),
  };
  const scheduledAt = zonedToIso(draft.scheduledAt, timeZone);
  const endsAt = draft.endsAt ? zonedToIso(draft.endsAt, timeZone) : undefined;
  const input = plainToInstance(CreateMeetingDto, {
    body: draft.body,
    title: draft.title,
    place: draft.place,
    scheduledAt: scheduledAt ?? 'invalid',
    ...(endsAt !== undefined && { endsAt: endsAt ?? 'invalid' }),
    ...(draft.streamUrl && { streamUrl: draft.streamUrl }),
    description: draft.description,
  });
  const invalid = await problemsOf(input);
  if (endsAt && scheduledAt && endsAt <= scheduledAt) invalid.add('endsAt');
  const errors = ['body', 'title', 'place', 'scheduledAt', 'endsAt', 'description']
    .filter((field) => invalid.has(field))
    .map((field) => ({ field, message: t.t(`cc.invalid.${field}`) }));
  return { input, draft, errors };
}

export async function readAgendaItemForm(t: Translator, form: Record<string, unknown>): Promise<Read<CreateAgendaItemDto>> {
  const draft: Draft = {
    title: formText(form.title, 300),
    description: formText(form.description, 20_000),
    links: formText(form.links, 5000),
  };
  const { links, unknown } = resourceLinksFrom(draft.links);
  const input = plainToInstance(CreateAgendaItemDto, { title: draft.title, description: draft.description, links });
  const invalid = await problemsOf(input);
  const errors: FieldError[] = [];
  if (invalid.has('title')) errors.push({ field: 'item-title', message: t.t('cc.invalid.title') });
  if (invalid.has('description')) errors.push({ field: 'item-description', message: t.t('cc.invalid.description') });
  if (unknown.length > 0 || invalid.has('links'))
    errors.push({ field: 'links', message: t.t('cc.invalid.links', { lines: unknown.join(', ') }) });
  return { input, draft, errors };
}

const count = (value: string): number | undefined => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : undefined);

/** `Name: for` per line, the vote in English or French, the separator a colon or a tab (a pasted spreadsheet). */
const VOTE_WORDS: Record<string, RollCallVote> = { pour: 'for', contre: 'against', abstention: 'abstain', absent: 'absent' };
function readRollCall(text: string): { entries: { name: string; vote: RollCallVote }[]; badLine: number | null } {
  const entries: { name: string; vote: RollCallVote }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [, name, said] = /^(.+?)\s*[:\t]\s*([\p{L}]+)$/u.exec(line) ?? [];
    const word = said?.toLowerCase() ?? '';
    const vote = (ROLL_CALL_VOTES as readonly string[]).includes(word) ? (word as RollCallVote) : VOTE_WORDS[word];
    if (!name || !vote) return { entries, badLine: index + 1 };
    entries.push({ name: name.trim(), vote });
  }
  return { entries, badLine: null };
}

/** A decision as the clerk typed it; with `correction`, the reason for correcting a recorded one. */
export async function readDecisionForm(
  t: Translator,
  form: Record<string, unknown>,
  correction: boolean,
): Promise<Read<RecordDecisionDto | CorrectDecisionDto>> {
  const draft: Draft = {
    outcome: formText(form.outcome, 20),
    text: formText(form.text, 20_000),
    for: formText(form.for, 7),
    against: formText(form.against, 7),
    abstain: formText(form.abstain, 7),
    rollCall: formText(form.rollCall, 30_000),
    proposalStatus: formText(form.proposalStatus, 20),
    reason: formText(form.reason, 2000),
  };
  const errors: FieldError[] = [];
  const rollCall = readRollCall(draft.rollCall);
  if (rollCall.badLine !== null) errors.push({ field: 'rollCall', message: t.t('cc.invalid.rollCall', { line: rollCall.badLine }) });
  const votes = { for: count(draft.for), against: count(draft.against), abstain: count(draft.abstain) };
  const typedVotes = [draft.for, draft.against, draft.abstain].some((value) => value.trim() !== '');
  const hasRollCall = rollCall.entries.length > 0;
  if ((!hasRollCall || typedVotes) && (votes.for === undefined || votes.against === undefined || votes.abstain === undefined))
    errors.push({ field: 'for', message: t.t('cc.invalid.votes') });
  const fields = {
    outcome: (DECISION_OUTCOMES as readonly string[]).includes(draft.outcome) ? draft.outcome : 'approved',
    text: draft.text,
    ...(votes.for !== undefined && votes.against !== undefined && votes.abstain !== undefined && { votes }),
    ...(hasRollCall && { rollCall: rollCall.entries }),
    ...((DECIDABLE_PROPOSAL_STATUSES as readonly string[]).includes(draft.proposalStatus) && { proposalStatus: draft.proposalStatus }),
  };
  const input = correction
    ? plainToInstance(CorrectDecisionDto, { ...fields, reason: draft.reason })
    : plainToInstance(RecordDecisionDto, fields);
  const invalid = await problemsOf(input);
  if (invalid.has('text')) errors.unshift({ field: 'text', message: t.t('cc.invalid.text') });
  if (correction && invalid.has('reason')) errors.push({ field: 'reason', message: t.t('cc.invalid.correction') });
  if (invalid.has('rollCall') && rollCall.badLine === null)
    errors.push({ field: 'rollCall', message: t.t('cc.invalid.rollCall', { line: 1 }) });
  return { input, draft, errors };
}

/** A meeting's details as the console's details form shows them. */
export function detailsDraftOf(meeting: MeetingView, timeZone: string): Draft {
  return {
    body: meeting.body,
    title: meeting.title,
    place: meeting.place,
    scheduledAt: isoToZoned(meeting.scheduledAt, timeZone),
    endsAt: meeting.endsAt ? isoToZoned(meeting.endsAt, timeZone) : '',
    streamUrl: meeting.stream?.url ?? '',
    recordingUrl: meeting.recordingUrl ?? '',
    description: meeting.description,
    minutes: meeting.minutes ?? '',
  };
}

/** The details form: the scheduling fields as when scheduling, an emptied stream removed, and after the meeting its recording and minutes. */
export async function readDetailsForm(t: Translator, form: Record<string, unknown>, timeZone: string): Promise<Read<UpdateMeetingDto>> {
  const scheduling = await readMeetingForm(t, form, timeZone);
  const draft: Draft = {
    ...scheduling.draft,
    recordingUrl: formText(form.recordingUrl, 2000).trim(),
    minutes: formText(form.minutes, 200_000),
  };
  const input = plainToInstance(UpdateMeetingDto, {
    ...scheduling.input,
    streamUrl: draft.streamUrl || null,
    recordingUrl: draft.recordingUrl || null,
    minutes: draft.minutes.trim() ? draft.minutes : null,
  });
  const errors = [...scheduling.errors];
  if ((await problemsOf(input)).has('recordingUrl')) errors.push({ field: 'recordingUrl', message: t.t('cc.invalid.recordingUrl') });
  return { input, draft, errors };
}
