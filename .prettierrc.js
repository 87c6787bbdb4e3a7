module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
	overrides: [
		{
			// npm writes package.json with two spaces; the examples are the files n8n exports.
			files: ['package.json', 'tools/runtimes/*/package.json', 'examples/*.json'],
			options: { useTabs: false, tabWidth: 2 },
		},
	],
};
