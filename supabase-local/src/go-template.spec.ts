import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from './go-template.ts';

const FIELDS = {
	fields: ['ConfirmationURL', 'Email', 'NewEmail', 'RedirectTo', 'SiteURL', 'Token', 'Data'],
	objectFields: ['Data']
};

function render(source: string, data: Record<string, unknown> = {}): string {
	return compileTemplate('t', source, FIELDS).render(data);
}

function compileError(source: string): string {
	try {
		compileTemplate('t', source, FIELDS);
	} catch (error) {
		expect(error).toBeInstanceOf(TemplateError);
		return (error as Error).message;
	}
	throw new Error('compiled');
}

describe('compileTemplate: values', () => {
	it('fills fields and nested user metadata', () => {
		expect(
			render('Hi {{ .Email }}, {{ .Data.name }}!', { Email: 'a@x.test', Data: { name: 'Amina' } })
		).toBe('Hi a@x.test, Amina!');
	});

	it('HTML-escapes text and quoted attributes as html/template does', () => {
		const data = { Email: `<b>"Tom" & 'Jerry'+</b>` };
		expect(render('<p>{{ .Email }}</p>', data)).toBe(
			'<p>&lt;b&gt;&#34;Tom&#34; &amp; &#39;Jerry&#39;&#43;&lt;/b&gt;</p>'
		);
		expect(render('<p title="{{ .Email }}">x</p>', data)).toBe(
			'<p title="&lt;b&gt;&#34;Tom&#34; &amp; &#39;Jerry&#39;&#43;&lt;/b&gt;">x</p>'
		);
	});

	it('keeps a link usable: normalised at the start of href, query values percent-encoded', () => {
		const data = {
			ConfirmationURL:
				'http://127.0.0.1:54321/auth/v1/verify?token=abc&type=signup&redirect_to=http://x.test/fr é',
			RedirectTo: 'https://x.test/a?b=c&d',
			SiteURL: 'https://nabij.example'
		};
		expect(render('<a href="{{ .ConfirmationURL }}">go</a>', data)).toBe(
			'<a href="http://127.0.0.1:54321/auth/v1/verify?token=abc&amp;type=signup&amp;redirect_to=http://x.test/fr%20%c3%a9">go</a>'
		);
		expect(render('<a href="{{ .SiteURL }}/confirm?next={{ .RedirectTo }}">go</a>', data)).toBe(
			'<a href="https://nabij.example/confirm?next=https%3a%2f%2fx.test%2fa%3fb%3dc%26d">go</a>'
		);
	});

	it('refuses unsafe URL schemes at the start of a link', () => {
		expect(render('<a href="{{ .RedirectTo }}">x</a>', { RedirectTo: 'javascript:alert(1)' })).toBe(
			'<a href="#ZgotmplZ">x</a>'
		);
		expect(render('<img src="{{ .RedirectTo }}">', { RedirectTo: 'data:text/html,x' })).toBe(
			'<img src="#ZgotmplZ">'
		);
	});

	it('prints nothing for missing values, as html/template does', () => {
		expect(render('[{{ .Email }}][{{ .Data.locale }}][{{ .Data.a.b }}]', {})).toBe('[][][]');
	});

	it('drops HTML comments and honours trim markers', () => {
		expect(render('<p>a<!-- secret -->b</p>')).toBe('<p>ab</p>');
		expect(render('a  {{- .Email -}}  b {{/* note */}}c', { Email: 'X' })).toBe('aXb c');
	});
});

describe('compileTemplate: conditionals', () => {
	const LANG =
		'{{ if eq .Data.locale "nl" }}Hallo{{ else if eq .Data.locale "en" }}Hello{{ else }}Bonjour{{ end }}';

	it('chooses the branch by user metadata, falling back when it is missing', () => {
		expect(render(LANG, { Data: { locale: 'nl' } })).toBe('Hallo');
		expect(render(LANG, { Data: { locale: 'en' } })).toBe('Hello');
		expect(render(LANG, { Data: { locale: 'fr' } })).toBe('Bonjour');
		expect(render(LANG, { Data: {} })).toBe('Bonjour');
		expect(render(LANG, {})).toBe('Bonjour');
	});

	it('supports truthiness, ne, not, and, or, several eq operands and raw strings', () => {
		expect(render('{{ if .Token }}code{{ else }}none{{ end }}', { Token: '' })).toBe('none');
		expect(render('{{ if ne .Data.l `fr` }}x{{ end }}', { Data: { l: 'nl' } })).toBe('x');
		expect(render('{{ if not .Data.l }}x{{ end }}', {})).toBe('x');
		expect(render('{{ if and .Email .Token }}both{{ end }}', { Email: 'e', Token: '1' })).toBe(
			'both'
		);
		expect(render('{{ if or .Email .Token }}one{{ end }}', { Token: '1' })).toBe('one');
		expect(render('{{ if eq .Data.l "nl" "en" }}x{{ end }}', { Data: { l: 'en' } })).toBe('x');
	});

	it('refuses to compare a string with a number, as Go does', () => {
		expect(() => render(LANG, { Data: { locale: 3 } })).toThrow(/incompatible types/);
	});
});

describe('compileTemplate: malformed templates fail at compile time', () => {
	it.each([
		['{{ if .Email }}x', /{{if}} without {{end}}/],
		['x{{ end }}', /unexpected {{end}}/],
		['{{ if .Email }}a{{ else }}b{{ else }}c{{ end }}', /expected {{end}} after {{else}}/],
		['{{ .Email ', /unclosed action/],
		['{{ .ConfirmationUrl }}', /unknown variable \.ConfirmationUrl/],
		['{{ .Email.domain }}', /\.Email has no fields/],
		['{{ range .Data }}x{{ end }}', /not supported/],
		['{{ printf "%s" .Email }}', /not supported/],
		['{{ .Email | html }}', /not supported/],
		['{{ if eq .Data.l }}x{{ end }}', /wrong number of arguments for eq/],
		['{{ if eq .Data.l "a }}x{{ end }}', /unclosed action|unterminated/],
		['<a href={{ .ConfirmationURL }}>x</a>', /unquoted attribute href/],
		['<a onclick="{{ .Email }}">x</a>', /attribute onclick is not supported/],
		['<script>var e = "{{ .Email }}"</script>', /raw is not supported/],
		['<p {{ .Email }}>x</p>', /tag is not supported/],
		['{{ if .Email }}<a href="x">{{ end }}', /branches end in different HTML contexts/],
		['<p>unfinished <a href="x"', /ends inside HTML/],
		['<!-- {{ .Email }} -->', /comment is not supported/]
	])('%s', (source, message) => {
		expect(compileError(source)).toMatch(message);
	});

	it('says which template and line', () => {
		expect(() => compileTemplate('invite.html', 'a\nb\n{{ .Nope }}', FIELDS)).toThrow(
			/^template invite\.html:3: unknown variable \.Nope/
		);
	});
});
