/**
 * Publishing from the workbench on the staff server: the same content check as every build, and
 * only when it passes, the office's publish command (deploy/server/lobby-kiosk-publish: build,
 * check the offline list, switch releases). One publish at a time; every answer is in Chinese.
 */
import { spawn } from 'node:child_process';
import type { ContentCheck } from './check.ts';

/** The publish command's last lines shown to the editor when it fails. */
const TAIL_LINES = 12;
/** A release builds the whole site; past this it is stopped and reported. */
const PUBLISH_TIMEOUT_MS = 20 * 60_000;
/** Problems named in the refusal; the check panel lists them all. */
const NAMED_PROBLEMS = 5;

export interface PublishAnswer {
	ok: boolean;
	/** What the editor reads. */
	message: string;
	/** The publish command's output, for IT staff. */
	output?: string;
}

export class Publisher {
	#command: string[];
	#contentDir: string;
	#running = false;

	constructor(command: string[], contentDir: string) {
		this.#command = command;
		this.#contentDir = contentDir;
	}

	async publish(check: ContentCheck): Promise<PublishAnswer> {
		if (this.#running)
			return { ok: false, message: '正在发布上一次的修改，请等它完成后再点发布。' };
		const result = check.checkNow();
		if (result.errors > 0) {
			const named = result.problems
				.filter((p) => p.severity === 'error')
				.slice(0, NAMED_PROBLEMS)
				.map((p) => p.text);
			return {
				ok: false,
				message: `没有发布：内容检查有 ${result.errors} 处错误，改正后再发布。\n${named.join('\n')}`
			};
		}
		this.#running = true;
		try {
			const { code, output } = await this.#run();
			if (code === 0) {
				return {
					ok: true,
					message: `已发布，内容版本 ${result.version}。各终端在下一次检查更新时取用（约 15 分钟内），不会打断正在使用的访客。`,
					output
				};
			}
			const tail = output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
			return {
				ok: false,
				message: `发布没有完成（${code === null ? '超时' : `退出码 ${code}`}），终端上仍是上一版。请把下面的信息发给信息中心：\n${tail}`,
				output
			};
		} finally {
			this.#running = false;
		}
	}

	#run(): Promise<{ code: number | null; output: string }> {
		const [cmd, ...args] = this.#command;
		return new Promise((resolve) => {
			let output = '';
			const child = spawn(cmd!, args, {
				env: { ...process.env, CONTENT_DIR: this.#contentDir },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			const timer = setTimeout(() => child.kill('SIGTERM'), PUBLISH_TIMEOUT_MS);
			child.stdout.on('data', (c: Buffer) => (output += c.toString()));
			child.stderr.on('data', (c: Buffer) => (output += c.toString()));
			child.on('error', (error) => {
				clearTimeout(timer);
				resolve({ code: 127, output: `${output}无法运行发布命令 ${cmd}：${error.message}` });
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				resolve({ code: signal ? null : code, output });
			});
		});
	}
}
