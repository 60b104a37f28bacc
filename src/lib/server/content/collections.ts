/**
 * Every kind of content file, with its place in the content folder, its Chinese name and its
 * schema. The schemas carry each field's Chinese name, help and example as zod metadata
 * (`label()` in schema.ts; read back with `fieldMeta`), so forms, field tables and messages can
 * all be generated from here and never written twice.
 */
import type * as z from 'zod';
import { closuresSchema, playlistWithSlides, screensSchema } from './bulletin-schema.ts';
import { COLLECTION_FOLDERS } from './files.ts';
import {
	disclosureSchema,
	guideSchema,
	noticeSchema,
	processSchema,
	serviceSchema,
	siteSchema
} from './schema.ts';

export interface ContentCollection {
	/** Stable key, e.g. `guides`. */
	key: string;
	/** Chinese name of the kind of content, e.g. 办事指南. */
	label: string;
	/** One item per file in this folder (`guides`), named `<slug><extension>`… */
	folder?: string;
	/** …or exactly this one file (`site.yaml`). */
	file?: string;
	/** `.md` files carry the fields as front matter and a Markdown body; `.yaml` only fields. */
	extension: '.md' | '.yaml';
	schema: z.ZodObject;
}

export const contentCollections: readonly ContentCollection[] = [
	{ key: 'site', label: '单位信息', file: 'site.yaml', extension: '.yaml', schema: siteSchema },
	{
		key: 'guides',
		label: '办事指南',
		folder: COLLECTION_FOLDERS.guides.folder,
		extension: '.md',
		schema: guideSchema
	},
	{
		key: 'processes',
		label: '办事流程',
		folder: COLLECTION_FOLDERS.processes.folder,
		extension: '.md',
		schema: processSchema
	},
	{
		key: 'disclosures',
		label: '政务公开',
		folder: COLLECTION_FOLDERS.disclosures.folder,
		extension: '.md',
		schema: disclosureSchema
	},
	{
		key: 'notices',
		label: '通知公告',
		folder: COLLECTION_FOLDERS.notices.folder,
		extension: '.md',
		schema: noticeSchema
	},
	{
		key: 'services',
		label: '在线服务',
		folder: COLLECTION_FOLDERS.services.folder,
		extension: '.yaml',
		schema: serviceSchema
	},
	{
		key: 'playlists',
		label: '信息发布屏播放列表',
		folder: 'bulletins/playlists',
		extension: '.yaml',
		schema: playlistWithSlides
	},
	{
		key: 'screens',
		label: '信息发布屏',
		file: 'bulletins/screens.yaml',
		extension: '.yaml',
		schema: screensSchema
	},
	{
		key: 'closures',
		label: '闭馆日',
		file: 'bulletins/closures.yaml',
		extension: '.yaml',
		schema: closuresSchema
	}
];
