import type { SimulationRecord, Written } from '../records.js';
import type { SimulationStore } from '../SimulationStore.js';
import type { SqlDb } from './SqlDb.js';

interface Row {
  data: string;
  revision: number;
}

/** Simulated interviewers over SQL: the record as JSON, its revision and whether it runs as columns. */
export class SqlSimulationStore implements SimulationStore {
  constructor(readonly db: SqlDb) {}

  async createSimulation(record: SimulationRecord): Promise<void> {
    await this.db.run('INSERT INTO simulations (room_id, data, revision, active) VALUES (?, ?, ?, ?)', [
      record.roomId,
      JSON.stringify(withoutRevision(record)),
      record.revision,
      record.endedAt === null ? 1 : 0,
    ]);
  }

  async getSimulation(roomId: string): Promise<SimulationRecord | null> {
    const row = await this.db.get<Row>('SELECT data, revision FROM simulations WHERE room_id = ?', [roomId]);
    if (!row) return null;
    return {
      ...(JSON.parse(row.data) as Omit<SimulationRecord, 'revision'>),
      revision: Number(row.revision),
    };
  }

  async updateSimulation(record: SimulationRecord, expected: number): Promise<Written> {
    const changed = await this.db.run(
      'UPDATE simulations SET data = ?, revision = ?, active = ? WHERE room_id = ? AND revision = ?',
      [
        JSON.stringify(withoutRevision(record)),
        expected + 1,
        record.endedAt === null ? 1 : 0,
        record.roomId,
        expected,
      ],
    );
    return changed === 1 ? 'written' : 'conflict';
  }

  async listActiveSimulations(): Promise<string[]> {
    const rows = await this.db.all<{ room_id: string }>(
      'SELECT room_id FROM simulations WHERE active = 1 ORDER BY room_id',
    );
    return rows.map((r) => r.room_id);
  }
}

function withoutRevision(record: SimulationRecord): Omit<SimulationRecord, 'revision'> {
  const { revision: _revision, ...rest } = record;
  return rest;
}
