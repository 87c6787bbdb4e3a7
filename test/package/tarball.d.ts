export declare const ROOT: string;

export interface Packed {
	/** temp folder: the tarball, node_modules/<package name> (unpacked) and, once provided, the peer */
	dir: string;
	packageDir: string;
	/** paths inside the tarball, as npm pack lists them */
	files: string[];
	size: number;
}

export interface Loaded {
	kind: 'node' | 'credential';
	file: string;
	className: string;
	name: string;
	displayName: string;
	credentials: string[];
	icons: Array<{ icon: string; exists: boolean }>;
}

export declare function packAndUnpack(): Packed;
export declare function provideN8nWorkflow(dir: string): string[];
/** Throws with Node's error output when a file cannot be loaded. */
export declare function loadInIsolation(
	dir: string,
	packageDir: string,
): { loaded: Loaded[]; outside: string[] };
export declare function run(command: string, args: string[], options?: { cwd?: string }): string;
