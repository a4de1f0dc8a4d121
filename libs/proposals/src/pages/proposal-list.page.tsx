import { PROPOSAL_STATUSES, type ProposalView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';
import { PROPOSAL_SORTS } from '../proposals.dto';
import { ProposalSummary } from './proposal-summary';

export interface ProposalFilters {
  q?: string;
  district?: string;
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
      <form class="polity-filters" method="get" action="/proposals" role="search" aria-label={t.t('proposals.filters.label')}>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="q">
            {t.t('proposals.filters.q')}
          </label>
          <input id="q" name="q" type="search" value={filters.q ?? ''} maxLength={200} />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="district">
            {t.t('proposals.filters.district')}
          </label>
          <select id="district" name="district">
            <option value="">{t.t('proposals.filters.anyDistrict')}</option>
            {districts.map((district) => (
              <option key={district.code} value={district.code} selected={district.code === filters.district}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="status">
            {t.t('proposals.filters.status')}
          </label>
          <select id="status" name="status">
            <option value="">{t.t('proposals.filters.anyStatus')}</option>
            {PROPOSAL_STATUSES.map((status) => (
              <option key={status} value={status} selected={status === filters.status}>
                {t.t(`proposals.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="sort">
            {t.t('proposals.filters.sort')}
          </label>
          <select id="sort" name="sort">
            {PROPOSAL_SORTS.map((sort) => (
              <option key={sort} value={sort} selected={sort === filters.sort}>
                {t.t(`proposals.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
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
