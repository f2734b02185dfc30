// The answers of a provider's example, as MockAgent interceptors (types in replay.d.mts). Plain ESM
// so that the examples test and `node bench/providers.mjs` share it.

/**
 * Each request the example answers: its origin, path matcher, method and reply. A data provider's
 * single `response` answers the request its check composes (`compose`: src/http/compose.ts's
 * composeRequest); `responses` name their paths.
 */
export function answersOf(provider, example, credential, base, compose) {
  const answers = [];
  if (example.response) {
    if (!provider.http) throw new Error(`${provider.id}: "${example.name}" gives one response, but the provider is code: give responses with their paths`);
    const { url, method } = compose(provider.http.request, base, { credential });
    answers.push({ origin: url.origin, path: `${url.pathname}${url.search}`, method, answer: example.response });
  }
  for (const answer of example.responses ?? []) {
    const wanted = answer.path;
    // `/v1/x` matches whatever the query; `/v1/x?a=b` only exactly that.
    const path = wanted.includes('?') ? wanted : (actual) => actual.split('?')[0] === wanted;
    answers.push({ origin: answer.origin ?? base.origin, path, method: answer.method ?? 'GET', answer });
  }
  return answers;
}

/** Registers the answers on a MockAgent, each after `delayMs`, and (`persist`) for any number of requests. */
export function intercept(agent, answers, { delayMs = 0, persist = false } = {}) {
  for (const { origin, path, method, answer } of answers) {
    const data = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const reply = { statusCode: answer.status, data, responseOptions: { headers: { 'content-type': 'application/json', ...answer.headers } } };
    const scope = agent.get(origin).intercept({ path, method }).reply(() => reply);
    if (delayMs > 0) scope.delay(delayMs);
    if (persist) scope.persist();
  }
}
