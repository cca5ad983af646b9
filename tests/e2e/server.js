// A static file server for the browser tests: www/ on a free loopback port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../www/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

// `overrides` maps a URL prefix to another directory, e.g. { '/pkg/': a debug build };
// `base` serves www/ under a sub-path, as a host may (e.g. '/nested/path/').
export async function serveWww(overrides = {}, { base = '/' } = {}) {
  const server = createServer(async (request, response) => {
    const full = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!full.startsWith(base)) {
      response.writeHead(404).end('not found');
      return;
    }
    const path = full.slice(base.length - 1);
    const prefix = Object.keys(overrides).find((p) => path.startsWith(p));
    const [root, rest] = prefix ? [join(overrides[prefix], '/'), path.slice(prefix.length)] : [ROOT, path];
    const file = join(root, path.endsWith('/') ? `${rest}index.html` : rest);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${base}`,
    close: () => { server.close(); server.closeAllConnections(); },
  };
}
