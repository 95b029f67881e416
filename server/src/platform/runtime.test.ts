import { describe, expect, it } from 'vitest';

// npm brings Node 24 LTS (the pinned `node` package): npm scripts put node_modules/.bin first on the
// PATH, so the server, the CLI and these tests never run on the machine's own (possibly retired) Node.
describe('runtime', () => {
  it('runs on Node 24 LTS brought in by npm', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });
});
