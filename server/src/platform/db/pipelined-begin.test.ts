import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { forgetHeldBegin, pipelineBegin, RolledBackAtCommitError } from './pipelined-begin.js';

/** A connection that records what it was sent, and answers (or fails) each text as told. */
function fakeClient(fail: string[] = []) {
  const sent: string[] = [];
  const client = {
    query: (config: { text: string } | string) => {
      const text = typeof config === 'string' ? config : config.text;
      sent.push(text);
      return fail.includes(text) ? Promise.reject(new Error(`${text} failed`)) : Promise.resolve({ rows: [{ text }] });
    },
  };
  pipelineBegin(client as unknown as pg.Client);
  return { client: client as unknown as { query: (c: unknown, ...r: unknown[]) => Promise<{ rows: unknown[] }> }, sent };
}

describe('BEGIN goes out with the transaction’s first statement', () => {
  it('answers BEGIN at once and sends it, in order, right before the next statement', async () => {
    const { client, sent } = fakeClient();
    await client.query({ text: 'begin' }, []);
    expect(sent).toEqual([]);
    const first = await client.query({ text: 'select 1' }, []);
    expect(first.rows).toEqual([{ text: 'select 1' }]);
    expect(sent).toEqual(['begin', 'select 1']);
    await client.query({ text: 'commit' }, []);
    expect(sent).toEqual(['begin', 'select 1', 'commit']);
  });

  it('writes BEGIN and the statement together: the socket is corked around both', async () => {
    const { client, sent } = fakeClient();
    (client as unknown as { connection: unknown }).connection = { stream: { cork: () => sent.push('(cork)'), uncork: () => sent.push('(uncork)') } };
    await client.query({ text: 'begin' }, []);
    await client.query({ text: 'select 1' }, []);
    await client.query({ text: 'select 2' }, []);
    expect(sent).toEqual(['(cork)', 'begin', 'select 1', '(uncork)', 'select 2']);
  });

  it('a COMMIT answered "ROLLBACK" (a statement sent without waiting had failed) is an error, not a commit', async () => {
    const sent: string[] = [];
    const client = { query: (config: { text: string }) => (sent.push(config.text), Promise.resolve({ command: config.text === 'commit' ? 'ROLLBACK' : 'INSERT', rows: [] })) };
    pipelineBegin(client as unknown as pg.Client);
    const q = client as unknown as { query: (c: unknown, ...r: unknown[]) => Promise<unknown> };
    await q.query({ text: 'begin' }, []);
    await q.query({ text: 'insert 1' }, []);
    await expect(q.query({ text: 'commit' }, [])).rejects.toBeInstanceOf(RolledBackAtCommitError);
    // with BEGIN still held (an empty transaction) as well
    await q.query({ text: 'begin' }, []);
    await expect(q.query({ text: 'commit' }, [])).rejects.toBeInstanceOf(RolledBackAtCommitError);
    expect(sent).toEqual(['begin', 'insert 1', 'commit', 'begin', 'commit']);
  });

  it('an empty transaction sends BEGIN with its COMMIT', async () => {
    const { client, sent } = fakeClient();
    await client.query({ text: 'begin' }, []);
    await client.query({ text: 'commit' }, []);
    expect(sent).toEqual(['begin', 'commit']);
  });

  it("BEGIN's failure is the first statement's answer; the statement's own failure passes as is", async () => {
    const failing = fakeClient(['begin']);
    await failing.client.query({ text: 'begin' }, []);
    await expect(failing.client.query({ text: 'select 1' }, [])).rejects.toThrow('begin failed');
    const other = fakeClient(['select 2']);
    await other.client.query({ text: 'begin' }, []);
    await expect(other.client.query({ text: 'select 2' }, [])).rejects.toThrow('select 2 failed');
  });

  it('leaves callers with a callback, and statements outside a transaction, alone', async () => {
    const { client, sent } = fakeClient();
    await client.query('select 3');
    expect(sent).toEqual(['select 3']);
    let answered = false;
    client.query('begin', () => (answered = true));
    expect(sent).toEqual(['select 3', 'begin']);
    expect(answered).toBe(false); // the fake never calls back: what matters is that it was sent now
  });

  it('a connection given back with a BEGIN held forgets it: the next borrower is not put in a transaction', async () => {
    const { client, sent } = fakeClient();
    await client.query({ text: 'begin' }, []);
    forgetHeldBegin(client);
    await client.query({ text: 'select 4' }, []);
    expect(sent).toEqual(['select 4']);
  });
});
