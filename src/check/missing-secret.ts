/** What we know of the run that explains why a secret can be absent. */
export interface RunContext {
  surface: 'action' | 'cli';
  /** The run is a pull request from a fork: GitHub passes it no secrets. */
  forkPullRequest?: { headRepository: string };
  /** The run was triggered by Dependabot: only Dependabot secrets are available. */
  dependabot?: boolean;
}

export interface MissingSecret {
  /** True when the absence is expected here and the token is skipped rather than failed. */
  skip: boolean;
  message: string;
}

export function explainMissingSecret(variable: string, optional: boolean, context: RunContext): MissingSecret {
  if (context.forkPullRequest) {
    return {
      skip: true,
      message: `${variable} is empty because this pull request comes from the fork ${context.forkPullRequest.headRepository}, and GitHub does not pass secrets to workflows triggered from forks; it is checked on pushes and scheduled runs instead`,
    };
  }
  if (context.dependabot) {
    return {
      skip: true,
      message: `${variable} is empty because Dependabot runs receive only Dependabot secrets; add ${variable} under Settings → Secrets and variables → Dependabot to check it here too`,
    };
  }
  if (optional) return { skip: true, message: `${variable} is not set and the token is optional` };
  if (context.surface === 'cli') {
    return { skip: false, message: `environment variable ${variable} is not set or empty: export it before running the check` };
  }
  return {
    skip: false,
    message:
      `environment variable ${variable} is not set or empty. Pass the secret to this step with ` +
      `\`env: { ${variable}: \${{ secrets.${variable} }} }\` and check that the secret exists for this repository, ` +
      `organization or environment (environment secrets reach only jobs that declare \`environment:\`). ` +
      `Pull requests from forks and Dependabot runs get no secrets; mark the token \`optional: true\` if its absence is expected`,
  };
}
