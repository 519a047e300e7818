// Phone numbers: stored in E.164 (`+32470123456`), typed the way people write them in Belgium
// (`0470 12 34 56`, `02/345.67.89`, `+33 6 12 34 56 78`), shown the way people read them.
import { parsePhoneNumber } from 'awesome-phonenumber';

/** Numbers without a country code are read as Belgian. */
const HOME_REGION = 'BE';

/**
 * The E.164 form of a valid phone number, or null when it is not a valid number. A number without
 * a country code is read as Belgian.
 *
 * @example normalisePhone('0470 12 34 56') // '+32470123456'
 * @example normalisePhone('call me maybe') // null
 */
export function normalisePhone(value: string): string | null {
	const parsed = parsePhoneNumber(value.trim(), { regionCode: HOME_REGION });
	return parsed.valid ? parsed.number.e164 : null;
}

/**
 * A phone number as people read it: the national form for Belgian numbers (`0470 12 34 56`), the
 * international form for others (`+33 6 12 34 56 78`). Values that cannot be read as a number
 * (older entries typed freely) are returned unchanged.
 *
 * @example displayPhone('+32470123456') // '0470 12 34 56'
 */
export function displayPhone(value: string): string {
	const parsed = parsePhoneNumber(value.trim(), { regionCode: HOME_REGION });
	// Possible rather than valid: fictional demo numbers and recently opened ranges still read well.
	if (!parsed.possible || !parsed.number) return value;
	return parsed.regionCode === HOME_REGION ? parsed.number.national : parsed.number.international;
}

/**
 * The E.164 form for links (`tel:`, `wa.me`): a possible number in E.164, otherwise the digits and
 * a leading + of what was stored.
 *
 * @example phoneForLink('02 000 12 34') // '+3220001234'
 */
export function phoneForLink(value: string): string {
	const parsed = parsePhoneNumber(value.trim(), { regionCode: HOME_REGION });
	if (parsed.possible && parsed.number) return parsed.number.e164;
	return value.replace(/[^\d+]/g, '');
}
