// Initial web bytes: index.html plus every script, module preload and
// stylesheet it references, each gzipped at level 9 (as served).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] || 'web/dist';
const html = readFileSync(join(dist, 'index.html'));
const refs = [...html.toString().matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = gzipSync(html, { level: 9 }).length;
for (const r of new Set(refs)) total += gzipSync(readFileSync(join(dist, r)), { level: 9 }).length;
console.log(total);
