import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { COUNCIL_CONSOLE_MESSAGES } from './council-console.messages';
import { MEETINGS_CONSOLE } from './meetings-console.page';

@StaffConsole({ order: 40 })
@Injectable()
export class CouncilConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = COUNCIL_CONSOLE_MESSAGES;
  readonly roles = ['council'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: MEETINGS_CONSOLE, title: t.t('cc.entry.title'), description: t.t('cc.entry.description') }];
  }
}
