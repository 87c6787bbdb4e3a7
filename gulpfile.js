const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles the TypeScript; this copies what it does not: the icons, to the paths the
// compiled files reference (nodes and credentials point at ../icons and ../../icons).
task('build:icons', copyIcons);

function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}
