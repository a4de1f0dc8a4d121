import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Role } from '@polity/contracts';
import { CommentsService } from '@polity/comments';
import { UsersService } from '@polity/identity';
import { type PolityConfig, type Principal, UnitOfWork } from '@polity/platform';
import { ListProposalsQueryDto, ProposalsQuery, ProposalsService, ProposalSupportsService } from '@polity/proposals';
import * as argon2 from 'argon2';
import { DemoModule } from './cli.module';
import { migrate } from './migration-commands';
import { seedPublishedBudget, seedVotingBudget } from './seed-demo-budgets';
import { seedMeetings } from './seed-demo-council';
import { seedThread } from './seed-demo-codesign';
import { seedSurvey } from './seed-demo-surveys';
import { seedModeration } from './seed-demo-moderation';

/** Every demo account signs in with this password (never in production: the command refuses there). */
export const DEMO_PASSWORD = 'polity-demo-password';

const PEOPLE = [
  { email: 'amina@demo.polity.localhost', displayName: 'Amina Diallo' },
  { email: 'jonas@demo.polity.localhost', displayName: 'Jonas Weber' },
  { email: 'lucie@demo.polity.localhost', displayName: 'Lucie Martin' },
  { email: 'official@demo.polity.localhost', displayName: 'Parks department', roles: ['citizen', 'official'] as Role[] },
  { email: 'clerk@demo.polity.localhost', displayName: 'Council clerk', roles: ['citizen', 'council'] as Role[] },
  { email: 'moderator@demo.polity.localhost', displayName: 'Moderation team', roles: ['citizen', 'moderator'] as Role[] },
  { email: 'admin@demo.polity.localhost', displayName: 'Site administrator', roles: ['citizen', 'admin'] as Role[] },
];

const PROPOSALS = [
  {
    title: 'Shade trees along Station Road',
    body: 'Station Road has **no shade at all** between the station and the market. In summer the walk is hard for older people and children.\n\nPlant a row of trees on the sunny side, with benches under them.',
    tags: ['trees', 'heat'],
  },
  {
    title: 'A safe crossing by the primary school',
    body: 'Cars speed past the school gate every morning. A zebra crossing with a raised table would slow them down.',
    tags: ['traffic', 'children'],
  },
  {
    title: 'Open the library on Sunday afternoons',
    body: 'Many of us work during the week. Opening from 13:00 to 17:00 on Sundays would let families use the library together.',
    tags: ['culture'],
  },
  {
    title: 'Water fountains in the parks',
    body: 'Free drinking water in the three big parks: less plastic, and help for everyone on hot days.',
    tags: ['parks', 'heat'],
  },
];

const principal = (userId: string, roles: Role[]): Principal => ({ userId, roles, sessionId: randomUUID() });

/** A budget in its voting phase, an open survey, a co-design thread and next week's council meeting, for the home page. */
async function seedWhatIsOpen(
  app: INestApplicationContext,
  official: Principal,
  clerk: Principal,
  residents: Principal[],
  proposalId: string,
): Promise<void> {
  await seedMeetings(app, clerk, proposalId);
  await seedVotingBudget(app, official, residents);
  await seedPublishedBudget(app, official);
  await seedSurvey(app, official, [...residents, official, clerk]);
  await seedThread(app, official, residents, proposalId);
}

/** `seed:demo`: a few residents, proposals, supports, comments and an official answer, to look at the site. Refused in production. */
export async function seedDemo(config: PolityConfig): Promise<void> {
  if (config.runtime.isProduction) throw new Error('seed:demo adds made-up people and proposals; it does not run in production.');
  await migrate(config);
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const existing = await app.get(ProposalsQuery).list(Object.assign(new ListProposalsQueryDto(), { q: 'Station Road shade' }), undefined);
    if (existing.items.some((proposal) => proposal.title === PROPOSALS[0].title)) {
      console.log('The demo data is already there: open http://localhost:3000/proposals');
      return;
    }
    const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
    const users = app.get(UsersService);
    const people = await app.get(UnitOfWork).run(async (tx) => {
      const made: Principal[] = [];
      for (const person of PEOPLE) {
        const { userId } = await users.createIfNew(tx, { ...person, passwordHash });
        // Made-up addresses nobody can confirm: confirmed here, so the demo accounts get the site's mail.
        await tx.manager.query(`UPDATE user_account SET roles = $2, email_confirmed_at = now() WHERE id = $1`, [
          userId,
          person.roles ?? ['citizen'],
        ]);
        made.push(principal(userId, person.roles ?? ['citizen']));
      }
      return made;
    });
    const [amina, jonas, lucie, official, clerk, moderator] = people;
    const proposals = app.get(ProposalsService);
    const supports = app.get(ProposalSupportsService);
    const comments = app.get(CommentsService);
    const created = [];
    for (const [index, proposal] of PROPOSALS.entries())
      created.push(await proposals.create([amina, jonas, lucie, amina][index], proposal));
    for (const [index, proposal] of created.entries()) {
      for (const supporter of people.slice(0, 3 - (index % 3)))
        if (supporter.userId !== proposal.author.id) await supports.support(supporter, proposal.id);
    }
    const first = await comments.create(jonas, 'proposals', created[0].id, {
      body: 'Yes please. Lime trees smell wonderful in June.',
      alignment: 'in_favour',
    });
    await comments.create(lucie, 'proposals', created[0].id, { body: 'Could they be planted before next summer?', parentId: first.id });
    await comments.create(lucie, 'proposals', created[1].id, {
      body: 'My children cross there every day. A raised table would help.',
      alignment: 'in_favour',
    });
    await proposals.answer(official, created[3].id, {
      status: 'accepted',
      answer: 'Thank you. The parks department will install fountains in all three parks this spring.',
    });
    await seedWhatIsOpen(app, official, clerk, [amina, jonas, lucie], created[0].id);
    await seedModeration(app, moderator, [amina, jonas, lucie], created[0].id);
    console.log(
      `Demo data added: ${PEOPLE.length} people (password ${DEMO_PASSWORD}), ${created.length} proposals, a budget in its vote, a survey, a co-design thread and a council meeting. Open http://localhost:3000/`,
    );
  } finally {
    await app.close();
  }
}
