// The texts of the finder's exports in the reader's language: CSV headers, the companion file
// with each column's definition, sources and licence, and the files' names.
import {
	DIRECTORY_COLUMNS,
	type DirectoryColumn,
	type Labeller
} from '#lib/domain/export/directory.ts';
import { toSearchParams, type FinderQuery } from '#lib/domain/search/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { labelOf, type Taxonomy } from '#lib/server/db/taxonomy.ts';

type Locale = 'fr' | 'nl' | 'en';

/** The CSV's header row in the current locale, keyed by column id. */
export function columnHeaders(): Record<DirectoryColumn, string> {
	const headers = {} as Record<DirectoryColumn, string>;
	for (const column of DIRECTORY_COLUMNS) headers[column] = m[`export_column_${column}`]();
	return headers;
}

/** Taxonomy labels in `locale`, for the CSV's category, support and target columns. */
export function taxonomyLabeller(terms: Taxonomy, locale: Locale): Labeller {
	const lists = {
		category: terms.categories,
		support: terms.supportKinds,
		target: terms.targetGroups
	};
	return (kind, code) => labelOf(lists[kind], code, locale);
}

/** The finder parameters of a query as text (`category=…&support=…`), for the companion file. */
export function querySummary(query: FinderQuery | null): string | null {
	if (!query) return null;
	const params = toSearchParams(query).toString();
	return decodeURIComponent(params.replaceAll('+', ' ')) || '—';
}

/**
 * The companion text of an export: title, date, what it holds, the format, every column with
 * its CSV header and definition, sources and licence. CRLF line ends, for Windows' Notepad.
 */
export function aboutText({
	generatedAt,
	count,
	query
}: {
	generatedAt: string;
	count: number;
	query: FinderQuery | null;
}): string {
	const search = querySummary(query);
	const headers = columnHeaders();
	const lines = [
		m.export_about_title(),
		'',
		m.export_about_generated({ date: generatedAt }),
		search === null
			? m.export_about_query_all({ count })
			: m.export_about_query_filtered({ count, search }),
		m.export_about_entry(),
		m.export_about_format(),
		'',
		`${m.export_about_columns()}:`,
		...DIRECTORY_COLUMNS.map(
			(column) => `- ${headers[column]} (${column}): ${m[`export_define_${column}`]()}`
		),
		'',
		`${m.export_about_sources()}:`,
		`- ${m.export_about_licence()}`,
		`- ${m.export_about_source_entries()}`,
		`- ${m.export_about_source_taxonomy()}`,
		'- Quartiers du Monitoring – IBSA/perspective.brussels; UrbIS © Paradigm (CC BY 4.0). Statbel (NIS).'
	];
	return `${lines.join('\r\n')}\r\n`;
}

/**
 * A download's file name from the date and the main filters, e.g.
 * `nabij-directory-2026-12-06-quartier-42-home_visits.csv`; the whole directory is
 * `nabij-directory-2026-12-06.csv`.
 */
export function exportFilename({
	generatedAt,
	query,
	extension,
	suffix
}: {
	generatedAt: string;
	query: FinderQuery | null;
	extension: string;
	suffix?: string;
}): string {
	const parts = ['nabij-directory', generatedAt.slice(0, 10)];
	if (query) {
		if (query.quartier !== undefined) parts.push(`quartier-${query.quartier}`);
		parts.push(...query.category, ...query.support);
		if (parts.length === 2) parts.push('search');
	}
	if (suffix) parts.push(suffix);
	return `${parts.join('-').replace(/[^a-z0-9_-]/gi, '')}.${extension}`;
}
