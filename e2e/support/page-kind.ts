/** A page's kind: its path with ids and link tokens replaced ("/equipe/candidatures/:id"). */
export const pageKind = (url: URL) =>
  url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/\/[A-Za-z0-9_-]{20,}$/, '/:token')
