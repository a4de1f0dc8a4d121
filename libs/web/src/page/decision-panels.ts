import type { LinkableKind } from '@polity/contracts';
import type { VNode } from 'preact';
import type { WebRequest } from './web-request';

/**
 * The council's decisions about a proposal or a thread, as a part of its page: the council feature
 * provides it (a global provider), so the features whose pages show it need not know the council.
 * Without the council feature the pages show no such part.
 */
export abstract class DecisionPanels {
  abstract render(web: WebRequest, kind: LinkableKind, id: string): Promise<VNode | null>;
}
