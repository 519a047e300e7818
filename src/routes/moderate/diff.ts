// A change request as rows a moderator can read: what each field is now and what is proposed.

export type ProposedChanges = {
	organization?: Record<string, string | null>;
	service?: Record<string, string | null>;
};

export type DiffRow = {
	target: 'organization' | 'service';
	field: string;
	current: string | null;
	proposed: string | null;
};

function asText(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * The fields a change request would change, with current and proposed values; fields whose
 * proposed value equals the current one are left out.
 *
 * @example diffRows({ organization: { name: 'B' } }, { name: 'A' }, null)
 * // [{ target: 'organization', field: 'name', current: 'A', proposed: 'B' }]
 */
export function diffRows(
	changes: ProposedChanges,
	organization: Record<string, unknown>,
	service: Record<string, unknown> | null
): DiffRow[] {
	const rows: DiffRow[] = [];
	for (const [target, proposed, current] of [
		['organization', changes.organization, organization],
		['service', changes.service, service ?? {}]
	] as const) {
		for (const [field, value] of Object.entries(proposed ?? {})) {
			const before = asText(current[field]);
			const after = asText(value);
			if (before !== after) rows.push({ target, field, current: before, proposed: after });
		}
	}
	return rows;
}
