// Answers of GitHub's "Get repository content" endpoint, shaped after the examples and schemas of
// https://docs.github.com/en/rest/repos/contents#get-repository-content
// (content-file, content-directory, content-symlink, content-submodule; error bodies as GitHub sends them).

export const OWNER = 'acme';
export const REPO = 'widgets';
/** `pull_request.base.sha` of the event: the commit the config must come from. */
export const BASE_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
/** `pull_request.head.sha`: the pull request's own commit, which must never be read. */
export const HEAD_SHA = 'e5bd3914e2e596debea16f433f57875b5b90bcd6';
export const CONFIG_PATH = '.github/token-preflight.yml';
export const DOCS_URL = 'https://docs.github.com/rest/repos/contents#get-repository-content';

export const CONFIG_TEXT = `version: 1
tokens:
  - name: deploy
    secret: DEPLOY_TOKEN
    provider: github
    expect:
      scopes: [repo]
`;

/** Base64 as the contents API sends it: wrapped every 60 characters, each line ending in "\n". */
export function githubBase64(text: string | Buffer): string {
  const flat = Buffer.from(text).toString('base64');
  return `${flat.match(/.{1,60}/g)?.join('\n') ?? ''}\n`;
}

const links = (api: string, path: string, sha: string) => ({
  self: `${api}/repos/${OWNER}/${REPO}/contents/${path}?ref=${BASE_SHA}`,
  git: `${api}/repos/${OWNER}/${REPO}/git/blobs/${sha}`,
  html: `https://github.com/${OWNER}/${REPO}/blob/${BASE_SHA}/${path}`,
});

/** 200, a file of 1 MB or less: `content` is base64 (the doc's "Response if content is a file"). */
export function fileBody(text: string | Buffer = CONFIG_TEXT, api = 'https://api.github.com') {
  const sha = '3d21ec53a331a6f037a91c368710b99387d012c1';
  const l = links(api, CONFIG_PATH, sha);
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(text),
    name: 'token-preflight.yml',
    path: CONFIG_PATH,
    content: githubBase64(text),
    sha,
    url: l.self,
    git_url: l.git,
    html_url: l.html,
    download_url: `https://raw.githubusercontent.com/${OWNER}/${REPO}/${BASE_SHA}/${CONFIG_PATH}`,
    _links: l,
  };
}

/** 200, a file between 1 and 100 MB: no content, `encoding: "none"` (the doc's size notes). */
export function largeFileBody(size = 1_500_000) {
  return { ...fileBody(), size, content: '', encoding: 'none' };
}

/** 200 for a directory: an array of entries (the doc's "Response if content is a directory"). */
export function directoryBody() {
  const entry = (type: string, name: string, sha: string) => {
    const path = `${CONFIG_PATH}/${name}`;
    const l = links('https://api.github.com', path, sha);
    return { type, size: type === 'dir' ? 0 : 625, name, path, sha, url: l.self, git_url: l.git, html_url: l.html, download_url: type === 'dir' ? null : `https://raw.githubusercontent.com/${OWNER}/${REPO}/${BASE_SHA}/${path}`, _links: l };
  };
  return [entry('file', 'octokit.rb', 'fff6fe3a23bf1c8ea0692b4a883af99bee26fd3b'), entry('dir', 'octokit', 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d')];
}

/** 200 for a symlink whose target is not a file of the repository (the doc's "Response if content is a symlink"). */
export function symlinkBody(target = '/path/to/symlink/target') {
  const sha = '452a98979c88e093d682cab404a3ec82babebb48';
  const l = links('https://api.github.com', CONFIG_PATH, sha);
  return { type: 'symlink', target, size: 23, name: 'token-preflight.yml', path: CONFIG_PATH, sha, url: l.self, git_url: l.git, html_url: l.html, download_url: null, _links: l };
}

/** 200 for a submodule (the doc's "Response if content is a submodule"). */
export function submoduleBody() {
  const sha = '6ca3721222109997540bd6d9ccd396902e0ad2f9';
  const l = links('https://api.github.com', CONFIG_PATH, sha);
  return { type: 'submodule', submodule_git_url: 'git://github.com/jquery/qunit.git', size: 0, name: 'token-preflight.yml', path: CONFIG_PATH, sha, url: l.self, git_url: l.git, html_url: 'https://github.com/jquery/qunit/tree/6ca3721222109997540bd6d9ccd396902e0ad2f9', download_url: null, _links: l };
}

/** GitHub's error body: `message`, `documentation_url`, `status` (a string). */
export function errorBody(status: number, message: string) {
  return { message, documentation_url: DOCS_URL, status: String(status) };
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
