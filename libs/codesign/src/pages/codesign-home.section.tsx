import { Injectable } from '@nestjs/common';
import { HomeItem, HomeList, HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
import type { VNode } from 'preact';
import { ListThreadsQueryDto } from '../threads/threads.dto';
import { ThreadsQuery } from '../timeline/threads.query';
import { CODESIGN_MESSAGES } from './codesign.messages';
import { stageName } from './thread-post-item';

/** Open co-design threads and the stage each is at, on the home page. */
@HomeSection({ order: 40 })
@Injectable()
export class CodesignHomeSection implements HomeSectionProvider {
  readonly catalogue = CODESIGN_MESSAGES;

  constructor(private readonly threads: ThreadsQuery) {}

  async render(t: Translator): Promise<VNode | null> {
    const open = await this.threads.list(Object.assign(new ListThreadsQueryDto(), { status: 'open', limit: 5 }), undefined);
    if (open.items.length === 0) return null;
    return (
      <HomeList
        id="home-threads"
        title={t.t('codesign.home.title')}
        items={open.items}
        keyOf={(thread) => thread.id}
        more={{ href: '/threads', label: t.t('codesign.home.all') }}
        render={(thread) => (
          <HomeItem title={thread.title} href={`/threads/${thread.id}`}>
            {/* Stage and service names are the officials' own words, as they wrote them. */}
            <span>{t.t('codesign.home.stage', { service: thread.serviceName, stage: stageName(t, thread.currentStage) })}</span>
            <span>{t.t('codesign.home.posts', { count: thread.postCount })}</span>
          </HomeItem>
        )}
      />
    );
  }
}
