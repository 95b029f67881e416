import { describe, expect, it } from 'vitest';
import { sourceOf } from './auth.throttle.js';

describe('the source a login failure is counted against', () => {
  it('is the address itself for IPv4, also when written IPv4-mapped', () => {
    expect(sourceOf('203.0.113.9')).toBe('203.0.113.9');
    expect(sourceOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('is the /64 for IPv6, however the address is written', () => {
    expect(sourceOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps anything else as given, cut to the column width', () => {
    expect(sourceOf('unknown')).toBe('unknown');
    expect(sourceOf('x'.repeat(100))).toHaveLength(64);
  });
});
