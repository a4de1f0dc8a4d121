import type { SiteConfig } from '@polity/platform';
import { Layout, TextField, type Translator, type WebRequest } from '@polity/web';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

export interface ColourTrial {
  colour: string;
  /** Contrast with white, or null when the text is no colour. */
  ratio: number | null;
  passes: boolean;
}

interface SitePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  site: SiteConfig;
  trial: ColourTrial;
}

/**
 * The site's settings as configured, and a brand colour tried out: its contrast with white, whether
 * Polity would start with it, and a picture of the header, a button and a link in it (SVG, so the
 * style-free content policy still allows it).
 */
export function SitePage({ t, siteName, web, site, trial }: SitePageProps) {
  const rows = [
    ['ac.site.name', 'SITE_NAME', site.name],
    ['ac.site.locale', 'SITE_DEFAULT_LOCALE', site.defaultLocale],
    ['ac.site.timeZone', 'SITE_TIME_ZONE', site.timeZone],
    ['ac.site.brand', 'SITE_BRAND_COLOUR', site.brandColour],
    ['ac.site.logo', 'SITE_LOGO_URL', site.logoUrl || t.t('ac.site.none')],
  ];
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.site.title')} section="staff">
      <AdminNav t={t} current="site" />
      <p class="utrecht-paragraph">{t.t('ac.site.intro')}</p>
      <div class="polity-table-scroll">
        <table class="polity-table">
          <thead>
            <tr>
              <th scope="col">{t.t('ac.site.setting')}</th>
              <th scope="col">{t.t('ac.site.variable')}</th>
              <th scope="col">{t.t('ac.site.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, variable, value]) => (
              <tr key={variable}>
                <th scope="row">{t.t(label)}</th>
                <td>
                  <code>{variable}</code>
                </td>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">{t.t('ac.site.preview.title')}</h2>
      <form method="get" action={`${ADMIN_CONSOLE}/site`} class="polity-filters">
        <TextField
          name="colour"
          label={t.t('ac.site.preview.colour')}
          value={trial.colour}
          error={trial.ratio === null ? t.t('ac.site.preview.invalid') : undefined}
        />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('ac.site.preview.submit')}
        </button>
      </form>
      {trial.ratio !== null && (
        <div role="status">
          <p class="utrecht-paragraph">
            {t.t('ac.site.preview.ratio', { ratio: t.number(Math.round(trial.ratio * 100) / 100) })}{' '}
            <strong>{trial.passes ? t.t('ac.site.preview.pass', { colour: trial.colour }) : t.t('ac.site.preview.fail')}</strong>
          </p>
          <svg class="polity-theme-preview" viewBox="0 0 320 120" role="img" aria-labelledby="theme-preview-title">
            <title id="theme-preview-title">{t.t('ac.site.preview.image', { colour: trial.colour })}</title>
            <rect x="0" y="0" width="320" height="40" fill={trial.colour} />
            <text x="12" y="26" fill="#ffffff" font-size="16" font-weight="700">
              {siteName}
            </text>
            <rect x="12" y="58" width="110" height="40" rx="4" fill={trial.colour} />
            <text x="67" y="83" fill="#ffffff" font-size="15" font-weight="600" text-anchor="middle">
              {t.t('ac.site.preview.button')}
            </text>
            <text x="150" y="83" fill={trial.colour} font-size="15" text-decoration="underline">
              {t.t('ac.site.preview.link')}
            </text>
          </svg>
        </div>
      )}
    </Layout>
  );
}
