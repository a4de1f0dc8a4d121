import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { PROPOSALS_CONSOLE_MESSAGES } from './proposals-console.messages';
import { PROPOSALS_CONSOLE } from './proposals-console.page';

@StaffConsole({ order: 20 })
@Injectable()
export class ProposalsConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = PROPOSALS_CONSOLE_MESSAGES;
  readonly roles = ['official'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: PROPOSALS_CONSOLE, title: t.t('pc.entry.title'), description: t.t('pc.entry.description') }];
  }
}
