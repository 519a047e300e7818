import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A lon/lat bounding box, `[west, south, east, north]` in WGS84 degrees. */
export type Bounds = [number, number, number, number];

/** Maps WGS84 lon/lat to SVG pixels (x to the right, y downwards). */
export interface Projection {
	width: number;
	height: number;
	project(position: Position): [number, number];
}

/** The bounding box of polygons, `[west, south, east, north]`. Throws when there are none. */
export function boundsOf(geometries: readonly (Polygon | MultiPolygon)[]): Bounds {
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const g of geometries) {
		const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const ring of polygons.flat()) {
			for (const [lon, lat] of ring as [number, number][]) {
				if (lon < west) west = lon;
				if (lon > east) east = lon;
				if (lat < south) south = lat;
				if (lat > north) north = lat;
			}
		}
	}
	if (!Number.isFinite(west)) throw new RangeError('no coordinates to bound');
	return [west, south, east, north];
}

/**
 * An equirectangular projection fitted to `bounds`: longitudes are shortened by the cosine of the
 * middle latitude, so that at Brussels' latitude (about 50.8°, cos ≈ 0.63) one pixel is the same
 * distance east–west and north–south. Good to a fraction of a percent over a city.
 *
 * @example
 * const p = createProjection({ bounds: [4.24, 50.76, 4.49, 50.92], widthPx: 600, paddingPx: 0 });
 * p.project([4.24, 50.92]) // [0, 0]; p.height ≈ 609
 */
export function createProjection({
	bounds,
	widthPx,
	paddingPx = 4
}: {
	bounds: Bounds;
	widthPx: number;
	paddingPx?: number;
}): Projection {
	const [west, south, east, north] = bounds;
	const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = (east - west) * k;
	const spanY = north - south;
	if (!(spanX > 0) || !(spanY > 0)) throw new RangeError('bounds must have an area');
	const scale = (widthPx - 2 * paddingPx) / spanX;
	const height = Math.ceil(spanY * scale + 2 * paddingPx);
	return {
		width: widthPx,
		height,
		project: (position) => {
			const [lon, lat] = position as [number, number];
			return [paddingPx + (lon - west) * k * scale, paddingPx + (north - lat) * scale];
		}
	};
}

function ringPath(ring: readonly Position[], projection: Projection): string {
	const points: [number, number][] = [];
	for (const position of ring) {
		const [x, y] = projection.project(position);
		const p: [number, number] = [Math.round(x), Math.round(y)];
		const last = points.at(-1);
		// Rounding to whole pixels merges neighbouring vertices; keep one of each.
		if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
	}
	if (points.length > 1) {
		const [first, last] = [points[0] as [number, number], points.at(-1) as [number, number]];
		if (first[0] === last[0] && first[1] === last[1]) points.pop();
	}
	// A ring smaller than a pixel or two draws nothing visible.
	if (points.length < 3) return '';
	return `M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`;
}

/**
 * An SVG path `d` for a polygon or multipolygon, vertices rounded to whole pixels (about 30 m at
 * 600 px wide for Brussels) and repeated vertices dropped. Holes stay holes with
 * `fill-rule="evenodd"`. Empty string when nothing is larger than a pixel.
 *
 * @example toSvgPath({ type: 'Polygon', coordinates: [[[4.3, 50.8], …]] }, projection) // 'M12 40L…Z'
 */
export function toSvgPath(geometry: Polygon | MultiPolygon, projection: Projection): string {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons
		.flat()
		.map((ring) => ringPath(ring, projection))
		.join('');
}
