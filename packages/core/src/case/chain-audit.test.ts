import { describe, expect, it } from 'vitest';
import type { Application, ApplicationDocument } from '../application/application.js';
import { contentDigestOf } from '../application/content-digest.js';
import { recordChange } from '../application/history-event.js';
import { type HistoryEvent, hashEvent } from './case-history.js';
import { auditChain } from './chain-audit.js';

const provider = { sub: 'provider:91350100M000100Y43', role: 'provider' };
const doc: ApplicationDocument = {
  documentId: 'd-1',
  kind: 'credit-report',
  filename: '信用报告.pdf',
  contentType: 'application/pdf',
  size: 1024,
  sha256: 'a'.repeat(64),
  objectKey: 'tenant/qingdao/org/x/app/credit-report/aaa',
  status: 'verified',
  requestedBy: provider.sub,
  requestedAt: '2024-01-20T01:00:00.000Z',
};

/** A draft, then a document, then the submission: three events, the last one current. */
function walk() {
  const base = {
    id: 'app-1',
    tenant: 'qingdao',
    programId: 'dx-providers-2024',
    org: { uscc: '91350100M000100Y43', name: '某公司', region: 'laoshan' },
    entityUscc: '91350100M000100Y43',
    track: 'product',
    industries: ['auto-parts'],
    fields: { teamSize: 25 },
    status: 'draft' as const,
    version: 1,
    createdAt: '2024-01-20T01:00:00.000Z',
    updatedAt: '2024-01-20T01:00:00.000Z',
  };
  const at = (ms: number) => new Date(Date.parse('2024-01-20T01:00:00Z') + ms);
  const first = recordChange({
    previous: null,
    next: base,
    documents: [],
    actor: provider,
    at: at(0),
  });
  const second = recordChange({
    previous: first.application,
    next: { ...first.application, version: 2 },
    documents: [doc],
    actor: provider,
    at: at(7),
  });
  const third = recordChange({
    previous: second.application,
    next: { ...second.application, status: 'submitted', version: 3 },
    actor: provider,
    at: at(9),
  });
  return {
    events: [first.event, second.event, third.event],
    application: third.application as Application,
  };
}

describe('auditing a history chain', () => {
  it('accepts an untouched chain and the application behind its latest event', () => {
    const { events, application } = walk();
    expect(events.map((e) => e.at)).toEqual([
      '2024-01-20T01:00:00.000Z',
      '2024-01-20T01:00:00.007Z',
      '2024-01-20T01:00:00.009Z',
    ]);
    expect(events[2]?.digest).toBe(contentDigestOf(application, [doc]));
    expect(
      auditChain(events, { state: application, content: contentDigestOf(application, [doc]) }),
    ).toMatchObject({
      ok: true,
      events: 3,
    });
  });

  it('names the exact event whose content was altered', () => {
    const { events } = walk();
    const altered = events.map((e) => (e.seq === 2 ? { ...e, reason: '改过' } : e));
    expect(auditChain(altered)).toMatchObject({ ok: false, seq: 2, reason: 'hash_mismatch' });
  });

  it('names an event re-hashed after an edit: it no longer chains to the next', () => {
    const { events } = walk();
    const forged = events.map((e): HistoryEvent => {
      if (e.seq !== 2) return e;
      const { hash: _hash, ...body } = { ...e, actor: 'someone-else' };
      return { ...body, hash: hashEvent(body) };
    });
    expect(auditChain(forged)).toMatchObject({ ok: false, seq: 3, reason: 'prev_hash_mismatch' });
  });

  it('finds a removed event', () => {
    const { events } = walk();
    expect(auditChain([events[0]!, events[2]!])).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'sequence_gap',
    });
  });

  it('finds a document swapped behind the latest event', () => {
    const { events, application } = walk();
    const swapped = { ...doc, sha256: 'b'.repeat(64) };
    expect(
      auditChain(events, { state: application, content: contentDigestOf(application, [swapped]) }),
    ).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'content_mismatch',
    });
    expect(
      auditChain(events, {
        state: application,
        content: contentDigestOf({ ...application, fields: { teamSize: 99 } }, [doc]),
      }),
    ).toMatchObject({ ok: false, reason: 'content_mismatch' });
  });
});
