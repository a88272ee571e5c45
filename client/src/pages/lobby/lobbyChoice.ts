import { ROUND_TYPES, type RolePreference, type RoundType } from '@mockloop/shared';
import { oneOf } from '../../lib/oneOf';

/** What a person asks the lobby for. */
export interface LobbyChoice {
  name: string;
  trackId: string;
  roundType: RoundType;
  role: RolePreference;
}

/**
 * The form's first choice: the stored name, and what the address asks for (`?track=…&roundType=…`,
 * as a track page links). An unknown round type falls back to coding; the track is checked against
 * the list once it loads.
 */
export function initialLobbyChoice(search: string, storedName: string): LobbyChoice {
  const params = new URLSearchParams(search);
  return {
    name: storedName,
    trackId: params.get('track') ?? '',
    roundType: oneOf(ROUND_TYPES, params.get('roundType')) ?? 'coding',
    role: 'either',
  };
}
