// Auth e-mail templates as a Supabase project configures them: `[auth.email.template.<name>]`
// sections of supabase/config.toml, each with a `subject` and a `content_path` (an HTML file,
// relative to the project folder that holds supabase/). Supabase Auth executes both the subject
// and the body as Go html/template templates with the mail's data; the gateway does the same
// with ../go-template.ts, compiling every configured template at start-up so a broken one stops
// the gateway with its file and line instead of failing a sign-in later. The mailbox's plain
// text is derived from the rendered HTML.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { compileTemplate, type Template } from './go-template.ts';

/** The mails GoTrue sends, by the name of their config section. */
export type MailTemplateName =
	'confirmation' | 'invite' | 'magic_link' | 'recovery' | 'email_change';

const NAMES: readonly MailTemplateName[] = [
	'confirmation',
	'invite',
	'magic_link',
	'recovery',
	'email_change'
];

/** The variables Supabase Auth gives its templates (user metadata is `.Data`). */
export const TEMPLATE_FIELDS = [
	'ConfirmationURL',
	'Data',
	'Email',
	'NewEmail',
	'RedirectTo',
	'SendingTo',
	'SiteURL',
	'Token',
	'TokenHash'
] as const;

export type TemplateData = Partial<Record<(typeof TEMPLATE_FIELDS)[number], unknown>>;

export type CompiledMail = { subject: Template; body: Template | null };

/** The configured templates; a name without a section uses the gateway's built-in mail. */
export type MailTemplates = Partial<Record<MailTemplateName, CompiledMail>>;

// ---------------------------------------------------------------------------------------------
// The few TOML forms the template sections use: [section] headers and key = "string" or 'string'.

function tomlString(raw: string, where: string): string | undefined {
	const value = raw.trim();
	if (value.startsWith('"""') || value.startsWith("'''")) {
		throw new Error(`${where}: multi-line strings are not supported here; use one line`);
	}
	const literal = /^'([^']*)'\s*(#.*)?$/.exec(value);
	if (literal) return literal[1];
	const basic = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(value);
	if (!basic) return undefined;
	return basic[1]!.replace(/\\(u[0-9A-Fa-f]{4}|.)/g, (_, e: string) => {
		if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
		const map: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', r: '\r' };
		const mapped = map[e];
		if (mapped === undefined) throw new Error(`${where}: unsupported escape \\${e}`);
		return mapped;
	});
}

/** `{ subject, content_path }` of every [auth.email.template.<name>] section in `toml`. */
export function readTemplateSections(
	toml: string,
	file = 'config.toml'
): Partial<Record<MailTemplateName, { subject?: string; contentPath?: string }>> {
	const sections: Partial<Record<MailTemplateName, { subject?: string; contentPath?: string }>> =
		{};
	let current: MailTemplateName | null = null;
	toml.split(/\r?\n/).forEach((line, index) => {
		const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(line);
		if (header) {
			const m = /^auth\.email\.template\.([a-z_]+)$/.exec(header[1]!.trim());
			current = null;
			if (!m) return;
			const name = m[1] as MailTemplateName;
			if (!NAMES.includes(name)) {
				throw new Error(`${file}:${index + 1}: unknown e-mail template [${header[1]}]`);
			}
			current = name;
			sections[name] = {};
			return;
		}
		const pair = /^\s*([A-Za-z_]+)\s*=(.*)$/.exec(line);
		if (!current || !pair) return;
		const where = `${file}:${index + 1}`;
		const key = pair[1]!;
		if (key !== 'subject' && key !== 'content_path') return;
		const value = tomlString(pair[2]!, where);
		if (value === undefined) throw new Error(`${where}: ${key} must be a quoted string`);
		const section = sections[current]!;
		if (key === 'subject') section.subject = value;
		else section.contentPath = value;
	});
	return sections;
}

/**
 * Reads and compiles the templates configured in `configPath` (a supabase/config.toml).
 * Throws with the file and line of the first problem: a missing file, an unknown variable, a
 * construct outside the supported subset, an unbalanced {{if}}.
 */
export function loadMailTemplates(configPath: string): MailTemplates {
	if (!existsSync(configPath)) return {};
	const projectDir = dirname(dirname(resolve(configPath)));
	const sections = readTemplateSections(readFileSync(configPath, 'utf8'), configPath);
	const options = { fields: TEMPLATE_FIELDS, objectFields: ['Data'] };
	const templates: MailTemplates = {};
	for (const [name, section] of Object.entries(sections) as [
		MailTemplateName,
		{ subject?: string; contentPath?: string }
	][]) {
		let body: Template | null = null;
		if (section.contentPath !== undefined) {
			const path = isAbsolute(section.contentPath)
				? section.contentPath
				: resolve(projectDir, section.contentPath);
			if (!existsSync(path)) {
				throw new Error(
					`${configPath}: [auth.email.template.${name}] content_path ${path} does not exist`
				);
			}
			body = compileTemplate(section.contentPath, readFileSync(path, 'utf8'), options);
		}
		const subject = compileTemplate(
			`[auth.email.template.${name}] subject`,
			section.subject ?? DEFAULT_SUBJECTS[name],
			options
		);
		templates[name] = { subject, body };
	}
	return templates;
}

/** GoTrue's subjects when a section gives none. */
const DEFAULT_SUBJECTS: Record<MailTemplateName, string> = {
	confirmation: 'Confirm Your Signup',
	invite: 'You have been invited',
	magic_link: 'Your Magic Link',
	recovery: 'Reset Your Password',
	email_change: 'Confirm Email Change'
};

// ---------------------------------------------------------------------------------------------
// Plain text from the rendered HTML, for the mailbox page and the text part.

function decodeEntities(value: string): string {
	const named: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: ' '
	};
	return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
		return named[entity] ?? whole;
	});
}

/**
 * The plain-text version of a mail's HTML: block elements become paragraphs and each link
 * becomes "label: URL" (or the URL alone when the label is the URL).
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, '')
		// Line breaks in the source are layout, as in a browser.
		.replace(/\s+/g, ' ')
		.replace(
			/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
			(_, href: string, label: string) => {
				const url = decodeEntities(href);
				const words = decodeEntities(label.replace(/<[^>]+>/g, ''))
					.replace(/\s+/g, ' ')
					.trim();
				return words && words !== url ? `${words}: ${url}` : url;
			}
		)
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(p|div|h[1-6]|li|ul|ol|table|tr|blockquote|section)\b[^>]*>/gi, '\n\n')
		.replace(/<[^>]+>/g, '');
	return decodeEntities(text)
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Renders a configured mail, or returns null when `name` has no template body configured. */
export function renderMail(
	templates: MailTemplates,
	name: MailTemplateName,
	data: TemplateData
): { subject: string; html: string | null; text: string | null } | null {
	const compiled = templates[name];
	if (!compiled) return null;
	const subject = compiled.subject.render(data).replace(/\s+/g, ' ').trim();
	if (!compiled.body) return { subject, html: null, text: null };
	const html = compiled.body.render(data);
	return { subject, html, text: htmlToText(html) };
}
