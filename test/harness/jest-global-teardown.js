// Removes the temp root that jest.config.js created for N8N_USER_FOLDER.
const fs = require('node:fs');

module.exports = async () => {
	const root = process.env.GIFTRONAUT_HARNESS_TMP;
	if (root && root.includes('giftronaut-jest-')) fs.rmSync(root, { recursive: true, force: true });
};
