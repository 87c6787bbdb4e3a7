// Types for test/repo/files.js.

export interface RepoTextFile {
	/** Path relative to the repository root, with forward slashes. */
	file: string;
	text: string;
}

/** Tracked and new (not ignored) text files of the repository, outside .ci/. */
export function textFiles(): RepoTextFile[];

/** A file's text, by path relative to the repository root. */
export function readRepoFile(file: string): string;
