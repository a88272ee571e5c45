import { describe, expect, it } from 'vitest';
import { peerListSignature, toCollaborators } from './boardCollaborators';
import type { BoardPeer } from './boardPeers';

const peer = (clientId: number, change: Partial<NonNullable<BoardPeer['presence']>> = {}): BoardPeer => ({
  clientId,
  user: { id: `id-${clientId}`, name: `P${clientId}`, color: '#6366f1' },
  presence: {
    pointer: null,
    button: 'up',
    selectedElementIds: [],
    viewport: null,
    following: null,
    ...change,
  },
});

describe('board collaborators', () => {
  it('gives each peer a cursor in their colour, with a laser colour and their selection', () => {
    const map = toCollaborators([
      peer(7, { pointer: { x: 1, y: 2, tool: 'laser' }, selectedElementIds: ['a'] }),
    ]);
    const collaborator = map.get('7' as never);
    expect(collaborator?.username).toBe('P7');
    expect(collaborator?.pointer).toEqual({ x: 1, y: 2, tool: 'laser', laserColor: '#6366f1' });
    expect(collaborator?.selectedElementIds).toEqual({ a: true });
    expect(collaborator?.button).toBe('up');
  });

  it('shows a peer without a parsed presence without a pointer', () => {
    const map = toCollaborators([{ ...peer(3), presence: null }]);
    expect(map.get('3' as never)?.pointer).toBeUndefined();
  });

  it('has a signature that ignores pointer moves but not who follows whom', () => {
    const still = peerListSignature([peer(1)]);
    expect(peerListSignature([peer(1, { pointer: { x: 9, y: 9, tool: 'pointer' } })])).toBe(still);
    expect(peerListSignature([peer(1, { following: 2 })])).not.toBe(still);
    expect(peerListSignature([peer(1), peer(2)])).not.toBe(still);
  });
});
