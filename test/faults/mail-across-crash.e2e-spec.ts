import { JobQueue } from '@polity/queue';
import {
  confirmEmail,
  createProposal,
  createTestApp,
  expectEventually,
  type MailCatcher,
  registerUser,
  type RunningApp,
  startMailCatcher,
  startTestWorker,
} from '@polity/testing';
import { DataSource } from 'typeorm';

/**
 * A notification run cut short after it stored a notification but before its mail job reached Redis
 * (a worker killed, Redis away at that moment): the retry stores nothing new, so only the job's record,
 * written with the notification, can still send the mail. It is sent, once.
 */
describe('faults: a notification mail across a cut-short run', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await createTestApp({ SMTP_URL: mail.url });
    worker = await startTestWorker({ SMTP_URL: mail.url, JOB_RECOVERY_AFTER_MS: '500' });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await mail.close();
  });

  it('sends the reply mail once although the first run stopped before queueing it', async () => {
    const jobs = worker.app.get(JobQueue);
    const add = jobs.add.bind(jobs);
    let cut = 0;
    // The fault: the first hand-over of a mail job to Redis fails, after the notification committed.
    jest.spyOn(jobs, 'add').mockImplementation(async (batch) => {
      if (cut === 0 && batch.some((job) => job.name === 'mail.notification')) {
        cut++;
        throw new Error('the run ends here');
      }
      return add(batch);
    });
    const author = await confirmEmail(api, await registerUser(api));
    const proposal = await createProposal(api, await registerUser(api));
    const first = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Shade near the playground, please.' })
      .expect(201);
    await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', (await registerUser(api)).auth)
      .send({ body: 'Yes, and a fountain.', parentId: first.body.id as string })
      .expect(201);

    await mail.next(author.email, (message) => message.subject.startsWith('A reply to your comment'), 20_000);
    expect(cut).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mail.to(author.email).filter((message) => message.subject.startsWith('A reply to your comment'))).toHaveLength(1);
    // Its record went with the work done.
    await expectEventually(
      async () => expect(await api.app.get(DataSource).query(`SELECT job_id FROM queued_job WHERE name = 'mail.notification'`)).toEqual([]),
      5_000,
      100,
    );
  }, 40_000);
});
