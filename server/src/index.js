// @ts-check
// The server as a library: what the CLI uses, for embedding (the demo mounts it in its own
// static server) and for tests.
export { createApp, createLogServer, normalizeOrigin, DEFAULTS } from './app.js';
export { open, parseDbUrl, redact } from './store/index.js';
export { verifyChain, canonical, sha256, link, receiptKey, GENESIS } from './chain.js';
export { parseReceipt, ReceiptError } from './receipt.js';
export { maskIp, maskUserAgent } from './net.js';
export { main, DEFAULT_RETENTION_DAYS, DEFAULT_DB } from './cli.js';
