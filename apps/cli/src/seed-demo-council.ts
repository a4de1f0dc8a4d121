import type { INestApplicationContext } from '@nestjs/common';
import {
  CreateAgendaItemDto,
  CreateMeetingDto,
  DecisionsService,
  LiveControlService,
  MeetingsService,
  RecordDecisionDto,
} from '@polity/council';
import type { Principal } from '@polity/platform';
import { plainToInstance } from 'class-transformer';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A council meeting under way (streamed, its second item open, one decision recorded on a resident's
 * proposal, with a roll call) and next month's meeting, scheduled.
 */
export async function seedMeetings(app: INestApplicationContext, clerk: Principal, proposalId: string): Promise<void> {
  const meetings = app.get(MeetingsService);
  const now = await meetings.create(
    clerk,
    plainToInstance(CreateMeetingDto, {
      body: 'City council',
      title: 'Monthly council meeting',
      description: 'The council decides on the proposals that reached their threshold, and hears the parks department.',
      place: 'Town hall, council chamber',
      scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    }),
  );
  const items = [];
  for (const item of [
    {
      title: 'Shade trees along Station Road',
      description: 'A residents’ proposal with enough supports.',
      links: [{ kind: 'proposals', id: proposalId }],
    },
    { title: 'Report of the parks department', description: 'Spring planting and the state of the playgrounds.' },
    { title: 'Questions from residents' },
  ])
    items.push(await meetings.addItem(clerk, now.id, plainToInstance(CreateAgendaItemDto, item)));
  const live = app.get(LiveControlService);
  await live.move(clerk, now.id, 'start');
  await live.openItem(clerk, now.id, items[0].id);
  await app.get(DecisionsService).record(
    clerk,
    now.id,
    items[0].id,
    plainToInstance(RecordDecisionDto, {
      outcome: 'approved',
      text: 'The council approves the planting of shade trees along Station Road before next summer.',
      rollCall: [
        { name: 'A. Berger', vote: 'for' },
        { name: 'M. Costa', vote: 'for' },
        { name: 'J. Dupont', vote: 'against' },
        { name: 'L. Nowak', vote: 'abstain' },
        { name: 'S. Okafor', vote: 'for' },
      ],
      proposalStatus: 'accepted',
    }),
    'demo-seed-decision-1',
  );
  await live.openItem(clerk, now.id, items[1].id);
  await meetings.create(
    clerk,
    plainToInstance(CreateMeetingDto, {
      body: 'Mobility committee',
      title: 'Mobility committee',
      place: 'Town hall, room 2',
      scheduledAt: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    }),
  );
}
