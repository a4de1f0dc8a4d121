import type { CensusStatsResponseDto } from '@polity/identity';
import { ConsoleNotice, Layout, RadioField, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

interface CensusPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  stats: CensusStatsResponseDto;
  report?: string;
  refusal?: ComponentChildren;
}

/**
 * The census loaded now, and the upload of a new one. A file form carries its token in the address:
 * the page middleware checks it before the file is read, and a file body has no field to put it in.
 */
export function CensusPage({ t, siteName, web, stats, report, refusal }: CensusPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.census.title')} section="staff">
      <AdminNav t={t} current="census" />
      <ConsoleNotice news={report} refusal={refusal} />
      <p class="utrecht-paragraph">{t.t('ac.census.stats', { entries: stats.entries, claimed: stats.claimed })}</p>
      <form
        method="post"
        action={`${ADMIN_CONSOLE}/census?_csrf=${encodeURIComponent(web.csrfToken)}`}
        encType="multipart/form-data"
        noValidate
      >
        <div class="utrecht-form-field polity-field">
          <label class="utrecht-form-label" for="file">
            {t.t('ac.census.file')}
          </label>
          <p class="polity-field__hint" id="file-hint">
            {t.t('ac.census.help')}
          </p>
          <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" />
        </div>
        <RadioField
          name="mode"
          legend={t.t('ac.census.mode')}
          value="merge"
          options={[
            { value: 'merge', label: t.t('ac.census.merge') },
            { value: 'replace', label: t.t('ac.census.replace') },
          ]}
        />
        <button class="polity-button" type="submit">
          {t.t('ac.census.submit')}
        </button>
      </form>
    </Layout>
  );
}
