import type { CoverageFinding, SurveyStatusCode } from '#lib/domain/coverage/index.ts';
import { m } from '#lib/paraglide/messages.js';

/** The survey status in the reader's language. */
export function surveyLabel(status: SurveyStatusCode): string {
	if (status === 'surveyed') return m.coverage_survey_surveyed();
	if (status === 'stale') return m.coverage_survey_stale();
	return m.coverage_survey_not_surveyed();
}

/** What the dashboard concludes for a quartier, in the reader's language. */
export function findingLabel(finding: CoverageFinding): string {
	if (finding === 'has_resources') return m.coverage_finding_has_resources();
	if (finding === 'gap') return m.coverage_finding_gap();
	return m.coverage_finding_blind_spot();
}

/** The kind of a non-residential quartier in the reader's language. */
export function typeLabel(type: string): string {
	if (type === 'park_forest') return m.coverage_type_park_forest();
	if (type === 'cemetery') return m.coverage_type_cemetery();
	if (type === 'industrial_infrastructure') return m.coverage_type_industrial();
	return m.coverage_type_residential();
}
