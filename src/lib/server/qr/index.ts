/**
 * QR codes are drawn at build time, as SVG, so the browser needs no QR library for them.
 * Error correction M survives the glare and smudges of a lobby screen; the quiet zone is the
 * standard 4 modules so phones lock on from ~50 cm at the sizes the pages use.
 */
import QRCode from 'qrcode';

export async function qrSvg(text: string): Promise<string> {
	const svg = await QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 4,
		color: { dark: '#000000', light: '#ffffff' }
	});
	// Sized by CSS; the viewBox keeps it crisp at any size.
	return svg
		.replace(/ width="\d+" height="\d+"/, '')
		.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
