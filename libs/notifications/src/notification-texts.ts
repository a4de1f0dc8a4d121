import type { NotificationKind, NotificationParams } from '@polity/contracts';
import { defineCatalogue, type Translator } from '@polity/web';
import type { MailWords } from './mail/render-mail';

const STATUS_EN =
  'status, select, evaluating {being evaluated} accepted {accepted} rejected {rejected} implemented {implemented} other {{status}}';
const STATUS_FR =
  'status, select, evaluating {en cours d’évaluation} accepted {acceptée} rejected {rejetée} implemented {réalisée} other {{status}}';
const OUTCOME_EN = 'outcome, select, approved {approved} rejected {rejected} amended {amended} deferred {deferred} other {{outcome}}';
const OUTCOME_FR = 'outcome, select, approved {approuvé} rejected {rejeté} amended {amendé} deferred {reporté} other {{outcome}}';
const WHAT_EN =
  'what, select, proposals {proposal} comments {comment} budget_projects {project suggestion} thread_posts {co-design post} survey_answers {survey answer} other {contribution}';
const WHAT_FR =
  'what, select, proposals {proposition} comments {commentaire} budget_projects {suggestion de projet} thread_posts {contribution de co-construction} survey_answers {réponse à un sondage} other {contribution}';
const ACTION_EN =
  'action, select, hide {hidden} restore {restored} dismiss {left as it is} block {hidden, and its author blocked} upheld {decision upheld} overturned {decision overturned} other {{action}}';
const ACTION_FR =
  'action, select, hide {masquée} restore {rétablie} dismiss {laissée telle quelle} block {masquée, son auteur bloqué} upheld {décision maintenue} overturned {décision annulée} other {{action}}';

/**
 * What each kind of notification says, and the words of the mail that carries it, in every language
 * of the site. Written from the notification's kind and params when they are read (in the inbox)
 * or sent (in mail), so each person gets them in their own language.
 */
