import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { DEFAULT_LIMITS } from './Limits.js';
import { loadConfig, parseSettings } from './loadConfig.js';
import { printConfig } from './printConfig.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.lobbyArrivalMs).toBe(60_000);
    expect(config.log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({}, true).log.format).toBe('pretty');
    expect(config.drainDelayMs).toBe(0);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).drainDelayMs).toBe(2000);
  });

  it('refuses what today became NaN or a stack trace, in one line naming variable, value and range', () => {
    expect(fails({ PORT: 'abc' })).toBe('PORT="abc" is not allowed: a port, 0 to 65535 (0: any free one).');
    expect(fails({ LOBBY_ARRIVAL_MS: 'soon' })).toBe(
      'LOBBY_ARRIVAL_MS="soon" is not allowed: a whole number from 100 to 3600000.',
    );
    expect(fails({ PUBLIC_URL: 'mock.example.org' })).toMatch(
      /^PUBLIC_URL="mock.example.org" is not allowed: /,
    );
    expect(fails({ PUBLIC_URL: 'https://x.org/path' })).toMatch(/^PUBLIC_URL=/);
    for (const message of [fails({ PORT: '1e3' }), fails({ PORT: '70000' }), fails({ PORT: ' 1' })]) {
      expect(message).not.toContain('\n');
    }
  });

  it('never shows a secret in an error or in --print-config', () => {
    expect(fails({ TOKEN_SECRET: 'short-secret' })).toBe(
      'TOKEN_SECRET=(12 characters, hidden) is not allowed: at least 16 characters.',
    );
    const env = {
      TOKEN_SECRET: 'a-long-token-secret-value',
      DATABASE_URL: 'postgres://user:pg-password@db/mock',
      REDIS_URL: 'redis://:redis-password@cache:6379',
      TURN_URLS: 'turn:t.example.org:3478',
      TURN_SECRET: 'turn-secret-value',
    };
    const printed = printConfig(env, parseSettings(env));
    for (const secret of [
      'a-long-token-secret-value',
      'pg-password',
      'redis-password',
      'turn-secret-value',
    ]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain('DATABASE_URL=postgres://user:***@db/mock');
    expect(printed).toContain('TOKEN_SECRET=(set, hidden)');
  });

  it('checks rules across variables', () => {
    expect(fails({ TURN_URLS: 'turn:t:3478' })).toMatch(/^TURN_URLS is set but TURN_SECRET is not/);
    expect(fails({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' })).toMatch(
      /^HEADERS_TIMEOUT_MS=20000/,
    );
  });

  it('parses lists, JSON and ranges into the typed config', () => {
    const config = loadConfig({
      ALLOWED_HOSTS: 'a.example.org, *.b.example.org',
      ICE_SERVERS: '[{"urls":"stun:s.example.org:3478"}]',
      ROOM_RETENTION_DAYS: '7',
      DOC_BYTE_BURST: '4096',
    });
    expect(config.allowedHosts).toEqual(['a.example.org', '*.b.example.org']);
    expect(config.ice.iceServers).toEqual([{ urls: ['stun:s.example.org:3478'] }]);
    expect(config.limits.roomRetentionMs).toBe(7 * 24 * 3600 * 1000);
    expect(config.limits.doc.byteBurst).toBe(4096);
  });
});
