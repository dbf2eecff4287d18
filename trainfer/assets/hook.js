// The worker's `fetch` answering GETs of one URL itself (wasm.js, stdlib.js), until unhooked.
// `answer(passOn)` returns the response, or `passOn()` for the real request. Hooks are removed
// in the reverse order of hooking.

export function answerGets(url, answer) {
  const fetchBefore = self.fetch;
  self.fetch = function (input, init) {
    const request = input instanceof Request ? input : null;
    const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    if (String(request ? request.url : input) !== url || method !== "GET") return fetchBefore.call(this, input, init);
    return answer(() => fetchBefore.call(self, input, init));
  };
  return () => {
    self.fetch = fetchBefore;
  };
}
