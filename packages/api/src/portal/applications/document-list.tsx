/**
 * An application's documents as a table: what each is (the program's name for its
 * kind), the file's name, its size, its state, and, where the reader may open it, a
 * link that asks for a short-lived read (`openHref`); only verified bytes can be read.
 * Replaced files stay listed, marked, for the audit trail.
 */
import type { ApplicationDocument, DocumentStatus, LocalizedText, Program } from '@sme/core';
import type { FC } from 'hono/jsx';
import { fileSize } from '../shell/text.js';

export const DOCUMENT_STATES: Record<DocumentStatus, LocalizedText & { tag: string }> = {
  pending: { zh: '待核验', en: 'Not yet verified', tag: 'warn' },
  verified: { zh: '已核验', en: 'Verified', tag: 'ok' },
  replaced: { zh: '已被替换', en: 'Replaced', tag: 'closed' },
};

/** The program's name for a kind of document, or the kind itself if the program no longer has it. */
export const documentKindLabel = (program: Program, kind: string): LocalizedText =>
  program.documents.find((d) => d.kind === kind)?.label ?? { zh: kind, en: kind };

export const DocumentList: FC<{
  program: Program;
  documents: readonly ApplicationDocument[];
  /** Where the reader opens a document; without it, documents are listed only. */
  openHref?: ((documentId: string) => string) | undefined;
}> = ({ program, documents, openHref }) => {
  if (documents.length === 0) return <p class="muted">尚无申报材料。No documents.</p>;
  // The program's order of kinds, the live file before the ones it replaced.
  const order = new Map(program.documents.map((d, i) => [d.kind, i]));
  const sorted = [...documents].sort(
    (a, b) =>
      (order.get(a.kind) ?? 99) - (order.get(b.kind) ?? 99) ||
      Number(a.status === 'replaced') - Number(b.status === 'replaced') ||
      a.requestedAt.localeCompare(b.requestedAt),
  );
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">材料 Kind</th>
            <th scope="col">文件 File</th>
            <th scope="col">大小 Size</th>
            <th scope="col">状态 State</th>
            {openHref && <th scope="col">查看 View</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((doc) => {
            const label = documentKindLabel(program, doc.kind);
            const state = DOCUMENT_STATES[doc.status];
            return (
              <tr>
                <td>
                  {label.zh}{' '}
                  <span class="en" lang="en">
                    {label.en}
                  </span>
                </td>
                <td>{doc.filename}</td>
                <td>{fileSize(doc.size)}</td>
                <td>
                  <span class={`tag ${state.tag}`}>{state.zh}</span>{' '}
                  <span class="en" lang="en">
                    {state.en}
                  </span>
                </td>
                {openHref && (
                  <td>
                    {doc.status === 'verified' ? (
                      <a href={openHref(doc.documentId)} target="_blank" rel="noopener">
                        打开 Open
                        <span class="visually-hidden">：{doc.filename}（在新窗口打开）</span>
                      </a>
                    ) : (
                      <span class="muted">不可查看</span>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
