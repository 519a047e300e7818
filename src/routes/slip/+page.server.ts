import { brusselsToday } from '#lib/domain/schedule/brussels-time.ts';
import type { UiLocale } from '#lib/domain/languages.ts';
import { parseSlipParams, slipPath } from '#lib/domain/finder/slip.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { publicOrigin } from '#lib/server/config.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as resources from '#lib/server/db/resources.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { qrDataUrl } from '#lib/server/qr.ts';

// The slip is generated from the address alone; nothing about the resident is stored. Its links
// and QR codes use the configured public origin: a spoofed Host header must not end up printed.
export async function load({ url, locals }) {
	const { ids, lang, tooMany } = parseSlipParams(url.searchParams, getLocale() as UiLocale);
	const [entries, terms, communes] = await Promise.all([
		resources.getMany(locals.supabase, ids),
		taxonomy.load(locals.supabase),
		geography.listCommunes(locals.supabase)
	]);
	const slips = await Promise.all(
		entries.map(async (entry) => {
			const link = new URL(
				localizeHref(`/resources/${entry.id}`, { locale: lang }),
				publicOrigin()
			);
			const qr = await qrDataUrl(link.href);
			return {
				entry: { ...entry, contacts: entry.contacts.filter((contact) => contact.public) },
				category: taxonomy.labelOf(terms.categories, entry.category, lang),
				commune: communes.find((c) => c.nis === entry.nis) ?? null,
				link: link.href,
				qr
			};
		})
	);
	return {
		lang,
		tooMany,
		slips,
		shareLink: new URL(localizeHref(slipPath(ids, lang)), publicOrigin()).href,
		today: brusselsToday()
	};
}
