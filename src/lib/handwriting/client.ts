/**
 * The page's side of the handwriting worker. Imported only when the pad opens (a dynamic import),
 * so neither the worker nor its data is fetched by a visitor who never writes.
 */
import type { Point } from './features';
import type { HandwritingMessage, HandwritingRequest } from './service';

export type HandwritingListener = (message: HandwritingMessage) => void;

export interface HandwritingClient {
	recognise(strokes: Point[][]): number;
	next(stem: string): number;
	close(): void;
}

let worker: Worker | null = null;
let last: HandwritingMessage | null = null;
const listeners = new Set<HandwritingListener>();
let nextId = 0;

function start(): Worker {
	const w = new Worker(new URL('./handwriting.worker.ts', import.meta.url), { type: 'module' });
	w.onmessage = (event: MessageEvent<HandwritingMessage>) => {
		if (event.data.kind === 'ready' || event.data.kind === 'failed') last = event.data;
		if (event.data.kind === 'failed') {
			// Data that could not be read may be reachable next time the pad opens.
			w.terminate();
			if (worker === w) worker = null;
		}
		for (const l of listeners) l(event.data);
	};
	w.onerror = (event) => {
		event.preventDefault();
		w.terminate();
		if (worker === w) worker = null;
		last = { kind: 'failed', detail: event.message || '手写识别无法启动' };
		for (const l of listeners) l(last);
	};
	return w;
}

export function startHandwriting(listener: HandwritingListener): HandwritingClient {
	if (!worker) {
		last = null;
		worker = start();
	}
	listeners.add(listener);
	if (last) listener(last);
	const send = (request: HandwritingRequest) => {
		if (!worker) worker = start();
		worker.postMessage(request);
		return request.id;
	};
	return {
		// Plain arrays: a page's reactive state cannot be copied to a worker.
		recognise: (strokes) =>
			send({
				kind: 'recognise',
				id: ++nextId,
				strokes: strokes.map((s) => s.map(([x, y]): Point => [x, y]))
			}),
		next: (stem) => send({ kind: 'next', id: ++nextId, stem }),
		close: () => void listeners.delete(listener)
	};
}
