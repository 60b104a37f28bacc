/** Results grouped by type, in the order of each group's best hit, for the search page. */
import type { DocType, SearchHit } from './types';

export const TYPE_LABELS: Record<DocType, string> = {
	guide: '办事指南',
	service: '在线服务',
	process: '办事流程',
	notice: '通知公告',
	disclosure: '政务公开'
};

export interface HitGroup {
	type: DocType;
	label: string;
	hits: SearchHit[];
}

/** Hits arrive best first; a group's position is that of its first (best) hit. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
	const groups = new Map<DocType, HitGroup>();
	for (const hit of hits) {
		let group = groups.get(hit.type);
		if (!group) {
			group = { type: hit.type, label: TYPE_LABELS[hit.type], hits: [] };
			groups.set(hit.type, group);
		}
		group.hits.push(hit);
	}
	return [...groups.values()];
}
