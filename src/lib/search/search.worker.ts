/**
 * The search worker: fetches, checks and indexes the search files and answers queries, so that
 * neither parsing the index nor searching it ever holds up the page. See `service.ts`.
 */
import { SearchService, type SearchMessage, type SearchRequest } from './service';

const scope = self as unknown as {
	postMessage(message: SearchMessage): void;
	onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
};
const post = (message: SearchMessage) => scope.postMessage(message);
const service = new SearchService(post);
scope.onmessage = (event) => void service.search(event.data, post);
