/**
 * The editors' workbench: `npm run edit` on a scratch copy of the content (a Git folder), a new
 * 办事指南 made with the forms alone, saved as a file the content check accepts, and nothing
 * fetched from outside this machine.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../scripts/lib/net';
import { folderFiles, listSeeded, readSeeded, seedPicker } from './support/opfs';

test.describe.configure({ mode: 'serial' });

let scratch = '';
let edit: ChildProcess | null = null;
let origin = '';
let previewOrigin = '';
let guidesBefore = 0;

/** `npm run content:check` on the scratch folder (throws on any error): how many guides it has. */
function guideCount(): number {
	const out = execFileSync('npx', ['tsx', 'scripts/content-check.ts'], {
		env: { ...process.env, CONTENT_DIR: scratch },
		encoding: 'utf8'
	});
	return Number(/办事指南 (\d+) 项/.exec(out)?.[1]);
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	scratch = mkdtempSync(path.join(os.tmpdir(), 'lobby-edit-'));
	cpSync('content', scratch, { recursive: true });
	execFileSync('git', ['init', '-q'], { cwd: scratch });
	guidesBefore = guideCount();
	expect(guidesBefore).toBeGreaterThan(0);
	const port = await freePort();
	const previewPort = await freePort();
	origin = `http://127.0.0.1:${port}`;
	previewOrigin = `http://127.0.0.1:${previewPort}`;
	edit = spawn(
		'npm',
		['run', 'edit', '--', '--port', String(port), '--preview-port', String(previewPort)],
		{
			env: { ...process.env, CONTENT_DIR: scratch },
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let out = '';
	edit.stderr?.on('data', (d: Buffer) => (out += d.toString()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`npm run edit did not start:\n${out}`)),
			90_000
		);
		edit!.stdout?.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes(`${origin}/`)) {
				clearTimeout(timer);
				resolve();
			}
		});
		edit!.on('exit', (code) => reject(new Error(`npm run edit exited (${code}):\n${out}`)));
	});
	expect(out).toContain(`选择文件夹：${scratch}`);
});

