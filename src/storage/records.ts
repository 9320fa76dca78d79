import { StorageError } from './errors.js';
import { type AuditRecordInput, TRANSCRIPT_SENDERS, type TranscriptEntryInput } from './ports.js';
import { jsonCopy, parseInstant, requireId } from './validate.js';

/**
 * Checks shared by every adapter, so a bad record fails the same way whichever store is configured.
 * Returns a detached copy plus the parsed timestamp that purges and range queries compare.
 */
export function checkTranscriptEntry(entry: TranscriptEntryInput): {
  atMs: number;
  entry: TranscriptEntryInput;
} {
  const atMs = parseInstant('at', entry.at);
  if (!(TRANSCRIPT_SENDERS as readonly string[]).includes(entry.from)) {
    throw new StorageError('invalid', `from must be one of ${TRANSCRIPT_SENDERS.join(', ')}`, {
      field: 'from',
    });
  }
  if (entry.visibility !== 'all' && entry.visibility !== 'agent-only') {
    throw new StorageError('invalid', 'visibility must be all or agent-only', { field: 'visibility' });
  }
  if (entry.decision !== undefined && entry.decision !== 'deliver' && entry.decision !== 'block') {
    throw new StorageError('invalid', 'decision must be deliver or block', { field: 'decision' });
  }
  if (typeof entry.text !== 'string')
    throw new StorageError('invalid', 'text must be a string', { field: 'text' });
  return { atMs, entry: jsonCopy(entry) };
}

export function checkAuditRecord(record: AuditRecordInput): { atMs: number; record: AuditRecordInput } {
  const atMs = parseInstant('at', record.at);
  requireId('kind', record.kind);
  if (typeof record.policyVersion !== 'string') {
    throw new StorageError('invalid', 'policyVersion must be a string', { field: 'policyVersion' });
  }
  if (typeof record.detail !== 'string')
    throw new StorageError('invalid', 'detail must be a string', { field: 'detail' });
  if (record.conversationId !== undefined) requireId('conversationId', record.conversationId);
  return { atMs, record: jsonCopy(record) };
}
