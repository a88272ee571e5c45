import { describe, expect, it } from 'vitest';
import { docName, parseDocName } from './documents.js';
import { JoinRequest, SetLanguageRequest } from './events.js';
import { CreateRoomRequest } from './http.js';
import { DisplayName, RoomId } from './ids.js';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('protocol schemas', () => {
  it('P-ID-2: a role in a join payload is stripped, never read', () => {
    const parsed = JoinRequest.parse({ roomId: ROOM, name: 'Ann', role: 'interviewer' });
    expect(parsed).toEqual({ roomId: ROOM, name: 'Ann' });
  });

  it('rejects malformed room ids and secrets', () => {
    expect(RoomId.safeParse('short').success).toBe(false);
    expect(RoomId.safeParse(`${ROOM}/x`).success).toBe(false);
    expect(JoinRequest.safeParse({ roomId: ROOM, secret: 'nope' }).success).toBe(false);
  });

  it('trims names and rejects empty, long and control-character names', () => {
    expect(DisplayName.parse('  Ann  ')).toBe('Ann');
    expect(DisplayName.safeParse('   ').success).toBe(false);
    expect(DisplayName.safeParse('x'.repeat(41)).success).toBe(false);
    expect(DisplayName.safeParse('a\u0007b').success).toBe(false);
  });

  it('accepts only known languages', () => {
    expect(SetLanguageRequest.safeParse({ language: 'go' }).success).toBe(true);
    expect(SetLanguageRequest.safeParse({ language: 'cobol' }).success).toBe(false);
    expect(SetLanguageRequest.safeParse('go').success).toBe(false);
  });

  it('defaults the creator role to interviewer and rejects observer as a creator role', () => {
    expect(CreateRoomRequest.parse({ roundType: 'coding' }).creatorRole).toBe('interviewer');
    expect(CreateRoomRequest.safeParse({ roundType: 'coding', creatorRole: 'observer' }).success).toBe(false);
    expect(CreateRoomRequest.safeParse({ roundType: 'chess' }).success).toBe(false);
  });

  it('round-trips document names and rejects foreign ones', () => {
    expect(parseDocName(docName(ROOM, 'code'))).toEqual({ roomId: ROOM, kind: 'code', round: 1 });
    expect(parseDocName(docName(ROOM, 'notes', 12))).toEqual({ roomId: ROOM, kind: 'notes', round: 12 });
    expect(parseDocName(`${ROOM}.secret-1`)).toBeNull();
    expect(parseDocName(`${ROOM}.code-0`)).toBeNull();
    expect(parseDocName(`${ROOM}.code`)).toBeNull();
    expect(parseDocName('../etc.code')).toBeNull();
    expect(parseDocName('nodot')).toBeNull();
  });
});
