/**
 * Tells the document plane, synchronously, that a room's seats changed (a role swap opened
 * `currentRound`), right after the change is committed and before any other message is handled:
 * a connection's write rights are checked against the seats of now, not of when it opened.
 */
export class SeatChanges {
  private readonly listeners: Array<(roomId: string, currentRound: number) => void> = [];

  on(listener: (roomId: string, currentRound: number) => void): void {
    this.listeners.push(listener);
  }

  emit(roomId: string, currentRound: number): void {
    for (const listener of this.listeners) listener(roomId, currentRound);
  }
}
