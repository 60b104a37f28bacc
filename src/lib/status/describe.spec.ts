import { describe, expect, it } from 'vitest';
import { describeNetwork } from './describe';

const at = (ms: number) => new Date(ms).toISOString();

describe('describeNetwork', () => {
	it('says offline with the time the server stopped answering', () => {
		expect(describeNetwork(0, 5, at)).toBe('离线：无法连接服务器（自 1970-01-01T00:00:00.000Z）');
	});
	it('says online only after the server answered', () => {
		expect(describeNetwork(null, null, at)).toBe('正在连接服务器…');
		expect(describeNetwork(null, 5, at)).toBe('在线');
	});
});
