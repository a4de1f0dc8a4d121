import type { INestApplicationContext } from '@nestjs/common';
import { CommentsService } from '@polity/comments';
import { ModerationSettingsService, ReportsService } from '@polity/moderation';
import type { Principal } from '@polity/platform';

/** Two statement templates, and comments reported by residents, so the moderators' queue has work in it. */
export async function seedModeration(
  app: INestApplicationContext,
  moderator: Principal,
  residents: Principal[],
  proposalId: string,
): Promise<void> {
  const settings = app.get(ModerationSettingsService);
  await settings.putTemplate(moderator, 'personal_data', {
    key: 'personal_data',
    title: 'Personal data',
    reason: 'personal_data',
    body: 'Your contribution named or described a private person. We hid it to protect them; you are welcome to post again without it.',
  });
  await settings.putTemplate(moderator, 'spam', {
    key: 'spam',
    title: 'Advertising',
    reason: 'spam',
    body: 'Your contribution advertised a business. Polity is for discussing local decisions, so we hid it.',
  });
  const [amina, jonas, lucie] = residents;
  const comments = app.get(CommentsService);
  const reports = app.get(ReportsService);
  const advert = await comments.create(jonas, 'proposals', proposalId, {
    body: 'Best garden centre in town: 20% off all trees this week at GreenLeaf!',
  });
  const neighbour = await comments.create(lucie, 'proposals', proposalId, {
    body: 'The man at number 12 on Station Road cut down the last tree himself, everybody knows it.',
  });
  await reports.report(amina, { kind: 'comments', id: advert.id, reason: 'spam' });
  await reports.report(amina, { kind: 'comments', id: neighbour.id, reason: 'personal_data', note: 'Names a neighbour.' });
  await reports.report(jonas, { kind: 'comments', id: neighbour.id, reason: 'personal_data' });
}
