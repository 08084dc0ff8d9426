import { openWorkspaceDb, type FlowdeckDb } from '../../store';

/** The studio's database (one instance per page). */
export const db: FlowdeckDb = openWorkspaceDb();
