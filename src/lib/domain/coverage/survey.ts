import type { QuartierInput, ResourceInput, SurveyInput } from './types.ts';

/**
 * - `surveyed`: a field check within the window and, if the quartier has entries, at least
 *   `minConfirmedShare` of them confirmed within the window.
 * - `stale`: some recent knowledge, but partial (a recent check with mostly unconfirmed entries,
 *   or recently confirmed entries without a recent check).
 * - `not_surveyed`: no check and no confirmed entry within the window. A blind spot: it says
 *   nothing about whether resources exist.
 */
export type SurveyStatusCode = 'surveyed' | 'stale' | 'not_surveyed';

/** What is known about how recently a quartier was looked at. */
export interface SurveyStatus {
	mdrc: number;
	status: SurveyStatusCode;
	/** Latest field check ever recorded, however old; null if none. */
	lastSurvey: { checkedOn: string; organizationName: string; ageDays: number } | null;
	/** Whether the latest check is within the window. */
	recentSurvey: boolean;
	/** Entries located in the quartier, any status, any filter. */
	entryCount: number;
	/** Of those, entries with `assured_date` within the window. */
	recentlyConfirmedCount: number;
	/** `recentlyConfirmedCount / entryCount`; null without entries. */
	confirmedShare: number | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days from a `YYYY-MM-DD` date (read as UTC midnight) to `now`; negative for future dates, null
 * when the text is not a valid calendar date.
 *
 * @example ageInDays('2026-01-01', new Date('2026-01-31T12:00:00Z')) // 30.5
 */
export function ageInDays(date: string, now: Date): number | null {
	const m = ISO_DATE.exec(date);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const time = Date.UTC(y, mo - 1, d);
	const check = new Date(time);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
		return null;
	}
	return (now.getTime() - time) / DAY_MS;
}

// Future dates count as recent: they are typing slips, and hiding them would hide the check.
function isRecent(age: number | null, recentDays: number) {
	return age !== null && age <= recentDays;
}

/**
 * Survey status of each quartier (see {@link SurveyStatusCode}). Entries are the resources located
 * in the quartier, whatever their status or the dashboard filters: the question is whether
 * anyone has looked, not what was found.
 *
 * @example
 * computeSurveyStatus({ quartiers, resources, surveys, now: new Date(), recentDays: 180 }).get(1)?.status
 */
export function computeSurveyStatus({
	quartiers,
	resources,
	surveys,
	now,
	recentDays = 180,
	minConfirmedShare = 0.5
}: {
	quartiers: readonly QuartierInput[];
	resources: readonly ResourceInput[];
	surveys: readonly SurveyInput[];
	now: Date;
	recentDays?: number;
	minConfirmedShare?: number;
}): Map<number, SurveyStatus> {
	const latest = new Map<number, { survey: SurveyInput; age: number }>();
	for (const survey of surveys) {
		const age = ageInDays(survey.checked_on, now);
		if (age === null) continue;
		const current = latest.get(survey.mdrc);
		// The most recent check wins; on the same day, the first name alphabetically, for stable output.
		if (
			!current ||
			age < current.age ||
			(age === current.age && survey.organization_name < current.survey.organization_name)
		) {
			latest.set(survey.mdrc, { survey, age });
		}
	}
	const entries = new Map<number, { total: number; recent: number }>();
	// Many entries share a confirmation date: parse each distinct date once.
	const recentByDate = new Map<string, boolean>();
	for (const r of resources) {
		let e = entries.get(r.mdrc);
		if (!e) entries.set(r.mdrc, (e = { total: 0, recent: 0 }));
		e.total += 1;
		if (r.assured_date === null) continue;
		let recent = recentByDate.get(r.assured_date);
		if (recent === undefined) {
			recent = isRecent(ageInDays(r.assured_date, now), recentDays);
			recentByDate.set(r.assured_date, recent);
		}
		if (recent) e.recent += 1;
	}

	const result = new Map<number, SurveyStatus>();
	for (const q of quartiers) {
		const last = latest.get(q.mdrc);
		const e = entries.get(q.mdrc) ?? { total: 0, recent: 0 };
		const recentSurvey = last !== undefined && isRecent(last.age, recentDays);
		const confirmedShare = e.total > 0 ? e.recent / e.total : null;
		let status: SurveyStatusCode;
		if (!recentSurvey && e.recent === 0) status = 'not_surveyed';
		else if (recentSurvey && (confirmedShare === null || confirmedShare >= minConfirmedShare)) {
			status = 'surveyed';
		} else status = 'stale';
		result.set(q.mdrc, {
			mdrc: q.mdrc,
			status,
			lastSurvey: last
				? {
						checkedOn: last.survey.checked_on,
						organizationName: last.survey.organization_name,
						ageDays: Math.floor(last.age)
					}
				: null,
			recentSurvey,
			entryCount: e.total,
			recentlyConfirmedCount: e.recent,
			confirmedShare
		});
	}
	return result;
}
