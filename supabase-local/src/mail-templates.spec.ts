import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	htmlToText,
	loadMailTemplates,
	readTemplateSections,
	renderMail,
	type MailTemplateName
} from './mail-templates.ts';

const REPO_CONFIG = resolve(import.meta.dirname, '../../supabase/config.toml');
const LINK = 'http://127.0.0.1:54321/auth/v1/verify?token=pkce_abc&type=magiclink&redirect_to=x';

function data(locale: unknown) {
	return {
		ConfirmationURL: LINK,
		Data: locale === undefined ? {} : { locale },
		Email: 'old@example.test',
		NewEmail: 'new+<b>@example.test',
		SiteURL: 'http://127.0.0.1:5173',
		Token: '123456',
		TokenHash: 'pkce_abc'
	};
}

/** A config.toml in a fresh project folder, with the given template files. */
function project(toml: string, files: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'nabij-templates-'));
	mkdirSync(join(dir, 'supabase/templates'), { recursive: true });
	for (const [name, content] of Object.entries(files)) {
		writeFileSync(join(dir, 'supabase/templates', name), content);
	}
	writeFileSync(join(dir, 'supabase/config.toml'), toml);
	return join(dir, 'supabase/config.toml');
}

describe("the repository's auth e-mail templates", () => {
	const templates = loadMailTemplates(REPO_CONFIG);
	const expected: Record<string, Record<string, { subject: string; words: string }>> = {
		magic_link: {
			fr: { subject: 'Votre lien de connexion à Nabij', words: 'Se connecter' },
			nl: { subject: 'Uw aanmeldlink voor Nabij', words: 'Aanmelden' },
			en: { subject: 'Your sign-in link for Nabij', words: 'Sign in' }
		},
		confirmation: {
			fr: { subject: 'Confirmez votre adresse e-mail pour Nabij', words: 'Confirmer mon adresse' },
			nl: { subject: 'Bevestig uw e-mailadres voor Nabij', words: 'Mijn adres bevestigen' },
			en: { subject: 'Confirm your e-mail address for Nabij', words: 'Confirm my address' }
		},
		email_change: {
			fr: {
				subject: 'Confirmez votre nouvelle adresse e-mail pour Nabij',
				words: 'Confirmer le changement'
			},
			nl: {
				subject: 'Bevestig uw nieuwe e-mailadres voor Nabij',
				words: 'De wijziging bevestigen'
			},
			en: { subject: 'Confirm your new e-mail address for Nabij', words: 'Confirm the change' }
		},
		invite: {
			fr: { subject: 'Vous êtes invité·e sur Nabij', words: 'Accepter l’invitation' },
			nl: { subject: 'U bent uitgenodigd op Nabij', words: 'De uitnodiging aanvaarden' },
			en: { subject: 'You are invited to Nabij', words: 'Accept the invitation' }
		}
	};

	it('configures the four mails the app sends, each with a body file', () => {
		expect(Object.keys(templates).sort()).toEqual([
			'confirmation',
			'email_change',
			'invite',
			'magic_link'
		]);
		for (const compiled of Object.values(templates)) expect(compiled.body).not.toBeNull();
	});

	for (const [name, locales] of Object.entries(expected)) {
		for (const [locale, { subject, words }] of Object.entries(locales)) {
			it(`${name} in ${locale}: subject, body language and the link first`, () => {
				const mail = renderMail(templates, name as MailTemplateName, data(locale))!;
				expect(mail.subject).toBe(subject);
				expect(mail.html).toContain(`<div lang="${locale}">`);
				expect(mail.html).toContain(`href="${LINK.replaceAll('&', '&amp;')}"`);
				expect(mail.text).toContain(`${words}: ${LINK}`);
				// The first URL of the text is the link to follow (what people and tests click).
				expect(/https?:\/\/\S+/.exec(mail.text ?? '')?.[0]).toBe(LINK);
			});
		}
	}

	it('falls back to French without a known locale', () => {
		for (const locale of [undefined, 'de', '']) {
			expect(renderMail(templates, 'magic_link', data(locale))?.subject).toBe(
				'Votre lien de connexion à Nabij'
			);
		}
	});

	it('escapes addresses in the e-mail change mail', () => {
		const mail = renderMail(templates, 'email_change', data('en'))!;
		expect(mail.html).toContain('new&#43;&lt;b&gt;@example.test');
		expect(mail.text).toContain('from old@example.test to new+<b>@example.test');
	});

	it('leaves recovery to the built-in mail', () => {
		expect(renderMail(templates, 'recovery', data('fr'))).toBeNull();
	});
});

