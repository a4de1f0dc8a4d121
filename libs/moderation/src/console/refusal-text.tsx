import { Refused, type Translator } from '@polity/web';

/** A refusal in the moderator's language where the console knows the reason; else the service's own (English) words. */
export function RefusalText({ t, refusal }: { t: Translator; refusal: { code: string; detail: string } }) {
  const known = `modc.problem.${refusal.code}`;
  if (t.has(known)) return <>{t.t('modc.refused', { reason: t.t(known) })}</>;
  return <Refused t={t} message="modc.refused" detail={refusal.detail} />;
}
