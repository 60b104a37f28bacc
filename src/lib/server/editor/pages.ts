/** The two pages of the editors' workbench: the CMS itself, and the CMS beside the preview. */

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

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Preview sizes: the kiosk upright and sideways, and the LED screen. */
const VIEWS = [
	{ path: '/', width: 1080, height: 1920, label: '触摸屏（竖屏）' },
	{ path: '/', width: 1920, height: 1080, label: '触摸屏（横屏）' },
	{ path: '/bulletin', width: 1920, height: 1080, label: '信息发布屏' }
];

export function workbenchHtml(previewOrigin: string): string {
	const origin = escape(previewOrigin);
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
		</nav>
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
.stage { flex: 1; position: relative; overflow: hidden; }
.stage iframe { position: absolute; top: 0; left: 0; border: 0; transform-origin: 0 0; background: #fff; box-shadow: 0 1px 6px #0003; }
`;

/** Scales the preview to fit its pane and switches between the kiosk and the bulletin. */
export const workbenchJs = `
const origin = document.body.dataset.preview;
const frame = document.getElementById('preview');
const stage = frame.parentElement;
const open = document.getElementById('open');
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
		frame.src = origin + button.dataset.path;
		open.href = origin + button.dataset.path;
		fit();
	});
}
addEventListener('resize', fit);
fit();
`;
