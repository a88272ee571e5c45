import type { SimulationRecord, Written } from './records.js';

/**
 * Solo rooms' simulated interviewers (CONTRACT.md, S-SIM-1): one record per room, written only
 * when its revision is still the one read, so two nodes (or a restart racing a tick) never say a
 * line twice.
 */
export interface SimulationStore {
  createSimulation(record: SimulationRecord): Promise<void>;
  getSimulation(roomId: string): Promise<SimulationRecord | null>;
  /** Replaces the record (its revision becomes `expected + 1`) if its revision is still `expected`. */
  updateSimulation(record: SimulationRecord, expected: number): Promise<Written>;
  /** Rooms whose simulation has not ended (resumed when a node starts). */
  listActiveSimulations(): Promise<string[]>;
}