test.afterAll(() => {
	// The whole process group: npm, the workbench and its dev server.
	if (edit?.pid) process.kill(-edit.pid, 'SIGTERM');
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Every request that would leave this machine. */
function outsideRequests(page: Page): string[] {
	const outside: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (/^(data|blob):$/.test(url.protocol)) return;
		if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') outside.push(r.url());
	});
	return outside;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The CMS names each field's group 「label」字段 (with invisible direction marks). */
const field = (scope: Page | Locator, label: string) =>
	scope.getByRole('group', { name: new RegExp(`^「\\u2068?${escape(label)}\\u2069?」字段$`) });
const text = (scope: Page | Locator, label: string) =>
	field(scope, label).getByRole('textbox').first();
const addItem = (scope: Page | Locator, label: string) =>
	field(scope, label)
		.getByRole('button', { name: new RegExp(`添加.*${escape(label)}`) })
		.first();

/** The CMS draws a field only once it is scrolled into view. */
async function shown(scope: Locator): Promise<Locator> {
	const page = scope.page();
	for (let i = 0; i < 40 && (await scope.count()) === 0; i++) {
		await page.mouse.move(700, 700);
		await page.mouse.wheel(0, 600);
		await page.waitForTimeout(150);
	}
	await scope.first().scrollIntoViewIfNeeded();
	return scope;
}

async function duration(scope: Locator, value: string) {
	await shown(scope);
	await field(scope, '数值').getByRole('spinbutton').fill(value);
	await field(scope, '单位').getByRole('radio', { name: '工作日', exact: true }).check();
}

test('a guide made with the forms is saved as a valid file, with nothing fetched from outside', async ({
	page
}) => {
	test.setTimeout(180_000);
	const outside = outsideRequests(page);
	await seedPicker(page, folderFiles(scratch));
	await page.goto(`${origin}/admin/#/collections/guides/new`);
	await page.getByRole('button', { name: '使用本地仓库' }).click();
	await expect(text(page, '事项名称')).toBeVisible({ timeout: 30_000 });
	const before = await listSeeded(page, 'guides');

	await text(page, '事项名称').fill('工业设计中心认定');
	await field(page, '事项类型').getByRole('combobox').click();
	await page.getByRole('option', { name: '行政确认', exact: true }).click();
	await text(page, '主题分类').fill('工业设计');
	await addItem(page, '设定依据').click();
	await text(page, '设定依据').fill('《湖南省工业设计中心认定管理办法》第五条');
	await text(page, '实施主体').fill('湖南省经济和信息化委员会');
	await addItem(page, '受理条件').click();
	await text(page, '受理条件').fill('在湖南省依法设立的工业企业');

	const materials = field(page, '申请材料');
	for (const [i, name] of ['认定申请表', '营业执照'].entries()) {
		await addItem(page, '申请材料').click();
		const item = field(materials, '材料名称').nth(i);
		await item.getByRole('textbox').fill(name);
		await field(materials, '材料类型')
			.nth(i)
			.getByRole('radio', { name: '原件', exact: true })
			.check();
		await field(materials, '原件份数').nth(i).getByRole('spinbutton').fill('1');
		await field(materials, '复印件份数').nth(i).getByRole('spinbutton').fill(String(i));
		await field(materials, '来源渠道').nth(i).getByRole('radio', { name: '申请人自备' }).check();
	}

	await addItem(page, '办理环节').click();
	const steps = field(page, '办理环节');
	await text(steps, '环节名称').fill('受理');
	await text(steps, '办理处室/岗位').fill('综合受理窗口');
	await duration(field(steps, '时限'), '5');

	const limits = await shown(field(page, '办结时限'));
	await duration(field(limits, '法定办结时限'), '20');
	await duration(field(limits, '承诺办结时限'), '10');

	const where = await shown(field(page, '办理地点与时间'));
	await text(where, '办理地点').fill('政务服务大厅');
	await text(where, '办理时间').fill('工作日 9:00-17:00');
	await field(where, '窗口号').getByRole('combobox').click();
	await page.getByRole('option', { name: '1号 综合受理窗口' }).click();

	const contact = await shown(field(page, '联系方式'));
	await text(await shown(field(contact, '咨询方式')), '电话').fill('0731-84420131');
	await text(await shown(field(contact, '监督投诉方式')), '电话').fill('0731-84420199');
	await (await shown(field(page, '发布时间'))).locator('input').first().fill('2026-12-01');

	await page.getByRole('button', { name: '保存' }).click();

	let added: string[] = [];
	await expect
		.poll(
			async () => (added = (await listSeeded(page, 'guides')).filter((f) => !before.includes(f))),
			{
				timeout: 20_000
			}
		)
		.toHaveLength(1);
	const name = added[0]!;
	expect(name).toMatch(/^[a-z0-9][a-z0-9-]*\.md$/);
	const saved = (await readSeeded(page, `guides/${name}`))!;
	const front = /^---\n([\s\S]*?)\n---/.exec(saved)?.[1] ?? '';
	const data = parse(front) as Record<string, unknown>;
	expect(data).toMatchObject({
		name: '工业设计中心认定',
		kind: '行政确认',
		materials: [
			{ name: '认定申请表', form: '原件', originals: 1, copies: 0, source: '申请人自备' },
			{ name: '营业执照', form: '原件', originals: 1, copies: 1, source: '申请人自备' }
		],
		steps: [{ name: '受理', office: '综合受理窗口', limit: { value: 5, unit: '工作日' } }],
		where: { window: '1号 综合受理窗口' },
		published: '2026-12-01'
	});

	// The file the CMS wrote, in the content folder, passes the same check as every build.
	writeFileSync(path.join(scratch, 'guides', name), saved);
	expect(readdirSync(path.join(scratch, 'guides'))).toContain(name);
	expect(guideCount()).toBe(guidesBefore + 1);
	expect(outside).toEqual([]);
});

test('the workbench shows the forms beside the live kiosk, in Chinese', async ({ page }) => {
	const outside = outsideRequests(page);
	await page.goto(`${origin}/`);
	const forms = page.frameLocator('iframe[title="内容编辑表单"]');
	await expect(forms.getByRole('button', { name: '使用本地仓库' })).toBeVisible({
		timeout: 30_000
	});
	const preview = page.frameLocator('#preview');
	await expect(preview.getByText('办事指南').first()).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: '信息发布屏' }).click();
	await expect(page.locator('#preview')).toHaveAttribute('src', `${previewOrigin}/bulletin`);
	expect(outside).toEqual([]);
});

/** A notice as the forms save it, shown from `published` until `expires`. */
const notice = (published: string, expires: string) =>
	`---\ntitle: 大厅空调检修期间请从东门进出\nissuer: 政务服务大厅管理办公室\npublished: '${published}'\nexpires: '${expires}'\nurgent: false\n---\n\n检修期间东门正常开放，给您带来不便，敬请谅解。\n`;

