// The sheet's small map: the quartier's outline and numbered entry points as plain SVG geometry,
// so it prints sharply everywhere without WebGL, tiles or scripts.
import type { MultiPolygon, Polygon } from 'geojson';
import { boundsOf, createProjection, toSvgPath, type Bounds } from '../geo/projection.ts';

/** A point to draw, numbered as on the sheet's list. */
export type SheetMapPoint = { number: number; lon: number; lat: number; inside: boolean };

/** The drawing: SVG size in pixels, the outline's path `d`, points and a scale bar. */
export type SheetMap = {
	width: number;
	height: number;
	outline: string;
	/** The frame's area beyond the nearby radius is not drawn: points outside are left out. */
	points: { number: number; x: number; y: number; inside: boolean }[];
	scaleBar: { meters: number; px: number };
};

const METERS_PER_DEGREE_LAT = 111_320;

/**
 * `bounds` grown by `meters` on every side (an equirectangular approximation, fine in a city).
 *
 * @example grow([4.35, 50.84, 4.36, 50.85], 500) // ≈ [4.3429, 50.8355, 4.3671, 50.8545]
 */
export function grow([west, south, east, north]: Bounds, meters: number): Bounds {
	const dLat = meters / METERS_PER_DEGREE_LAT;
	const dLon = dLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
	return [west - dLon, south - dLat, east + dLon, north + dLat];
}

/**
 * Projects a quartier's outline and the sheet's points into an SVG of at most `widthPx` ×
 * `maxHeightPx`, framing the outline plus `marginMeters` around it (the nearby radius), north up,
 * equal scale in both directions. Points outside the frame are dropped; the scale bar is 100,
 * 200 or 500 m, whichever is closest to a fifth of the width.
 *
 * @example
 * const map = sheetMap({ outline: quartier.geometry, points: [{ number: 1, lon: 4.35, lat: 50.85, inside: true }] });
 * map.outline // 'M12 40L…Z'; map.points[0] // { number: 1, x: 143, y: 96, inside: true }
 */
export function sheetMap({
	outline,
	points,
	widthPx = 320,
	maxHeightPx = 260,
	marginMeters = 500
}: {
	outline: Polygon | MultiPolygon;
	points: readonly SheetMapPoint[];
	widthPx?: number;
	maxHeightPx?: number;
	marginMeters?: number;
}): SheetMap {
	const bounds = grow(boundsOf([outline]), marginMeters);
	const paddingPx = 8;
	let projection = createProjection({ bounds, widthPx, paddingPx });
	if (projection.height > maxHeightPx) {
		// A tall quartier: the drawing (inside the padding) shrinks until it fits the height.
		const ratio = (maxHeightPx - 2 * paddingPx - 1) / (projection.height - 2 * paddingPx);
		const narrower = Math.floor(2 * paddingPx + (widthPx - 2 * paddingPx) * ratio);
		projection = createProjection({ bounds, widthPx: narrower, paddingPx });
	}
	const [west, south, east, north] = bounds;
	const drawn = points
		.filter((p) => p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north)
		.map((p) => {
			const [x, y] = projection.project([p.lon, p.lat]);
			return { number: p.number, x: Math.round(x), y: Math.round(y), inside: p.inside };
		});
	const [, y0] = projection.project([west, south]);
	const [, y1] = projection.project([west, south + 100 / METERS_PER_DEGREE_LAT]);
	const pxPer100m = y0 - y1;
	const meters = [100, 200, 500].reduce((best, m) =>
		Math.abs((m / 100) * pxPer100m - projection.width / 5) <
		Math.abs((best / 100) * pxPer100m - projection.width / 5)
			? m
			: best
	);
	return {
		width: projection.width,
		height: projection.height,
		outline: toSvgPath(outline, projection),
		points: drawn,
		scaleBar: { meters, px: Math.round((meters / 100) * pxPer100m) }
	};
}
