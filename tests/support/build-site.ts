/** Builds a version of the kiosk for the update and nginx tests, in a throwaway project copy. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProject, takeBuild, viteBuild } from '../../scripts/build-site.ts';

export interface BuildOptions {
	/** Content folder to build from (CONTENT_DIR). */
	contentDir: string;
	/** Where the static site ends up; replaced if it exists. */
	outDir: string;
	env?: Record<string, string>;
}

export async function buildSite({ contentDir, outDir, env = {} }: BuildOptions): Promise<void> {
	const work = copyProject(mkdtempSync(path.join(os.tmpdir(), 'kiosk-build-')));
	try {
		await viteBuild(work, { env: { ...env, CONTENT_DIR: path.resolve(contentDir) } });
		takeBuild(work, outDir);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
