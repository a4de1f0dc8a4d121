import { ConsoleNotice, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { BlockDto } from '../appeals/blocks.dto';
import { ModerationNav } from './moderation-nav';

export const BLOCKS_PATH = '/staff/moderation/blocks';

interface BlocksPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  blocks: BlockDto[];
  news?: string;
  refusal?: ComponentChildren;
}

/** The accounts blocked now, each with the reason told to them and a button to lift the block. */
export function BlocksPage({ t, siteName, web, blocks, news, refusal }: BlocksPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('modc.blocks.title')} section="staff">
      <ModerationNav t={t} current={BLOCKS_PATH} />
      <ConsoleNotice news={news} refusal={refusal} />
      {blocks.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('modc.blocks.empty')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('modc.blocks.person')}</th>
                <th scope="col">{t.t('modc.blocks.reason')}</th>
                <th scope="col">{t.t('modc.blocks.since')}</th>
                <th scope="col">{t.t('modc.blocks.until')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {blocks.map((block) => (
                <tr key={block.id}>
                  <th scope="row">{block.displayName}</th>
                  <td>{block.reason}</td>
                  <td>{t.date(block.createdAt)}</td>
                  <td>{block.until ? t.date(block.until) : t.t('modc.blocks.forever')}</td>
                  <td>
                    <PostForm web={web} action={`${BLOCKS_PATH}/${block.id}/lift`}>
                      <button class="polity-button polity-button--secondary" type="submit">
                        {t.t('modc.blocks.lift', { name: block.displayName })}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
