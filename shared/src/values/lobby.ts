/** What a person waiting in the lobby wants to play. `either` matches anything compatible. */
export const ROLE_PREFERENCES = ['interviewer', 'candidate', 'either'] as const;

/** How long a matched person has to open the room before their partner is re-queued. */
export const LOBBY_ARRIVAL_MS = 60_000;
