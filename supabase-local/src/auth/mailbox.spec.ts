import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMailboxPage } from '../mailbox.ts';
import type { MailMessage } from '../types.ts';

function message(overrides: Partial<MailMessage>): MailMessage {
	return {
		id: '00000000-0000-0000-0000-000000000001',
		to: 'amina@example.test',
		subject: 'Your Magic Link',
		text: 'Follow this link',
		html: '<p>Follow this link</p>',
		created_at: '2026-01-01T00:00:00.000Z',
		...overrides
	};
}

describe('escapeHtml', () => {
	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});
});

describe('renderMailboxPage', () => {
	it('lists messages in the given order with escaped content', () => {
		const page = renderMailboxPage([
			message({ subject: 'Second <b>', to: 'x"y@example.test' }),
			message({ subject: 'First' })
		]);
		expect(page.indexOf('Second &lt;b&gt;')).toBeLessThan(page.indexOf('First'));
		expect(page).toContain('x&quot;y@example.test');
		expect(page).not.toContain('<b>');
	});

	it('makes http links clickable but never other schemes, and never renders mail HTML', () => {
		const page = renderMailboxPage([
			message({
				text: 'Go to http://127.0.0.1:54321/auth/v1/verify?token=abc&type=magiclink or javascript:alert(1)',
				html: '<img src=x onerror=alert(1)>'
			})
		]);
		expect(page).toContain(
			'<a href="http://127.0.0.1:54321/auth/v1/verify?token=abc&amp;type=magiclink">'
		);
		expect(page).not.toContain('href="javascript:');
		expect(page).not.toContain('<img');
	});

	it('says when there is nothing', () => {
		expect(renderMailboxPage([])).toContain('No messages.');
	});
});
