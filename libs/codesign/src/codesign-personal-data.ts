import { Injectable } from '@nestjs/common';
import { PersonalData, type PersonalDataSource } from '@polity/platform';
import { DataSource } from 'typeorm';

/** A person's posts and reactions are theirs to see; after erasure posts stay, by "Deleted user", so threads keep their structure. */
@PersonalData('codesign')
@Injectable()
export class CodesignPersonalData implements PersonalDataSource {
  constructor(private readonly dataSource: DataSource) {}

  async exportFor(userId: string): Promise<unknown> {
    const [posts, reactions] = await Promise.all([
      this.dataSource.query<unknown[]>(
        `SELECT id, thread_id AS "threadId", parent_id AS "parentId", type, body, created_at AS "createdAt", edited_at AS "editedAt"
         FROM codesign_post WHERE author_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.dataSource.query<unknown[]>(
        'SELECT post_id AS "postId", reaction, created_at AS "createdAt" FROM codesign_post_reaction WHERE user_id = $1 ORDER BY created_at',
        [userId],
      ),
    ]);
    return { posts, reactions };
  }

  async eraseFor(): Promise<void> {
    // Nothing to remove: see the class comment.
  }
}
