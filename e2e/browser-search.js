'use strict';

// The editor in headless Chromium (issue 16): what the node creator's search finds for the words
// people use for the job, the actions panel of the node, and the Order → Create panel. Requests to
// anything but 127.0.0.1 are aborted, as in lib/browser.js.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chromiumPath } = require('./lib/browser');

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1440,900'];
const isLocal = (url) => /^(data|blob|about):/.test(url) || (() => { try { return new URL(url).hostname === '127.0.0.1'; } catch { return false; } })();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function searchFor(page, text) {
	const input = '[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]';
	const field = await page.waitForSelector(input, { visible: true });
	await field.evaluate((element) => {
		element.focus();
		element.select();
	});
	await page.keyboard.press('Backspace');
	await page.keyboard.type(text);
	await pause(900);
	return await page.$$eval('[data-test-id="node-creator-item-name"]', (nodes) => nodes.map((node) => node.textContent.trim()).filter(Boolean));
}

/**
 * @param {{ base: string, email: string, password: string, workflowId: string, nodeName: string,
 *   terms: string[], shots: { search: string, actions: string, panel: string } }} options
 * @returns {Promise<{ found: Record<string, string[]>, actions: string[], description: string, panelText: string, aborted: string[] }>}
 */
async function nodeCreatorSearch(options) {
	const puppeteer = require('puppeteer-core');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-chromium-'));
	const aborted = [];
	const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS, userDataDir, defaultViewport: { width: 1440, height: 900 }, timeout: 60000 });
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
		await Promise.all([page.waitForFunction(() => !location.pathname.startsWith('/signin')), page.keyboard.press('Enter')]);

		await page.goto(`${options.base}/workflow/${options.workflowId}`, { waitUntil: 'networkidle2' });
		const nodeSelector = `[data-test-id="canvas-node"][data-node-name="${options.nodeName}"]`;
		await page.waitForSelector(nodeSelector, { visible: true });
		await pause(600);

		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitForSelector('[data-test-id="node-creator"]', { visible: true });
		const found = {};
		for (const term of options.terms) found[term] = await searchFor(page, term);
		await searchFor(page, options.terms[0]);
		await page.screenshot({ path: options.shots.search });

		let giftronaut;
		for (const name of await page.$$('[data-test-id="node-creator-item-name"]')) {
			if ((await name.evaluate((node) => node.textContent.trim())) === 'Giftronaut') giftronaut = name;
		}
		// Not found: the caller's assertions say so; the Create panel is still shown and captured.
		let description = '';
		let actions = [];
		if (giftronaut) {
			await giftronaut.click();
			// The node's panel: its description above the actions (grouped by resource) and triggers.
			await page.waitForFunction(() => /Actions \(\d+\)/.test(document.querySelector('[data-test-id="node-creator"]')?.innerText ?? ''));
			await pause(600);
			description = await page.$eval('[data-test-id="node-creator"]', (node) => node.innerText);
			const lines = description.split('\n').map((line) => line.trim()).filter(Boolean);
			const start = lines.findIndex((line) => /^Actions \(\d+\)$/.test(line));
			const end = lines.findIndex((line) => /^Triggers \(\d+\)$/.test(line));
			actions = lines.slice(start + 1, end > start ? end : undefined).filter((line) => !/ACTIONS$/i.test(line));
			await page.screenshot({ path: options.shots.actions });
		}
		await page.keyboard.press('Escape');
		await pause(300);
		await page.keyboard.press('Escape');
		await pause(300);

		await page.click(nodeSelector, { count: 2 });
		await page.waitForSelector('[data-test-id="parameter-input-product"]', { visible: true });
		await pause(800);
		const panelText = await page.evaluate(() => document.body.innerText);
		// Scroll the parameters to the fields issue 16 is about.
		await page.evaluate(() => {
			const label = [...document.querySelectorAll('label, span, div')].find((node) => node.childElementCount === 0 && node.textContent.trim() === 'Send Timing');
			if (label) label.scrollIntoView({ block: 'start' });
		});
		await pause(500);
		await page.screenshot({ path: options.shots.panel });
		return { found, actions, description, panelText, aborted };
	} catch (error) {
		const failedShot = options.shots.search.replace(/\.png$/, '.failed.png');
		if (page) await page.screenshot({ path: failedShot }).catch(() => undefined);
		error.message = `${error.message} (page at failure: ${failedShot})`;
		throw error;
	} finally {
		await browser.close().catch(() => undefined);
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

module.exports = { nodeCreatorSearch };
