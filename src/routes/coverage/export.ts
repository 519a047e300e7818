import type { CoverageResult } from '#lib/domain/coverage/index.ts';

/**
 * Response headers of a coverage export: a download named after the date and the filters, e.g.
 * `nabij-coverage-2026-11-23-home_visits.csv` (`suffix` names a companion file:
 * `nabij-coverage-2026-11-23-home_visits-about.txt`). Never cached by shared caches: an analyst's export
 * carries need signals.
 */
export function exportHeaders({
	result,
	extension,
	contentType,
	suffix
}: {
	result: CoverageResult;
	extension: string;
	contentType: string;
	suffix?: string;
}): Record<string, string> {
	const { category, supportKind } = result.parameters.filters;
	const parts = ['nabij-coverage', result.generatedAt.slice(0, 10), category, supportKind, suffix];
	const filename = `${parts.filter(Boolean).join('-')}.${extension}`;
	return {
		'content-type': contentType,
		'content-disposition': `attachment; filename="${filename}"`,
		'cache-control': 'private, no-store'
	};
}