test('after each save the workbench shows the content check for that file, in Chinese', async ({
	page
}) => {
	await page.goto(`${origin}/`);
	const check = page.getByRole('status', { name: '内容检查' });
	await expect(check).toContainText('内容检查通过', { timeout: 30_000 });

	// Saved with the end before the start (a slip in the date picker).
	const file = path.join(scratch, 'notices', 'aircon-east-door.md');
	writeFileSync(file, notice('2026-12-10 09:00', '2026-12-01 17:00'));
	await expect(check).toContainText('刚保存：notices/aircon-east-door.md — 有 1 处错误', {
		timeout: 10_000
	});
	await expect(check).toContainText('改正之前，这些内容不会发布');
	await expect(check.getByRole('listitem').first()).toHaveText(
		/notices\/aircon-east-door\.md · 截止时间：应晚于发布时间（2026-12-10 09:00）/
	);

	// Put right and saved again: the same file passes, and so does the whole folder.
	writeFileSync(file, notice('2026-12-01 09:00', '2026-12-10 17:00'));
	await expect(check).toContainText('刚保存：notices/aircon-east-door.md — 没有错误，可以发布', {
		timeout: 10_000
	});
	await expect(check).toContainText('内容检查通过');
	await expect(check.locator('li[data-severity="error"]')).toHaveCount(0);
	rmSync(file);
});

test('the preview shows the kiosk as at a chosen moment, for notices not yet up', async ({
	page
}, testInfo) => {
	await page.goto(`${origin}/`);
	const frame = page.locator('#preview');
	const preview = page.frameLocator('#preview');
	const form = page.locator('#as-at');
	const newYear = preview.getByText('2027年元旦假期政务服务大厅办公安排');
	const choose = async (at: string) => {
		await form.getByLabel(/按此时间预览/).fill(at);
		await form.getByRole('button', { name: '预览', exact: true }).click();
	};

	// The New Year notice goes up on 24 November at 10:00: the day after, the home screen lists it.
	await choose('2026-11-25T10:00');
	await expect(frame).toHaveAttribute('src', `${previewOrigin}/?at=2026-11-25%2010%3A00`);
	await expect(form.locator('output')).toHaveText('预览时间：2026-11-25 10:00');
	await expect(newYear).toBeVisible({ timeout: 60_000 });
	await expect(preview.locator('header.top-bar').getByText(/10:0\d/)).toBeVisible();

	// Four days earlier it is not up yet.
	await choose('2026-11-20T10:00');
	await expect(preview.getByText('关于政务服务大厅窗口调整的公告').first()).toBeVisible({
		timeout: 60_000
	});
	await expect(newYear).toHaveCount(0);
	await page.screenshot({ path: testInfo.outputPath('workbench-as-at.png') });

	// Back to the real clock, on the bulletin too.
	await page.getByRole('button', { name: '恢复当前时间' }).click();
	await expect(frame).toHaveAttribute('src', `${previewOrigin}/?at=now`);
	await page.getByRole('button', { name: '信息发布屏' }).click();
	await expect(frame).toHaveAttribute('src', `${previewOrigin}/bulletin?at=now`);
});

test('an A4 review copy of a guide for the approver, with the version, the date and lines to sign', async ({
	page
}, testInfo) => {
	await page.goto(`${origin}/`);
	// Opened beside the workbench: the list of what can be reviewed.
	const opened = page.context().waitForEvent('page');
	await page.getByRole('link', { name: '审核稿', exact: true }).click();
	const list = await opened;
	await expect(list.getByRole('heading', { name: '办事指南' })).toBeVisible();
	await list.getByRole('link', { name: 'guides/energy-saving-review.md' }).click();

	await expect(list.getByRole('heading', { level: 1 })).toHaveText('固定资产投资项目节能审查');
	await expect(list.locator('header')).toContainText('办事指南 · 审核稿');
	await expect(list.locator('header')).toContainText(/内容版本 [0-9a-f]{6,}/);
	await expect(list.getByText('内容检查通过：这份文件可以发布。')).toBeVisible();
	await expect(list.getByRole('rowheader', { name: '申请材料' })).toBeVisible();
	await expect(list.getByRole('cell', { name: '节能审查申请函' }).first()).toBeVisible();
	await expect(list.getByRole('rowheader', { name: '审核人（签字）' })).toBeVisible();
	await list.screenshot({ path: testInfo.outputPath('review-copy.png'), fullPage: true });

	// Printed, it is A4.
	const pdf = testInfo.outputPath('review-copy.pdf');
	writeFileSync(pdf, await list.pdf({ preferCSSPageSize: true }));
	expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);

	// A file that is not content is not served.
	const outside = await list.goto(`${origin}/review/..%2Fpackage.json`);
	expect(outside?.status()).toBe(404);
});
