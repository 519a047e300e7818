// Street and place suggestions while typing, shared by the finder's "where" box and the address
// field of registration: fetches `/find/places` after a short pause, keeps the list, the open
// state and the active option, and handles the arrow, Enter and Escape keys of a combobox.
import type { PlaceSuggestion } from '#lib/domain/places/types.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';

/** Typing pause before asking for suggestions, in milliseconds. */
const PAUSE_MS = 120;

export class PlaceSuggestions {
	suggestions = $state<PlaceSuggestion[]>([]);
	open = $state(false);
	active = $state(-1);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#controller: AbortController | undefined;

	/** Call on every input event with the box's text. */
	input(text: string): void {
		clearTimeout(this.#timer);
		const query = text.trim();
		if (query.length < 2) {
			this.close();
			this.suggestions = [];
			return;
		}
		this.#timer = setTimeout(() => void this.#fetch(query), PAUSE_MS);
	}

	async #fetch(query: string): Promise<void> {
		this.#controller?.abort();
		this.#controller = new AbortController();
		const params = `q=${encodeURIComponent(query)}&locale=${getLocale()}`;
		try {
			const response = await fetch(`${localizeHref('/find/places')}?${params}`, {
				signal: this.#controller.signal
			});
			if (!response.ok) return;
			const body = (await response.json()) as { suggestions: PlaceSuggestion[] };
			this.suggestions = body.suggestions;
			this.open = this.suggestions.length > 0;
			this.active = -1;
		} catch {
			// Aborted by newer typing, or offline: the form still submits the text.
		}
	}

	close(): void {
		this.open = false;
		this.active = -1;
	}

	/** Call on keydown; `pick` receives the option chosen with Enter. */
	keydown(event: KeyboardEvent, pick: (suggestion: PlaceSuggestion) => void): void {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			if (!this.suggestions.length) return;
			event.preventDefault();
			this.open = true;
			const step = event.key === 'ArrowDown' ? 1 : -1;
			this.active = (this.active + step + this.suggestions.length) % this.suggestions.length;
		} else if (event.key === 'Enter' && this.open && this.active >= 0) {
			event.preventDefault();
			const chosen = this.suggestions[this.active];
			if (chosen) pick(chosen);
			this.close();
		} else if (event.key === 'Escape' && this.open) {
			event.preventDefault();
			this.close();
		}
	}
}
