/**
 * The handwriting worker: matching a character against 3,500 references takes tens of
 * milliseconds, which the page must never wait for. See `service.ts`.
 */
import { HandwritingService, type HandwritingMessage, type HandwritingRequest } from './service';

const scope = self as unknown as {
	postMessage(message: HandwritingMessage): void;
	onmessage: ((event: MessageEvent<HandwritingRequest>) => void) | null;
};
const post = (message: HandwritingMessage) => scope.postMessage(message);
const service = new HandwritingService(post);
scope.onmessage = (event) => void service.handle(event.data, post);
