import QRCode from 'qrcode';

/**
 * A QR code for a link as an SVG data URL, drawn on the server so printed pages need no script.
 * Level M survives a crease or a smudge on paper.
 *
 * @example await qrDataUrl('https://nabij.example/fr/resources/…') // 'data:image/svg+xml;base64,…'
 */
export async function qrDataUrl(href: string): Promise<string> {
	const svg = await QRCode.toString(href, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
