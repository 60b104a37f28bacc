/**
 * The staff workbench's sign-in for the forms: the staff site (nginx) has checked the editor's
 * password and passes their name; the workbench hands the CMS a token that carries the name,
 * signed with a secret made at start. The forms' API (./git-api.ts) takes only such tokens, and
 * commits under the name inside. A restart makes a new secret: the page is simply loaded again.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Editor } from './git-api.ts';

/** What a name may hold in a commit's author line. */
const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export class EditorTokens {
	#secret: Buffer;

	constructor(secret: Buffer = randomBytes(32)) {
		this.#secret = secret;
	}

	/** The signed-in editor of a page request: nginx's `X-Remote-User`, else `fallback`. */
	loginOf(req: http.IncomingMessage, fallback: string): string {
		const header = req.headers['x-remote-user'];
		return typeof header === 'string' && NAME.test(header) ? header : fallback;
	}

	issue(login: string): string {
		return `${Buffer.from(login, 'utf8').toString('base64url')}.${this.#sign(login)}`;
	}

	/** The editor a request's `Authorization: token …` names, or null for anything else. */
	editorOf(req: http.IncomingMessage): Editor | null {
		const m = /^token ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(req.headers.authorization ?? '');
		if (!m) return null;
		const login = Buffer.from(m[1]!, 'base64url').toString('utf8');
		const given = Buffer.from(m[2]!);
		if (!NAME.test(login) || !timingSafeEqual(given, Buffer.from(this.#sign(login)))) return null;
		return { login, name: login, email: `${login}@localhost` };
	}

	#sign(login: string): string {
		return createHmac('sha256', this.#secret).update(login, 'utf8').digest('base64url');
	}
}
