/** The part of autocannon's API the fleet check uses (the package ships no types). */
declare module 'autocannon' {
	interface Request {
		method?: string;
		path: string;
		headers?: Record<string, string>;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		overallRate?: number;
		headers?: Record<string, string>;
		requests?: Request[];
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
		max: number;
	}
	interface Result {
		latency: Histogram;
		requests: Histogram & { total: number };
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
		duration: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
