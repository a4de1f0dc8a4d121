import { PROPOSAL_STATUSES, type ProposalView } from '@polity/contracts';
import { Layout, SelectField, type Translator, type WebRequest } from '@polity/web';
import { PROPOSAL_SORTS } from '../proposals.dto';
import { ProposalSummary } from './proposal-summary';

export interface ProposalFilters {
  q?: string;
  district?: string;
  tag?: string;
  status?: string;
  sort: string;
  seed?: string;
}

export interface ProposalListProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  filters: ProposalFilters;
  districts: { code: string; name: string }[];
  proposals: ProposalView[];
  /** The address of the next page, when there is one. */
  next: string | null;
}

/** Proposals, searched, filtered and sorted by a plain GET form, paged by a link. */
export function ProposalListPage({ t, siteName, web, filters, districts, proposals, next }: ProposalListProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('proposals.list.title')} section="proposals">
      <p class="utrecht-paragraph">{t.t('proposals.list.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/proposals/new">
          {t.t('proposals.new.link')}
        </a>
      </p>
      <form class="polity-filters" method="get" action="/proposals" role="search" aria-label={t.t('proposals.filters.label')}>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="q">
            {t.t('proposals.filters.q')}
          </label>
          <input id="q" name="q" type="search" value={filters.q ?? ''} maxLength={200} />
        </div>
        <SelectField
          name="district"
          label={t.t('proposals.filters.district')}
          value={filters.district}
          options={[
            { value: '', label: t.t('proposals.filters.anyDistrict') },
            ...districts.map((d) => ({ value: d.code, label: d.name })),
          ]}
        />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="tag">
            {t.t('proposals.filters.tag')}
          </label>
          <input id="tag" name="tag" type="text" value={filters.tag ?? ''} maxLength={30} />
        </div>
        <SelectField
          name="status"
          label={t.t('proposals.filters.status')}
          value={filters.status}
          options={[
            { value: '', label: t.t('proposals.filters.anyStatus') },
            ...PROPOSAL_STATUSES.map((status) => ({ value: status, label: t.t(`proposals.status.${status}`) })),
          ]}
        />
        <SelectField
          name="sort"
          label={t.t('proposals.filters.sort')}
          value={filters.sort}
          options={PROPOSAL_SORTS.map((sort) => ({ value: sort, label: t.t(`proposals.sort.${sort}`) }))}
        />
        {filters.seed && <input type="hidden" name="seed" value={filters.seed} />}
        <button class="polity-button" type="submit">
          {t.t('proposals.filters.submit')}
        </button>
      </form>
      {proposals.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('proposals.none')}</p>
      ) : (
        <ul class="polity-list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalSummary proposal={proposal} t={t} />
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={next}>
            {t.t('proposals.next')}
          </a>
        </p>
      )}
    </Layout>
  );
}