describe('loadMailTemplates', () => {
	it('stops with the file and line of a broken template', () => {
		const config = project(
			'[auth.email.template.magic_link]\nsubject = "Hi"\ncontent_path = "./supabase/templates/m.html"\n',
			{ 'm.html': '<p>Hello</p>\n<p>{{ .ConfirmationUrl }}</p>' }
		);
		expect(() => loadMailTemplates(config)).toThrow(
			/template \.\/supabase\/templates\/m\.html:2: unknown variable \.ConfirmationUrl/
		);
	});

	it('stops on a broken subject and on a missing file', () => {
		const subject = project('[auth.email.template.invite]\nsubject = "{{ if .Email }}Hi"\n');
		expect(() => loadMailTemplates(subject)).toThrow(
			/\[auth\.email\.template\.invite\] subject:1: .*without \{\{end\}\}/
		);
		const missing = project(
			'[auth.email.template.invite]\ncontent_path = "./supabase/templates/none.html"\n'
		);
		expect(() => loadMailTemplates(missing)).toThrow(/none\.html does not exist/);
	});

	it('keeps GoTrue’s subject when a section gives only a body', () => {
		const config = project(
			'[auth.email.template.recovery]\ncontent_path = "./supabase/templates/r.html"\n',
			{
				'r.html': '<a href="{{ .ConfirmationURL }}">Reset</a>'
			}
		);
		expect(renderMail(loadMailTemplates(config), 'recovery', data('fr'))?.subject).toBe(
			'Reset Your Password'
		);
	});
});

describe('readTemplateSections', () => {
	it('reads basic and literal strings and ignores other sections', () => {
		const sections = readTemplateSections(
			[
				'[auth]',
				'subject = "not a template"',
				'[auth.email.template.magic_link] # sign-in',
				`subject = '{{ if eq .Data.locale "nl" }}Hallo{{ end }}'`,
				'content_path = "./a\\u00e9.html" # comment',
				'[studio]',
				'content_path = "x"'
			].join('\n')
		);
		expect(sections).toEqual({
			magic_link: {
				subject: '{{ if eq .Data.locale "nl" }}Hallo{{ end }}',
				contentPath: './aé.html'
			}
		});
	});

	it('refuses unknown template names and unquoted values', () => {
		expect(() => readTemplateSections('[auth.email.template.magiclink]')).toThrow(
			/unknown e-mail template/
		);
		expect(() => readTemplateSections('[auth.email.template.invite]\nsubject = Hi')).toThrow(
			/config\.toml:2: subject must be a quoted string/
		);
	});
});

describe('htmlToText', () => {
	it('turns blocks into paragraphs and links into "label: URL"', () => {
		expect(
			htmlToText(
				'<div lang="fr">\n<h2>Titre</h2>\n<p>Suivez ce\n  lien :</p>\n<p><a href="https://x.test/?a=1&amp;b=2">Se connecter</a></p><p>a<br>b &#39;c&#39; &lt;d&gt;</p></div>'
			)
		).toBe("Titre\n\nSuivez ce lien :\n\nSe connecter: https://x.test/?a=1&b=2\n\na\nb 'c' <d>");
	});

	it('prints a URL once when the label is the URL', () => {
		expect(htmlToText('<a href="https://x.test/">https://x.test/</a>')).toBe('https://x.test/');
	});
});
