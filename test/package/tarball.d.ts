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
/** Copies n8n-workflow and what it needs at run time into `<dir>/node_modules`; returns the names. */
export declare function provideN8nWorkflow(dir: string): string[];
/** Throws with Node's error output when a file cannot be loaded. */
export declare function loadInIsolation(
	dir: string,
	packageDir: string,
): { loaded: Loaded[]; outside: string[] };
export declare function repoText(relative: string): string;
export declare function repoJson<T>(relative: string): T;
export declare function repoYaml<T>(relative: string): T;
export declare function packagedJson<T>(packed: Packed, relative: string): T;
/** Returns the function that restores the file. */
export declare function appendToPackaged(
	packageDir: string,
	relative: string,
	text: string,
): () => void;
export declare function scanPackaged(packageDir: string): { status: number | null; output: string };
export declare function removeDir(dir: string): void;
