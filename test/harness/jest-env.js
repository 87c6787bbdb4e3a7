// Jest setupFiles entry (plain JS: the n8n lint rules ban `process` in .ts files).
// One N8N_USER_FOLDER per worker, inside the run's temp root created by jest.config.js.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root =
	process.env.GIFTRONAUT_HARNESS_TMP || fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-jest-'));
const folder = path.join(root, `worker-${process.env.JEST_WORKER_ID || '0'}`);
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
// Quiet n8n's logger and keep it from touching anything outside the temp folder.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
