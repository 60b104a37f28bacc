import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { EditorTokens } from './editor-tokens.ts';

const asking = (headers: Record<string, string>) => ({ headers }) as http.IncomingMessage;

describe('tokens for the staff workbench’s forms', () => {
	const tokens = new EditorTokens();

	it('names the editor the staff site signed in, and only with a token this run issued', () => {
		const token = tokens.issue('张三');
		expect(tokens.editorOf(asking({ authorization: `token ${token}` }))).toEqual({
			login: '张三',
			name: '张三',
			email: '张三@localhost'
		});
		const other = new EditorTokens().issue('张三');
		expect(tokens.editorOf(asking({ authorization: `token ${other}` }))).toBeNull();
		expect(tokens.editorOf(asking({}))).toBeNull();
		expect(tokens.editorOf(asking({ authorization: 'Basic emhhbmdzYW46eA==' }))).toBeNull();
	});

	it('cannot be turned into another editor’s token', () => {
		const [, signature] = tokens.issue('zhangsan').split('.');
		const forged = `${Buffer.from('lisi').toString('base64url')}.${signature}`;
		expect(tokens.editorOf(asking({ authorization: `token ${forged}` }))).toBeNull();
	});

	it('takes the name from the staff site, never a name that could break a commit line', () => {
		expect(tokens.loginOf(asking({ 'x-remote-user': 'zhangsan' }), 'editor')).toBe('zhangsan');
		expect(tokens.loginOf(asking({ 'x-remote-user': 'x> <y' }), 'editor')).toBe('editor');
		expect(tokens.loginOf(asking({}), 'editor')).toBe('editor');
	});
});
