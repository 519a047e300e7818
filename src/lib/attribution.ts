/**
 * Attributions required by the licences of the geography and statistics Nabij ships
 * (see data/brussels/README.md). Proper names and licence titles stay untranslated.
 */
export type Attribution = { dataset: string; text: string; licence: string };

export const DATA_ATTRIBUTIONS: readonly Attribution[] = [
	{
		dataset: 'quartiers',
		text: 'Quartiers du Monitoring – IBSA/perspective.brussels; géométrie UrbIS © Paradigm (Région de Bruxelles-Capitale)',
		licence: 'UrbIS open licence / CC BY 4.0'
	},
	{
		dataset: 'sectors',
		text: 'Secteurs statistiques 2022 – Statbel (DG Statistique – Statistics Belgium)',
		licence: 'Licence Open Data Statbel'
	},
	{
		dataset: 'indicators',
		text: 'Statbel (DG Statistique – Statistics Belgium); IBSA/perspective.brussels – Monitoring des Quartiers',
		licence: 'Licence Open Data Statbel; IBSA'
	},
	{
		dataset: 'indicators_ulb',
		text: 'ULB-IGEAT, compilation 2011–2018 (ACP_BXL)',
		licence: 'CC0 1.0'
	},
	{
		dataset: 'streets',
		text: '© OpenStreetMap contributors',
		licence: 'ODbL 1.0'
	}
];
