// Ids of the rows learners write most (learners, attempts, responses): UUIDv7 (RFC 9562), whose
// first 48 bits are the time. Rows made close together get ids close together, so the indexes on
// them (the primary key, and responses' (attempt_id, ...) indexes) grow at a few pages instead
// of one random page per row: a group commit writes and syncs fewer pages. 74 random bits remain;
// ids were never secrets (every object is checked for who may see it), and the time they carry is
// stored beside them anyway (created_at, started_at).
import { v7 } from 'uuid';

export const newRowId = (): string => v7();
