import type { ResourceKind } from '@polity/contracts';
import type { Translator } from '../i18n/translator';
import { PostForm } from './form';
import type { WebRequest } from './web-request';

export interface FollowFormProps {
  t: Translator;
  web: WebRequest;
  kind: ResourceKind;
  id: string;
  following: boolean;
  /** The button's words for following this kind of thing ("Follow this budget"). */
  label: string;
}

/** Follow or stop following a budget, survey, thread or meeting; sent to `/follow`, which comes back here. */
export function FollowForm({ t, web, kind, id, following, label }: FollowFormProps) {
  if (!web.principal) return null;
  return (
    <div class="polity-actions" data-live-part="follow" data-live-quiet>
      {following && <p class="utrecht-paragraph">{t.t('follow.yours')}</p>}
      <PostForm web={web} action="/follow" live>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="back" value={web.path} />
        <input type="hidden" name="follow" value={following ? 'remove' : 'add'} />
        <button class="polity-button polity-button--secondary" type="submit" id="follow-button">
          {following ? t.t('follow.remove') : label}
        </button>
      </PostForm>
    </div>
  );
}
