/**
 * `/api/docs`: the OpenAPI document as a page a clerk or integrator can read, rendered
 * on the server from the same document as `/api/openapi.json` (no script, no CDN: the
 * platform runs where outside networks may be closed).
 */
import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** The page's one inline stylesheet; the CSP of `/api/docs` allows exactly this text by its hash. */
export const DOCS_STYLE = `
body{font-family:"WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2933}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d9e2ec}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e7eb;padding:.4rem;text-align:left;vertical-align:top}
code{font-family:ui-monospace,monospace}.m{font-weight:bold;text-transform:uppercase;width:5rem}
details pre{background:#f5f7fa;padding:.5rem;overflow:auto;max-height:20rem}`;

const OperationRow: FC<{ path: string; method: string; op: Operation }> = ({
  path,
  method,
  op,
}) => (
  <tr>
    <td class="m">{method}</td>
    <td>
      <code>{path}</code>
      <div>{op.summary}</div>
    </td>
    <td>{(op.parameters ?? []).map((p) => `${p.name} (${p.in})`).join(', ')}</td>
    <td>
      {Object.entries(op.responses ?? {}).map(([status, r]) => (
        <div>
          <code>{status}</code> {r.description}
        </div>
      ))}
    </td>
  </tr>
);

export const DocsPage: FC<{ doc: OpenApiDocument }> = ({ doc }) => {
  const byTag = new Map<string, { path: string; method: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>接口文档 / API reference</title>
        <style>{raw(DOCS_STYLE)}</style>
      </head>
      <body>
        <h1>
          {doc.info.title} <small>v{doc.info.version}</small>
        </h1>
        <p>
          机器可读版本 / machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>
          （OpenAPI 3.1）。错误均为 RFC 9457 problem details，带稳定的 <code>code</code>。
        </p>
        {[...byTag.entries()].map(([tag, ops]) => (
          <section>
            <h2>{tag}</h2>
            <table>
              <thead>
                <tr>
                  <th>方法</th>
                  <th>路径 / path</th>
                  <th>参数 / parameters</th>
                  <th>应答 / responses</th>
                </tr>
              </thead>
              <tbody>
                {ops.map((o) => (
                  <OperationRow {...o} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <h2>数据结构 / schemas</h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <details>
            <summary>
              <code>{name}</code>
            </summary>
            <pre>{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </body>
    </html>
  );
};