export const NOTIFICATION_TEXTS = defineCatalogue({
  en: {
    'notification.proposal_answered.title': '“{title}” was answered: {' + STATUS_EN + '}',
    'notification.proposal_answered.body': 'The council’s answer to “{title}” is in: it is now {' + STATUS_EN + '}.',
    'notification.comment_on_followed.title': 'New comment on “{title}”',
    'notification.comment_on_followed.body': 'There is a new comment on “{title}”.',
    'notification.comment_reply.title': 'A reply to your comment on “{title}”',
    'notification.comment_reply.body': 'Someone replied to your comment on “{title}”.',
    'notification.support_threshold.title': '“{title}” reached {count, plural, one {# support} other {# supports}}',
    'notification.support_threshold.body': '“{title}” has enough supports to go to the council.',
    'notification.budget_outcome.title': 'The outcome of “{title}” is published',
    'notification.budget_outcome.body': 'See which projects of “{title}” are funded, and why.',
    'notification.council_decision.title': 'Council decision on “{title}”: {' + OUTCOME_EN + '}',
    'notification.council_decision.body': 'The council decided about “{title}” in its meeting: {' + OUTCOME_EN + '}.',
    'notification.moderation_decision.title': 'A moderator decided about your {' + WHAT_EN + '}: {' + ACTION_EN + '}',
    'notification.moderation_decision.body':
      '{final, select, true {This decision is final.} other {The reasons are in your moderation decisions, where you may appeal.}}',
    'notification.stage_changed.title': '“{title}” moved to the stage “{to}”',
    'notification.stage_changed.body':
      'The co-design thread “{title}” is now at the stage “{to}”; its facilitators summarised the stage before.',
    'notification.meeting_started.title': '“{title}” has started',
    'notification.meeting_started.body': 'The meeting “{title}” has started: watch it and follow its decisions as they are made.',
    'mail.open': 'Open it',
    'mail.why': 'You get this because you follow it or it is about your contribution.',
    'mail.settings': 'Email settings',
    'mail.unsubscribe.one': 'Unsubscribe from emails like this one',
    'mail.unsubscribe.all': 'Unsubscribe from all {site} emails',
    'mail.digest.daily': 'Here is what happened since yesterday.',
    'mail.digest.weekly': 'Here is what happened this week.',
    'mail.digest.yours': 'About your contributions',
    'mail.digest.subject':
      '{count, plural, one {# update} other {# updates}} on “{first}”{more, plural, =0 {} one { and # more} other { and # more}}',
  },
  fr: {
    'notification.proposal_answered.title': '« {title} » a reçu une réponse : {' + STATUS_FR + '}',
    'notification.proposal_answered.body': 'Le conseil a répondu à « {title} » : elle est maintenant {' + STATUS_FR + '}.',
    'notification.comment_on_followed.title': 'Nouveau commentaire sur « {title} »',
    'notification.comment_on_followed.body': 'Il y a un nouveau commentaire sur « {title} ».',
    'notification.comment_reply.title': 'Une réponse à votre commentaire sur « {title} »',
    'notification.comment_reply.body': 'Quelqu’un a répondu à votre commentaire sur « {title} ».',
    'notification.support_threshold.title': '« {title} » a atteint {count, plural, one {# soutien} other {# soutiens}}',
    'notification.support_threshold.body': '« {title} » a assez de soutiens pour aller au conseil.',
    'notification.budget_outcome.title': 'Le résultat de « {title} » est publié',
    'notification.budget_outcome.body': 'Découvrez quels projets de « {title} » sont financés, et pourquoi.',
    'notification.council_decision.title': 'Décision du conseil sur « {title} » : {' + OUTCOME_FR + '}',
    'notification.council_decision.body': 'Le conseil a décidé au sujet de « {title} » en séance : {' + OUTCOME_FR + '}.',
    'notification.moderation_decision.title': 'Un modérateur a décidé au sujet de votre {' + WHAT_FR + '} : {' + ACTION_FR + '}',
    'notification.moderation_decision.body':
      '{final, select, true {Cette décision est définitive.} other {Les raisons figurent dans vos décisions de modération, où vous pouvez faire appel.}}',
    'notification.stage_changed.title': '« {title} » passe à l’étape « {to} »',
    'notification.stage_changed.body':
      'Le fil de co-construction « {title} » est maintenant à l’étape « {to} » ; ses animateurs ont résumé l’étape précédente.',
    'notification.meeting_started.title': '« {title} » a commencé',
    'notification.meeting_started.body':
      'La séance « {title} » a commencé : regardez-la et suivez ses décisions au moment où elles sont prises.',
    'mail.open': 'Y aller',
    'mail.why': 'Vous recevez ceci parce que vous le suivez ou qu’il concerne votre contribution.',
    'mail.settings': 'Réglages des e-mails',
    'mail.unsubscribe.one': 'Ne plus recevoir d’e-mails comme celui-ci',
    'mail.unsubscribe.all': 'Ne plus recevoir aucun e-mail de {site}',
    'mail.digest.daily': 'Voici ce qui s’est passé depuis hier.',
    'mail.digest.weekly': 'Voici ce qui s’est passé cette semaine.',
    'mail.digest.yours': 'À propos de vos contributions',
    'mail.digest.subject':
      '{count, plural, one {# nouvelle} other {# nouvelles}} sur « {first} »{more, plural, =0 {} one { et # autre} other { et # autres}}',
  },
});

/** A stored notification, as much of it as its words need. */
export interface StoredNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  params: NotificationParams;
}

/**
 * A notification's title and body in the translator's language. One stored before notifications
 * kept their params (or whose params lack what its words need) keeps the English it was written in.
 */
export function writeNotification(t: Translator, notification: StoredNotification): { title: string; body: string; lang: string } {
  if (Object.keys(notification.params).length === 0) return { title: notification.title, body: notification.body, lang: 'en' };
  try {
    // Select keys are words: a boolean as `true`/`false`, a kind's dash as an underscore (`budget-projects`).
    const values = Object.fromEntries(
      Object.entries(notification.params).map(([key, value]) => [
        key,
        typeof value === 'boolean' ? String(value) : key === 'what' && typeof value === 'string' ? value.replaceAll('-', '_') : value,
      ]),
    );
    return {
      title: t.t(`notification.${notification.kind}.title`, values),
      body: t.t(`notification.${notification.kind}.body`, values),
      lang: t.locale,
    };
  } catch {
    return { title: notification.title, body: notification.body, lang: 'en' };
  }
}

/** A mail's own words in the translator's language. */
export function mailWords(t: Translator, site: string): MailWords {
  return {
    lang: t.locale,
    open: t.t('mail.open'),
    why: t.t('mail.why'),
    settings: t.t('mail.settings'),
    unsubscribeOne: t.t('mail.unsubscribe.one'),
    unsubscribeAll: t.t('mail.unsubscribe.all', { site }),
    daily: t.t('mail.digest.daily'),
    weekly: t.t('mail.digest.weekly'),
    yours: t.t('mail.digest.yours'),
    subject: (count, first, more) => t.t('mail.digest.subject', { count, first, more }),
  };
}
