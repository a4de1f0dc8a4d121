import type { INestApplicationContext } from '@nestjs/common';
import { CreateThreadDto, PostsService, ThreadsService } from '@polity/codesign';
import type { Principal } from '@polity/platform';
import { plainToInstance } from 'class-transformer';

/** A co-design thread in its second stage: residents' problems and ideas, a reply, reactions, the first stage summarised. */
export async function seedThread(
  app: INestApplicationContext,
  official: Principal,
  residents: Principal[],
  proposalId: string,
): Promise<void> {
  const [amina, jonas, lucie] = residents;
  const threads = app.get(ThreadsService);
  const thread = await threads.create(
    official,
    plainToInstance(CreateThreadDto, {
      title: 'Library opening hours',
      serviceName: 'Public libraries',
      department: 'Culture',
      description: 'When should the libraries open? Tell us what would work for you, and we will design the new hours together.',
      links: [{ kind: 'proposals', id: proposalId }],
    }),
  );
  const posts = app.get(PostsService);
  const problem = await posts.create(amina, thread.id, {
    type: 'problem',
    body: 'I work until 18:00 every weekday, so the library is always closed when I could go.',
  });
  await posts.create(jonas, thread.id, {
    type: 'evidence',
    body: 'In the last survey, **41%** of residents said they never visit on weekdays.',
  });
  await posts.react(jonas, thread.id, problem.id, 'me_too', true);
  await posts.react(lucie, thread.id, problem.id, 'me_too', true);
  await threads.moveStage(official, thread.id, {
    stage: 'define',
    summary: 'Residents told us that working people and families cannot use the libraries at the current hours, above all on weekends.',
  });
  const idea = await posts.create(lucie, thread.id, {
    type: 'idea',
    body: 'Open on Sunday afternoons and close on Monday mornings instead.',
  });
  await posts.create(official, thread.id, { parentId: idea.id, body: 'Thank you: we are costing this option for the next stage.' });
  await posts.react(amina, thread.id, idea.id, 'support', true);
}
