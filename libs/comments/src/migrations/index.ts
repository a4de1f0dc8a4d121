import { IndexLiveComments1795400000910 } from './1795400000910-index-live-comments.migration';
import { AnnounceCommentsWhenCleared1795400000900 } from './1795400000900-announce-comments-when-cleared.migration';
import { AddCommentModerationState1795400000720 } from './1795400000720-add-comment-moderation-state.migration';
import { CreateComments1795400000400 } from './1795400000400-create-comments.migration';

export const COMMENTS_MIGRATIONS = [
  CreateComments1795400000400,
  AddCommentModerationState1795400000720,
  AnnounceCommentsWhenCleared1795400000900,
  IndexLiveComments1795400000910,
];
