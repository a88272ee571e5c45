import { createHash, randomBytes } from 'node:crypto';

/** 16 random bytes, base64url: 128 bits, the room id format of P-ROOM-1. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

export function newParticipantId(): string {
  return randomBytes(12).toString('base64url');
}

/** 32 random bytes, base64url (43 chars): the secret a browser keeps to reclaim its seat. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
