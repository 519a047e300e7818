// The hosts a hosted base style (PUBLIC_MAP_STYLE_URL) makes the browser talk to, for the
// Content-Security-Policy: the style's own host, and those of its tiles, TileJSON, glyphs and
// sprites. Read by kit.config.js at build time (the policy is fixed when the app is built).

/** The parts of a MapLibre style (and of its TileJSON documents) that name URLs. */
export type StyleUrls = {
	sprite?: unknown;
	glyphs?: unknown;
	sources?: Record<string, { url?: unknown; tiles?: unknown; data?: unknown }>;
};

type Origin = `${string}://${string}.${string}`;

/** The http(s) origin of a URL (templates like `{z}` allowed), or undefined. */
export function originOf(url: unknown, base?: string): Origin | undefined {
	if (typeof url !== 'string') return undefined;
	try {
		const origin = new URL(url.replace(/\{[^}]*\}/g, '0'), base).origin;
		return /^https?:\/\//.test(origin) ? (origin as Origin) : undefined;
	} catch {
		return undefined;
	}
}

function urls(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap((v) => urls(typeof v === 'object' ? v?.url : v));
	return [value];
}

/**
 * Every origin the style names (relative URLs resolve against the style's URL), without
 * duplicates, the style's own first.
 *
 * @example styleOrigins('https://maps.example/style.json', { glyphs: 'https://fonts.example/{fontstack}/{range}.pbf' })
 * // ['https://maps.example', 'https://fonts.example']
 */
export function styleOrigins(styleUrl: string, ...documents: StyleUrls[]): Origin[] {
	const found = new Set<Origin>();
	const add = (url: unknown) => {
		const origin = originOf(url, styleUrl);
		if (origin) found.add(origin);
	};
	add(styleUrl);
	for (const doc of documents) {
		for (const url of [...urls(doc.sprite), doc.glyphs]) add(url);
		for (const source of Object.values(doc.sources ?? {})) {
			for (const url of [source.url, ...urls(source.tiles), source.data]) add(url);
		}
	}
	return [...found];
}

/**
 * Reads the style (and the TileJSON its sources point to) and returns their origins; on any
 * failure (no network at build time), only the style's own origin, with a warning.
 */
export async function fetchStyleOrigins(styleUrl: string, timeoutMs = 5000): Promise<Origin[]> {
	const get = async (url: string) => {
		const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		if (!response.ok) throw new Error(`${response.status} for ${url}`);
		return (await response.json()) as StyleUrls & { tiles?: unknown };
	};
	try {
		const style = await get(styleUrl);
		const tileJsons = await Promise.all(
			Object.values(style.sources ?? {})
				.map((source) => source.url)
				.filter((url): url is string => typeof url === 'string' && /^https?:/.test(url))
				.map(async (url) => ({ sources: { tilejson: await get(url) } }))
		);
		return styleOrigins(styleUrl, style, ...tileJsons);
	} catch (error) {
		console.warn(
			`PUBLIC_MAP_STYLE_URL: could not read the style (${String(error)}); the Content-Security-Policy allows only its own origin`
		);
		return styleOrigins(styleUrl);
	}
}
