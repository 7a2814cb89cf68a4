/** A self-contained API reference page rendered from the OpenAPI document (no external assets). */
export function docsPage(openapi: Record<string, unknown>): string {
  const escape = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const paths = openapi.paths as Record<string, Record<string, { operationId?: string; summary?: string; description?: string; requestBody?: unknown }>>;
  const rows = Object.entries(paths)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, op]) => `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary)}<br><small>${escape(op.description)}</small></td><td><code>${escape(op.operationId)}</code></td></tr>`,
      ),
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Custodia API 文档</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2rem;color:#1f1f1f}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style>
</head><body><h1>Custodia API 文档 / API reference</h1>
<p>OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. 错误以 <code>application/problem+json</code> 返回，含稳定的 <code>code</code>；合规拦截附带 <code>requirement</code>。</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Permission / operation</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
