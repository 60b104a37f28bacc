import type { HandleServerError } from '@sveltejs/kit';
import { ContentValidationError, formatProblem } from '$lib/server/content';

/** In `vite dev`, broken content shows the editor every problem instead of a bare 500. */
export const handleError: HandleServerError = ({ error }) => {
	if (error instanceof ContentValidationError) {
		return {
			message: '内容文件有错误，请修改后保存 (content has errors)',
			problems: error.problems.filter((p) => p.severity === 'error').map(formatProblem)
		};
	}
	console.error(error);
	return { message: '页面出错了 (internal error)' };
};
