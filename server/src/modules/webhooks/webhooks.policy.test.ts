import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needActions } from '../needs/needs.lifecycle.js';
import { deliveryBody, eventTypes, matches, outgoingData, signature, unknownPatterns, urlProblem, wildcards } from './webhooks.policy.js';

describe('which events a webhook gets', () => {
  it('the catalogue is every transition of the order chain and its intake', () => {
    expect(eventTypes).toEqual(['needs.submit', ...needActions.map((a) => `needs.${a}`)]);
    expect(wildcards).toEqual(['*', 'needs.*']);
  });

  it('a pattern is a type, a module’s wildcard or everything', () => {
    expect(matches(['needs.accept'], 'needs.accept')).toBe(true);
    expect(matches(['needs.accept'], 'needs.acceptX')).toBe(false);
    expect(matches(['needs.*'], 'needs.close')).toBe(true);
    expect(matches(['needs.*'], 'needsx.close')).toBe(false);
    expect(matches(['*'], 'anything.at.all')).toBe(true);
    expect(matches([], 'needs.close')).toBe(false);
  });

  it('names the patterns that match nothing known', () => {
    expect(unknownPatterns(['needs.accept', 'needs.*', '*', 'needs.explode', 'ledger.*', 'needs'])).toEqual(['needs.explode', 'ledger.*', 'needs']);
  });
});

describe('which addresses a webhook may have', () => {
  it('http and https only, without credentials', () => {
    expect(urlProblem('https://hooks.example.com/x?y=1', false)).toBeUndefined();
    expect(urlProblem('http://hooks.example.com:8080/', false)).toBeUndefined();
    expect(urlProblem('ftp://hooks.example.com/', false)).toBe('webhooks.url_invalid');
    expect(urlProblem('file:///etc/passwd', true)).toBe('webhooks.url_invalid');
    expect(urlProblem('hooks.example.com', false)).toBe('webhooks.url_invalid');
    expect(urlProblem('https://a:b@hooks.example.com/', true)).toBe('webhooks.url_credentials');
    expect(urlProblem('https://token@hooks.example.com/', false)).toBe('webhooks.url_credentials');
  });

  it('no private, loopback or local host unless the installation allows them', () => {
    for (const url of ['http://127.0.0.1/', 'http://0x7f000001/', 'http://10.1.1.1/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/', 'http://localhost/', 'http://api.localhost/', 'http://db.internal/', 'http://printer.local/', 'http://intranet/', 'http://localhost./']) {
      expect(urlProblem(url, false), url).toBe('webhooks.url_private');
      expect(urlProblem(url, true), url).toBeUndefined();
    }
    expect(urlProblem('http://8.8.8.8/', false)).toBeUndefined();
  });
});

describe('what a delivery carries', () => {
  it('the signature is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    const expected = crypto.createHmac('sha256', 'whsec_test').update('1767225600.{"a":1}').digest('hex');
    expect(signature('whsec_test', 1767225600, '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it('no phone or ID number travels, at any depth; the rest of the payload does', () => {
    const data = { number: 'XQ1', phone: '13900000001', requester: { mobile: '139', idNumber: '110101199001011237', name: 'x' }, list: [{ id_number: 'y', ok: 1 }], teamName: '光明队' };
    expect(outgoingData(data)).toEqual({ number: 'XQ1', requester: { name: 'x' }, list: [{ ok: 1 }], teamName: '光明队' });
  });

  it('the body names the event, its time, district and subject, with the data', () => {
    const body = deliveryBody({ id: 'e1', type: 'needs.accept', occurredAt: new Date('2026-01-01T00:00:00Z'), districtId: 'd1', subjectType: 'need', subjectId: 'n1', payload: { to: 'accepted' } });
    expect(JSON.parse(body)).toEqual({ id: 'e1', type: 'needs.accept', occurredAt: '2026-01-01T00:00:00.000Z', districtId: 'd1', subject: { type: 'need', id: 'n1' }, data: { to: 'accepted' } });
  });
});
