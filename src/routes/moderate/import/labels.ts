// Translated texts for what the import engine reports: file issues, row issues, outcomes.
import {
	TEMPLATE_HEADERS,
	type DuplicateReason,
	type FileIssue,
	type ImportField,
	type RowIssue,
	type RowOutcome
} from '#lib/domain/import/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

type Locale = 'fr' | 'nl' | 'en';
const locale = () => getLocale() as Locale;

/** The column as the reader's template names it. */
export function fieldName(field: ImportField): string {
	return TEMPLATE_HEADERS[field][locale()];
}

/** Why a whole file (or the form around it) cannot be used. */
export function fileIssueMessage(
	issue: FileIssue | 'source' | 'missing',
	columns: ImportField[] = []
): string {
	switch (issue) {
		case 'source':
			return m.import_error_source();
		case 'missing':
			return m.import_file_missing();
		case 'empty':
			return m.import_file_empty();
		case 'too_large':
			return m.import_file_too_large();
		case 'encoding':
			return m.import_file_encoding();
		case 'invalid_json':
			return m.import_file_invalid_json();
		case 'unknown_format':
			return m.import_file_unknown_format();
		case 'missing_columns':
			return m.import_file_missing_columns({ columns: columns.map(fieldName).join(', ') });
		case 'no_rows':
			return m.import_file_no_rows();
		case 'too_many_rows':
			return m.import_file_too_many_rows();
	}
}

const ISSUES: Record<RowIssue['code'], (value: string) => string> = {
	required: () => m.import_issue_required(),
	too_short: () => m.import_issue_too_short(),
	too_long: () => m.import_issue_too_long(),
	markup: () => m.import_issue_markup(),
	control_characters: () => m.import_issue_control_characters(),
	unknown_code: (value) => m.import_issue_unknown_code({ value }),
	invalid_language: (value) => m.import_issue_invalid_language({ value }),
	invalid_number: () => m.import_issue_invalid_number(),
	outside_brussels: () => m.import_issue_outside_brussels(),
	invalid_phone: () => m.import_issue_invalid_phone(),
	invalid_email: () => m.import_issue_invalid_email(),
	invalid_url: () => m.import_issue_invalid_url(),
	invalid_schedule: () => m.import_issue_invalid_schedule(),
	description_required: () => m.import_issue_description_required(),
	duplicate_id: (value) => m.import_issue_duplicate_id({ value })
};

/** One row issue in the reader's language: `nom: requis`. */
export function issueText(issue: RowIssue): string {
	const text = ISSUES[issue.code]?.(issue.value ?? '') ?? issue.code;
	return m.import_field_issue({ field: fieldName(issue.field), issue: text });
}

const REASONS: Record<DuplicateReason, () => string> = {
	name: () => m.import_reason_name(),
	distance: () => m.import_reason_distance(),
	phone: () => m.import_reason_phone(),
	website: () => m.import_reason_website()
};

/** The outcome column of the dry-run report. */
export function outcomeLabel(outcome: RowOutcome['outcome']): string {
	return {
		new: m.import_outcome_new(),
		update: m.import_outcome_update(),
		duplicate: m.import_outcome_duplicate(),
		invalid: m.import_outcome_invalid()
	}[outcome];
}

/** The details column of the dry-run report: reasons, issues or the entry updated. */
export function outcomeDetails(row: RowOutcome): string {
	switch (row.outcome) {
		case 'new':
			return '';
		case 'update':
			return m.import_update_of_entry({ name: row.of.name });
		case 'duplicate': {
			const of =
				'organization_id' in row.of
					? m.import_duplicate_of_entry({ name: row.of.name })
					: m.import_duplicate_of_row({ row: String(row.of.row), name: row.of.name });
			return `${of}: ${row.reasons.map((r) => REASONS[r]()).join(', ')}`;
		}
		case 'invalid':
			return row.issues.map(issueText).join(' · ');
	}
}

/** What importing a row did. */
export function resultLabel(
	outcome: 'created' | 'updated' | 'unchanged' | 'change_request' | 'failed'
): string {
	return {
		created: m.import_result_created(),
		updated: m.import_result_updated(),
		unchanged: m.import_result_unchanged(),
		change_request: m.import_result_change_request(),
		failed: m.import_result_failed()
	}[outcome];
}
