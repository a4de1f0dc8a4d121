import { EMAIL_FREQUENCIES, type EmailFrequency, NOTIFICATION_KINDS, type NotificationKind } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's choice of email for one kind; without a row, DEFAULT_EMAIL_FREQUENCY applies. */
@Entity('notification_preference')
@Check('chk_notification_preference_kind', `kind IN (${sqlList(NOTIFICATION_KINDS)})`)
@Check('chk_notification_preference_email', `email IN (${sqlList(EMAIL_FREQUENCIES)})`)
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  kind: NotificationKind;

  @Column('text')
  email: EmailFrequency;
}
