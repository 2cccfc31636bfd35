// @ts-check
// Run the scanner as a site owner does, from the outside: the bin, a URL, an output directory.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/consent-gate-scan.js', import.meta.url));

/**
 * @param {string} url
 * @param {string[]} [args]  flags besides <url> and --out
 * @returns {Promise<{ status: number | null, stderr: string, out: string, seconds: number, report: any, config: any, html: string }>}
 */
export async function runScan(url, args = []) {
  const out = await mkdtemp(join(tmpdir(), 'consent-gate-scan-'));
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, url, '--out', out, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const read = async (/** @type {string} */ name) => (existsSync(join(out, name)) ? readFile(join(out, name), 'utf8') : '');
  const json = await read('report.json');
  const config = await read('consent-config.json');
  return { status, stderr, out, seconds: (Date.now() - started) / 1000, report: json ? JSON.parse(json) : null, config: config ? JSON.parse(config) : null, html: await read('report.html') };
}

/** A free TCP port on 127.0.0.1 (for servers that take a port number rather than 0). */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
