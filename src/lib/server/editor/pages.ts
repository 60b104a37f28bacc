/** The two pages of the editors' workbench: the CMS itself, and the CMS beside the preview. */
import { escapeHtml } from './html.ts';

export const adminHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容编辑</title>
<script src="/admin/seed.js"></script>
</head>
<body>
<script src="/admin/sveltia-cms.js"></script>
</body>
</html>
`;

/** Preview sizes: the kiosk upright and sideways, and the LED screen. */
const VIEWS = [
	{ path: '/', width: 1080, height: 1920, label: '触摸屏（竖屏）' },
	{ path: '/', width: 1920, height: 1080, label: '触摸屏（横屏）' },
	{ path: '/bulletin', width: 1920, height: 1080, label: '信息发布屏' },
	{ path: '/bulletin/preview', width: 1920, height: 1080, label: '发布屏各尺寸' }
];

export function workbenchHtml(previewOrigin: string, options: { publish: boolean }): string {
	const origin = escapeHtml(previewOrigin);
	const buttons = VIEWS.map(
		(v, i) =>
			`<button type="button" data-path="${v.path}" data-width="${v.width}" data-height="${v.height}"${i === 0 ? ' aria-pressed="true"' : ' aria-pressed="false"'}>${v.label}</button>`
	).join('\n\t\t');
	return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容编辑工作台</title>
<link rel="stylesheet" href="/workbench.css">
<script src="/workbench.js" defer></script>
</head>
<body data-preview="${origin}">
<main>
	<section class="forms" aria-label="编辑内容">
		<iframe src="/admin/" title="内容编辑表单"></iframe>
	</section>
	<section class="preview" aria-label="预览">
		<nav>
		<span>预览（保存后自动刷新）：</span>
		${buttons}
		<a href="${origin}/" target="_blank" rel="noopener" id="open">在新窗口打开</a>
		<a href="/review/" target="_blank" rel="noopener">审核稿</a>
		</nav>
		<form id="as-at" class="as-at">
		<label>按此时间预览（定时发布的通知、幻灯片）：<input type="datetime-local" name="at" required></label>
		<button type="submit">预览</button>
		<button type="button" id="as-now">恢复当前时间</button>
		<output id="as-at-shown">当前时间</output>
		</form>
		<section id="check" class="check" role="status" aria-live="polite" aria-label="内容检查">正在检查内容…</section>
		${options.publish ? '<form id="publish" class="publish"><button type="submit">发布到终端</button><output id="publish-result" role="status" aria-live="polite"></output></form>' : ''}
		<div class="stage"><iframe id="preview" src="${origin}/" title="终端预览" width="1080" height="1920"></iframe></div>
	</section>
</main>
</body>
</html>
`;
}

