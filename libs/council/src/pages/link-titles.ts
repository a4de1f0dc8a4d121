import { Injectable } from '@nestjs/common';
import { DiscussableResources } from '@polity/platform';
import type { WebRequest } from '@polity/web';
import { type LinkTitles, linkKey } from './decision-item';

/** The titles of linked resources the reader may see; one the reader may not see keeps no title (and no link text). */
@Injectable()
export class LinkTitlesReader {
  constructor(private readonly resources: DiscussableResources) {}

  async read(links: readonly { kind: string; id: string }[], web: WebRequest): Promise<LinkTitles> {
    const unique = [...new Map(links.map((link) => [linkKey(link), link])).values()];
    const titled = await Promise.all(
      unique.map(async (link) => {
        const visible = await this.resources
          .get(link.kind)
          .roomFor(link.id, web.principal)
          .catch(() => null);
        return [linkKey(link), visible ? await this.resources.titleOf(link.kind, link.id) : null] as const;
      }),
    );
    return new Map(titled.filter((entry): entry is [string, string] => entry[1] !== null));
  }
}
