import { type CommentDraft, type CommentSort, type CommentThreadDto, Conversation } from '@polity/comments';
import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import { renderMarkdown } from '@polity/platform';
import { FollowForm, Layout, type LiveConfig, type Translator, type WebRequest } from '@polity/web';
import { type Place, ProjectFacts } from './budget-parts';

export interface BudgetProjectPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  project: BudgetProjectView;
  comments: CommentThreadDto[];
  moreComments: string | null;
  commentDraft: CommentDraft;
  commentSort: CommentSort;
  following: boolean;
  live: LiveConfig;
  place: Place;
}

/** One project of a budget: what it is, what it costs, whether it can be done, and its conversation. */
export function BudgetProjectPage(props: BudgetProjectPageProps) {
  const { t, siteName, web, budget, project, live } = props;
  const page = `/budgets/${budget.id}/projects/${project.id}`;
  const mine = project.suggestedBy?.id === web.principal?.userId;
  return (
    <Layout t={t} siteName={siteName} web={web} title={project.title} section="budgets" live={live}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/budgets/${budget.id}#project-${project.id}`}>
          {t.t('budgets.project.back', { budget: budget.title })}
        </a>
      </p>
      {project.moderationState !== 'visible' && (
        <p class="polity-notice" role="note">
          {t.t(project.moderationState === 'held' ? 'budgets.project.held' : 'budgets.project.hidden')}
        </p>
      )}
      <div data-live-part="project" data-live-quiet>
        <ProjectFacts t={t} budget={budget} project={project} place={props.place} />
        {/* Markdown rendered to an allow-listed subset by the platform. */}
        <div class="polity-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(project.description) }} />
      </div>
      <FollowForm t={t} web={web} kind="budget-projects" id={project.id} following={props.following} label={t.t('budgets.follow')} />
      {web.principal && !mine && project.moderationState === 'visible' && project.suggestedBy && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/report?kind=budget-projects&id=${project.id}&back=${encodeURIComponent(page)}`}>
            {t.t('budgets.project.report')}
          </a>
        </p>
      )}
      <Conversation
        t={t}
        web={web}
        page={page}
        comments={props.comments}
        sort={props.commentSort}
        more={props.moreComments}
        draft={props.commentDraft}
        open={project.moderationState === 'visible' && budget.phase !== 'published'}
      />
    </Layout>
  );
}
