import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newRoomId, newSecret } from '../auth/randomIds.js';
import { createLogger } from './createLogger.js';
import { redact } from './redact.js';

describe('redact', () => {
  it('turns a room id or secret into a stable tag that does not contain it', () => {
    const roomId = newRoomId();
    expect(redact(roomId)).toMatch(/^~[0-9a-f]{10}$/);
    expect(redact(roomId)).toBe(redact(roomId));
    expect(redact(newRoomId())).not.toBe(redact(roomId));
    // All lower case or without digits: still an id when it is the whole value.
    expect(redact('abcdefghijklmnopqrstuv')).toMatch(/^~/);
  });

  it('finds ids inside paths, document names and messages, and leaves words alone', () => {
    const roomId = 'AbCdEfGhIjKlMnOpQrStUv';
    const secret = newSecret();
    const text = `/api/rooms/${roomId}/report ${roomId}.code-1 Bearer ${secret} netflix-mle-coding-two-sum`;
    const out = redact(text);
    expect(out).not.toContain(roomId);
    expect(out).not.toContain(secret);
    expect(out).toContain('/api/rooms/~');
    expect(out).toContain('.code-1');
    expect(out).toContain('netflix-mle-coding-two-sum');
  });

  it('is applied to every line the logger writes: message, fields and errors', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const log = createLogger({ level: 'info', format: 'json' }, sink);
    const roomId = newRoomId();
    const secret = newSecret();
    log.info({ path: `/r/${roomId}`, nested: { doc: `${roomId}.board-2` } }, `joined ${roomId}`);
    log.error({ err: new Error(`no room ${roomId} for ${secret}`) }, 'failed');
    expect(written).not.toContain(roomId);
    expect(written).not.toContain(secret);
    const lines = written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: 'info', msg: `joined ${redact(roomId)}` });
    expect(typeof lines[0].time).toBe('string');
    expect(lines[1].err.message).toContain(redact(roomId));
  });
});
