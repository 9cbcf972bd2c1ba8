import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditedRoom, auditLine, openAuditLog, type AuditEntry } from './audit-log.js';

const entry: AuditEntry = { time: '2026-12-02T03:00:00.000Z', address: '127.0.0.1', room: 'standup', action: 'join', decision: 'refused', reason: 'wrong-pin' };

describe('audit lines', () => {
  test('one JSON object per line with time, address, room, decision and reason', () => {
    const line = auditLine(entry);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().includes('\n')).toBe(false);
    expect(JSON.parse(line)).toEqual(entry);
  });

  test('a room name with a newline stays on one line', () => {
    expect(auditLine({ ...entry, room: 'a\nb' }).trim().split('\n')).toHaveLength(1);
  });

  test('takes the room from a request that failed validation, cut to 64 characters, and nothing else of it', () => {
    expect(auditedRoom({ room: 'x'.repeat(100), pin: '123456789012' })).toBe('x'.repeat(64));
    expect(auditedRoom({ room: 42 })).toBeNull();
    expect(auditedRoom('not an object')).toBeNull();
  });

  test('appends lines to a file', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'control-audit-'));
    const file = path.join(directory, 'audit.jsonl');
    const log = openAuditLog(file);
    log.write(entry);
    log.write({ ...entry, decision: 'admitted', reason: 'pin', node: 'ws://127.0.0.1:8188' });
    await log.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as AuditEntry);
    expect(lines.map((line) => line.decision)).toEqual(['refused', 'admitted']);
    await rm(directory, { recursive: true });
  });
});
