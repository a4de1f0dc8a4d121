import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { MODERATION_CONSOLE_MESSAGES } from './moderation-console.messages';
import { QUEUE_PATH } from './moderation-nav';

@StaffConsole({ order: 10 })
@Injectable()
export class ModerationConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = MODERATION_CONSOLE_MESSAGES;
  readonly roles = ['moderator'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: QUEUE_PATH, title: t.t('modc.entry.title'), description: t.t('modc.entry.description') }];
  }
}
