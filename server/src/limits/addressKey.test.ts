import { describe, expect, it } from 'vitest';
import { addressKey } from './addressKey.js';

describe('addressKey (P-CONN-2)', () => {
  it('P-CONN-2: IPv6 counts per /64, IPv4 (also IPv4-mapped) per address', () => {
    const net = '2001:db8:aa:bb::/64';
    for (const a of [
      '2001:db8:aa:bb::1',
      '2001:DB8:AA:BB:ffff:1:2:3',
      '2001:0db8:00aa:00bb:0:0:0:9',
      '2001:db8:aa:bb::1.2.3.4',
    ]) {
      expect(addressKey(a), a).toBe(net);
    }
    expect(addressKey('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:c633:6407')).toBe('198.51.100.7');
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
