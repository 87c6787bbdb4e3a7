'use strict';

// The editor in headless Chromium (issue 16): what the node creator's search finds for the words
// people use for the job, the actions panel of the node, and the Order → Create panel. Requests to
// anything but 127.0.0.1 are aborted, as in lib/browser.js.
const { withWorkflowInEditor } = require('./lib/browser');

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function searchFor(page, text) {
	const input =
		'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]';
	const field = await page.waitForSelector(input, { visible: true });
	await field.evaluate((element) => {
		element.focus();
		element.select();
	});
	await page.keyboard.press('Backspace');
	await page.keyboard.type(text);
	await pause(900);
	return await page.$$eval('[data-test-id="node-creator-item-name"]', (nodes) =>
		nodes.map((node) => node.textContent.trim()).filter(Boolean),
	);
}

/**
 * @param {{ base: string, email: string, password: string, workflowId: string, nodeName: string,
 *   terms: string[], shots: { search: string, actions: string, panel: string } }} options
 * @returns {Promise<{ found: Record<string, string[]>, actions: string[], description: string, panelText: string, aborted: string[] }>}
 */
async function nodeCreatorSearch(options) {
	const failedShot = options.shots.search.replace(/\.png$/, '.failed.png');
	return await withWorkflowInEditor(
		options,
		failedShot,
		async ({ page, nodeSelector, aborted }) => {
			await page.click('[data-test-id="node-creator-plus-button"]');
			await page.waitForSelector('[data-test-id="node-creator"]', { visible: true });
			const found = {};
			for (const term of options.terms) found[term] = await searchFor(page, term);
			await searchFor(page, options.terms[0]);
			await page.screenshot({ path: options.shots.search });

			let giftronaut;
			for (const name of await page.$$('[data-test-id="node-creator-item-name"]')) {
				if ((await name.evaluate((node) => node.textContent.trim())) === 'Giftronaut')
					giftronaut = name;
			}
			// Not found: the caller's assertions say so; the Create panel is still shown and captured.
			let description = '';
			let actions = [];
			if (giftronaut) {
				await giftronaut.click();
				// The node's panel: its description above the actions (grouped by resource) and triggers.
				await page.waitForFunction(() =>
					/Actions \(\d+\)/.test(
						document.querySelector('[data-test-id="node-creator"]')?.innerText ?? '',
					),
				);
				await pause(600);
				description = await page.$eval('[data-test-id="node-creator"]', (node) => node.innerText);
				const lines = description
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean);
				const start = lines.findIndex((line) => /^Actions \(\d+\)$/.test(line));
				const end = lines.findIndex((line) => /^Triggers \(\d+\)$/.test(line));
				actions = lines
					.slice(start + 1, end > start ? end : undefined)
					.filter((line) => !/ACTIONS$/i.test(line));
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
				const label = [...document.querySelectorAll('label, span, div')].find(
					(node) => node.childElementCount === 0 && node.textContent.trim() === 'Send Timing',
				);
				if (label) label.scrollIntoView({ block: 'start' });
			});
			await pause(500);
			await page.screenshot({ path: options.shots.panel });
			return { found, actions, description, panelText, aborted };
		},
	);
}

module.exports = { nodeCreatorSearch };
