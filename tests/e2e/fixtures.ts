import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Fails when the page has serious or critical accessibility violations (axe-core, WCAG 2.1 AA
 * rules), listing each with the elements concerned.
 */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const blocking = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	const report = blocking.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * `page.goto` scans every page it visits with axe, and each test's last page is scanned again
 * after the test, so pages reached by clicking are covered too.
 */
export const test = base.extend<{ page: Page }>({
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		page.goto = async (...args: Parameters<Page['goto']>) => {
			const response = await goto(...args);
			await expectAccessible(page);
			return response;
		};
		await use(page);
		if (!page.isClosed() && page.url().startsWith('http')) await expectAccessible(page);
	}
});

/**
 * The local gateway's mailbox as JSON (playwright.config.ts sets NABIJ_MAILBOX_URL). A missing
 * one fails the journeys that read e-mail instead of letting them skip and look green.
 */
export function mailboxUrl(): string {
	const url = process.env.NABIJ_MAILBOX_URL;
	if (!url)
		throw new Error(
			'NABIJ_MAILBOX_URL is not set: run the browser tests through playwright.config.ts'
		);
	return url;
}

export { expect };