export const workbenchCss = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: system-ui, 'Noto Sans CJK SC', sans-serif; }
main { display: flex; height: 100%; }
.forms { flex: 0 0 58%; border-right: 2px solid #c9d3e0; }
.forms iframe { width: 100%; height: 100%; border: 0; }
.preview { flex: 1; display: flex; flex-direction: column; background: #eef2f7; min-width: 0; }
nav { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px; font-size: 14px; }
nav button { font: inherit; padding: 4px 10px; border: 1px solid #0b3d91; background: #fff; color: #0b3d91; border-radius: 4px; cursor: pointer; }
nav button[aria-pressed='true'] { background: #0b3d91; color: #fff; }
.as-at { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 0 8px 8px; font-size: 14px; }
.as-at input, .as-at button { font: inherit; padding: 3px 6px; }
.as-at output { color: #0b3d91; font-weight: 600; }
.check { max-height: 32%; overflow: auto; padding: 6px 12px; font-size: 14px; line-height: 1.5; border-block: 1px solid #c9d3e0; background: #fff; }
.check p { margin: 2px 0; }
.check .head { font-weight: 600; }
.check[data-state='ok'] .head { color: #135c2a; }
.check[data-state='error'] { background: #fff5f5; }
.check[data-state='error'] .head, .check li[data-severity='error'] { color: #8a1010; }
.check li[data-severity='warning'] { color: #6b4e00; }
.check ul { margin: 4px 0; padding-left: 1.4em; }
.publish { display: flex; gap: 8px; align-items: flex-start; padding: 6px 12px; font-size: 14px; background: #fff; border-bottom: 1px solid #c9d3e0; }
.publish button { flex: none; white-space: nowrap; font: inherit; font-weight: 600; padding: 6px 14px; border: 0; border-radius: 4px; background: #135c2a; color: #fff; cursor: pointer; }
.publish button:disabled { background: #7a8a7f; cursor: progress; }
.publish output { white-space: pre-wrap; line-height: 1.5; }
.publish output[data-state='error'] { color: #8a1010; }
.publish output[data-state='ok'] { color: #135c2a; }
.stage { flex: 1; position: relative; overflow: hidden; }
.stage iframe { position: absolute; top: 0; left: 0; border: 0; transform-origin: 0 0; background: #fff; box-shadow: 0 1px 6px #0003; }
`;

/** Scales the preview to fit its pane and switches between the kiosk and the bulletin. */
export const workbenchJs = `
const origin = document.body.dataset.preview;
const frame = document.getElementById('preview');
const stage = frame.parentElement;
const open = document.getElementById('open');
// The moment the preview shows (?at=, office time), kept when switching views; '' is now.
let asAt = '';
let asAtUsed = false;
let viewPath = '/';
function show() {
	const query = asAt ? '?at=' + encodeURIComponent(asAt) : asAtUsed ? '?at=now' : '';
	const url = origin + viewPath + query;
	frame.src = url;
	open.href = url;
}
function fit() {
	const w = Number(frame.getAttribute('width'));
	const h = Number(frame.getAttribute('height'));
	const scale = Math.min(stage.clientWidth / w, stage.clientHeight / h);
	frame.style.width = w + 'px';
	frame.style.height = h + 'px';
	frame.style.transform = 'scale(' + scale + ')';
	frame.style.left = Math.max(0, (stage.clientWidth - w * scale) / 2) + 'px';
}
for (const button of document.querySelectorAll('nav button')) {
	button.addEventListener('click', () => {
		for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-pressed', String(b === button));
		frame.setAttribute('width', button.dataset.width);
		frame.setAttribute('height', button.dataset.height);
		viewPath = button.dataset.path;
		show();
		fit();
	});
}
// The stage changes size with the window and with the check's messages above it.
new ResizeObserver(fit).observe(stage);
fit();

const asAtForm = document.getElementById('as-at');
const asAtShown = document.getElementById('as-at-shown');
asAtForm.addEventListener('submit', (event) => {
	event.preventDefault();
	asAt = asAtForm.elements.at.value.replace('T', ' ');
	asAtUsed = true;
	asAtShown.textContent = asAt ? '预览时间：' + asAt : '当前时间';
	show();
});
document.getElementById('as-now').addEventListener('click', () => {
	asAt = '';
	asAtForm.reset();
	asAtShown.textContent = '当前时间';
	show();
});

// The content check, run by the workbench after every save: what would be published, what to fix.
const panel = document.getElementById('check');
const MAX_SHOWN = 50;
let shownCheck = '';
function line(tag, className, text) {
	const el = document.createElement(tag);
	if (className) el.className = className;
	el.textContent = text;
	return el;
}
function render(r) {
	panel.replaceChildren();
	panel.dataset.state = r.errors ? 'error' : 'ok';
	const notes = r.warnings ? '，' + r.warnings + ' 条提醒' : '';
	panel.append(line('p', 'head', r.errors
		? '内容检查：' + r.errors + ' 处错误' + notes + '。改正之前，这些内容不会发布。'
		: '内容检查通过：' + r.summary + notes + '。'));
	const latest = r.recent[0];
	if (latest) {
		const saved = line('p', 'saved', '刚保存：' + latest.file + ' — ' + (latest.errors
			? '有 ' + latest.errors + ' 处错误（见下），不会发布'
			: '没有错误，可以发布' + (latest.warnings ? '（' + latest.warnings + ' 条提醒）' : '')));
		const copy = line('a', '', '打印审核稿');
		copy.href = '/review/' + encodeURI(latest.file);
		copy.target = '_blank';
		saved.append(' ', copy);
		panel.append(saved);
	}
	if (r.problems.length) {
		const list = document.createElement('ul');
		for (const p of r.problems.slice(0, MAX_SHOWN)) {
			const item = line('li', '', p.text);
			item.dataset.severity = p.severity;
			list.append(item);
		}
		panel.append(list);
		if (r.problems.length > MAX_SHOWN) panel.append(line('p', '', '还有 ' + (r.problems.length - MAX_SHOWN) + ' 条，运行 npm run content:check 可看全部。'));
	}
}
async function refreshCheck() {
	try {
		const response = await fetch('/check.json', { cache: 'no-store' });
		const result = await response.json();
		if (result.checkedAt !== shownCheck) {
			shownCheck = result.checkedAt;
			render(result);
		}
	} catch {
		shownCheck = '';
		panel.dataset.state = 'error';
		panel.replaceChildren(line('p', 'head', '工作台服务没有响应：请重新运行 npm run edit。'));
	}
}
refreshCheck();
setInterval(refreshCheck, 1500);

// On the staff server: publish what is saved, only if the check passes (the server checks again).
const publish = document.getElementById('publish');
if (publish) {
	const button = publish.querySelector('button');
	const result = document.getElementById('publish-result');
	publish.addEventListener('submit', async (event) => {
		event.preventDefault();
		button.disabled = true;
		result.dataset.state = '';
		result.textContent = '正在发布：检查内容、生成新版本并上线，需要几分钟，请不要关闭这个页面…';
		try {
			const answer = await (await fetch('/publish', { method: 'POST' })).json();
			result.dataset.state = answer.ok ? 'ok' : 'error';
			result.textContent = answer.message;
		} catch {
			result.dataset.state = 'error';
			result.textContent = '发布请求没有完成（网络中断或服务停止）：终端上仍是上一版。请稍后再试。';
		} finally {
			button.disabled = false;
		}
	});
}
`;
