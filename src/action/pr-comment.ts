import { COMMENT_MARKER } from '../report/comment.js';
import { statusOf, type Octokit } from './github-api.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  /** The pull request's number (its issue number). */
  number: number;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'not needed';

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
}

/**
 * The one sticky comment of a pull request: found by its hidden marker among the comments of the
 * same account only (another user's comment holding the marker is never touched), and edited in
 * place; created only when `create` says so (something to report, or `comment: always`).
 * `render` gets the previous body, so an all-clear can say what it fixed.
 * https://docs.github.com/en/rest/issues/comments
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: CommentTarget,
  render: (previous: string | undefined) => string,
  create: boolean,
  signal?: AbortSignal,
): Promise<CommentOutcome> {
  const self = await whoAmI(octokit, signal);
  const mine = (c: IssueComment) => (c.body ?? '').startsWith(COMMENT_MARKER) && (self.login ? c.user?.login === self.login : c.user?.type === 'Bot');
  let found: IssueComment | undefined;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.number, per_page: 100, request: { signal } });
  for await (const page of pages) {
    found = (page.data as IssueComment[]).find(mine);
    if (found) break;
  }
  const body = render(found?.body);
  if (found) {
    if (found.body === body) return 'unchanged';
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: found.id, body, request: { signal } });
    return 'updated';
  }
  if (!create) return 'not needed';
  await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.number, body, request: { signal } });
  return 'created';
}

/**
 * Who the token writes as: a user's login, or — for a GitHub App installation token such as the
 * workflow's own GITHUB_TOKEN, which may not read `/user` — any bot (an app's comments are by its
 * bot account, which no person can post as).
 */
async function whoAmI(octokit: Octokit, signal?: AbortSignal): Promise<{ login?: string }> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated({ request: { signal } });
    return { login: data.login };
  } catch (error) {
    if (statusOf(error) === 403) return {};
    throw error;
  }
}
