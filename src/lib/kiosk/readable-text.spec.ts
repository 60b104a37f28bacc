import { describe, expect, it } from 'vitest';
import { readableText, type ReadableNode } from './readable-text';

/** A tiny element tree: h('p', { class: 'x' }, 'text', h('b', {}, 'bold')). */
type Node = ReadableNode & { attrs: Record<string, string> };
function h(name: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): Node {
	const childNodes = kids.map((k) => (typeof k === 'string' ? text(k) : k));
	return {
		nodeType: 1,
		nodeName: name.toUpperCase(),
		attrs,
		get textContent() {
			return childNodes.map((c) => c.textContent).join('');
		},
		childNodes,
		getAttribute: (n: string) => attrs[n] ?? null
	};
}
function text(value: string): Node {
	return { nodeType: 3, nodeName: '#text', attrs: {}, textContent: value, childNodes: [] };
}

/** The materials section of a guide page, as MaterialsChecklist renders it. */
function materials(): Node {
	return h(
		'section',
		{ class: 'card' },
		h('button', { class: 'read' }, '朗读'),
		h('h2', {}, '申请材料（共 2 项）'),
		h(
			'table',
			{ 'data-read-label': '申请材料' },
			h('caption', { class: 'visually-hidden' }, '申请材料清单'),
			h(
				'thead',
				{},
				h(
					'tr',
					{},
					h('th', {}, h('span', { class: 'visually-hidden' }, '核对')),
					h('th', {}, '材料名称'),
					h('th', {}, '份数'),
					h('th', {}, '来源')
				)
			),
			h(
				'tbody',
				{},
				h(
					'tr',
					{},
					h('td', {}, h('span', { class: 'box', 'aria-hidden': 'true' })),
					h(
						'td',
						{},
						h('strong', {}, '政府信息公开申请表'),
						h('span', { class: 'tags' }, h('span', {}, '原件'), h('span', {}, '纸质')),
						h('span', { 'data-no-read': '' }, h('a', { href: '/media/form.pdf' }, '空白表格'))
					),
					h('td', {}, '原件 1 份'),
					h('td', {}, '申请人自备')
				),
				h(
					'tr',
					{},
					h('td', {}),
					h('td', {}, h('strong', {}, '身份证')),
					h('td', {}, '复印件 1 份'),
					h('td', {}, '申请人自备')
				)
			)
		)
	);
}

describe('readableText', () => {
	it('reads a table row by row, each cell with its column header', () => {
		expect(readableText(materials())).toBe(
			'申请材料（共 2 项）。' +
				'申请材料 第1项，材料名称：政府信息公开申请表，原件，纸质，份数：原件 1 份，来源：申请人自备。' +
				'申请材料 第2项，材料名称：身份证，份数：复印件 1 份，来源：申请人自备'
		);
	});

	it('takes the caption as the label, and the first row of <th> as headers without <thead>', () => {
		const table = h(
			'table',
			{},
			h('caption', {}, '收费标准'),
			h('tr', {}, h('th', {}, '项目'), h('th', {}, '金额')),
			h('tr', {}, h('td', {}, '工本费'), h('td', {}, '10 元'))
		);
		expect(readableText(table)).toBe('收费标准 第1项，项目：工本费，金额：10 元');
	});

	it('numbers rows without a label when the table has no caption', () => {
		const table = h('table', {}, h('tbody', {}, h('tr', {}, h('td', {}, '甲'), h('td', {}, '乙'))));
		expect(readableText(table)).toBe('第1项，甲，乙');
	});

	it('skips button labels, links styled as buttons and web addresses', () => {
		const section = h(
			'section',
			{},
			h('h2', {}, '最新通知'),
			h('a', { class: 'button', href: '/notices' }, '全部通知'),
			h('button', { type: 'button' }, h('svg', {}), '打印材料清单'),
			h('p', {}, '网上办理请访问 https://zwfw.hunan.gov.cn/item?id=1 或 www.example.gov.cn。'),
			h('div', { role: 'button' }, '关闭')
		);
		const said = readableText(section);
		expect(said).toBe('最新通知。网上办理请访问 或 。');
		expect(said).not.toMatch(/全部通知|打印|关闭|http|www/);
	});

	it('skips what is hidden from the visitor', () => {
		const section = h(
			'div',
			{},
			h('p', {}, '看得见'),
			h('p', { hidden: '' }, '隐藏'),
			h('p', { 'aria-hidden': 'true' }, '装饰'),
			h('p', { class: 'print-only' }, '只在打印时')
		);
		const isHidden = (n: ReadableNode) => n.getAttribute?.('class') === 'print-only';
		expect(readableText(section, { isHidden })).toBe('看得见');
	});

	it('pauses between blocks and facts, not inside a sentence', () => {
		const section = h(
			'section',
			{},
			h('h2', {}, '收费标准'),
			h('ul', {}, h('li', {}, h('strong', {}, '工本费'), '：每本 10 元'), h('li', {}, '邮寄费')),
			h('p', {}, h('span', {}, '服务对象：企业'), h('span', {}, '实施机关：经信委'))
		);
		expect(readableText(section)).toBe(
			'收费标准。工本费：每本 10 元。邮寄费。服务对象：企业，实施机关：经信委'
		);
	});

	it('says nothing for a section with nothing to read', () => {
		expect(readableText(h('div', {}, h('button', {}, '朗读'), '  \n '))).toBe('');
	});
});
