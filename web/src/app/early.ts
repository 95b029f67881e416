/**
 * API answers asked for before the app's code has arrived (app/boot.ts), each handed once to the first
 * GET of the same path (api/client.ts): the request leaves a round trip and the big chunks' download
 * earlier on a slow line, instead of after them (bench:budgets).
 */
const early = new Map<string, Promise<Response>>();

export function askEarly(path: string, language: string): void {
  early.set(path, fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': language }, credentials: 'same-origin' }));
}

/** The early answer for `path`, if one was asked for and not taken yet. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return answer;
}
