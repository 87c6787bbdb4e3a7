'use strict';

// The editor in a real browser: headless Chromium driven by puppeteer-core. Logs in, opens a
// workflow with the Giftronaut node, opens the node and its Product dropdown, and returns what the
// dropdown lists. Every request to anything but 127.0.0.1 is aborted (and counted).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM_CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
];

function findChromium() {
	return CHROMIUM_CANDIDATES.find((candidate) => candidate && fs.existsSync(candidate));
}

// A fresh Debian machine has no browser: as root, install Debian's Chromium (a registry package,
// no browser download of puppeteer's own).
function installChromium() {
	const { execFileSync } = require('node:child_process');
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) return;
	console.log('  installing Debian chromium with apt-get (once per machine)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
	execFileSync(
		'apt-get',
		['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
		{ stdio: 'ignore', env },
	);
}

function chromiumPath() {
	let found = findChromium();
	if (!found) {
		installChromium();
		found = findChromium();
	}
	if (!found) {
		throw new Error(
			'Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH',
		);
	}
	return found;
}

const FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--no-default-browser-check',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--disable-features=Translate,MediaRouter,OptimizationHints',
	'--window-size=1440,900',
];

function isLocal(url) {
	if (/^(data|blob|about):/.test(url)) return true;
	try {
		return new URL(url).hostname === '127.0.0.1';
	} catch {
		return false;
	}
}

/**
 * @param {{ base: string, email: string, password: string, workflowId: string, nodeName: string,
 *   expectProducts: string[], shots: { canvas: string, dropdown: string }, log?: (s: string) => void }} options
 */
async function productDropdownInEditor(options) {
	const puppeteer = require('puppeteer-core');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-chromium-'));
	const aborted = [];
	const browser = await puppeteer.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: FLAGS,
		userDataDir,
		defaultViewport: { width: 1440, height: 900 },
		timeout: 60000,
	});
	let page;
	try {
		page = await browser.newPage();
		page.setDefaultTimeout(30000);
		await page.setRequestInterception(true);
		page.on('request', (request) => {
			if (isLocal(request.url())) return request.continue();
			aborted.push(request.url());
			return request.abort('blockedbyclient');
		});

		await page.goto(`${options.base}/signin`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('input[type="email"]');
		await page.type('input[type="email"]', options.email);
		await page.type('input[type="password"]', options.password);
		await Promise.all([
			page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 30000 }),
			page.keyboard.press('Enter'),
		]);

		await page.goto(`${options.base}/workflow/${options.workflowId}`, {
			waitUntil: 'networkidle2',
		});
		const nodeSelector = `[data-test-id="canvas-node"][data-node-name="${options.nodeName}"]`;
		await page.waitForSelector(nodeSelector, { visible: true });
		await settle(page);
		await page.screenshot({ path: options.shots.canvas });

		await page.click(nodeSelector, { count: 2 });
		const rlc = '[data-test-id="parameter-input-product"] [data-test-id="rlc-input"]';
		await page.waitForSelector(rlc, { visible: true });
		await page.click(rlc);
		await page.waitForSelector('[data-test-id="rlc-item"]', { visible: true });
		// The selected entry shows at once (cached name); the rest arrive from searchProducts.
		await page.waitForFunction(
			(texts) => {
				const items = [...document.querySelectorAll('[data-test-id="rlc-item"]')].map(
					(item) => item.textContent,
				);
				return (
					items.length > 10 && texts.every((text) => items.some((item) => item.includes(text)))
				);
			},
			{ timeout: 30000 },
			options.expectProducts,
		);
		await settle(page);
		const items = await page.$$eval('[data-test-id="rlc-item"]', (nodes) =>
			nodes.map((node) => node.textContent.trim()),
		);
		await page.screenshot({ path: options.shots.dropdown });
		return { items, aborted };
	} catch (error) {
		// What the editor showed when it went wrong, next to the screenshots.
		const failedShot = options.shots.dropdown.replace(/\.png$/, '.failed.png');
		if (page) await page.screenshot({ path: failedShot }).catch(() => undefined);
		error.message = `${error.message} (page at failure: ${failedShot})`;
		throw error;
	} finally {
		await browser.close().catch(() => undefined);
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

/** Lets transitions and fonts finish before a screenshot. */
async function settle(page) {
	await page.evaluate(() => document.fonts && document.fonts.ready);
	await new Promise((resolve) => setTimeout(resolve, 600));
}

module.exports = { productDropdownInEditor, chromiumPath };
