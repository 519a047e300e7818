import type { LocalizedText } from './types.ts';

/** Where a figure comes from, with its licence and the attribution to print beside it. */
export interface DataSource {
	id: string;
	name: LocalizedText;
	producer: string;
	year: string;
	licence: string;
	attribution: string;
	/** Known weaknesses, or null. */
	caveat: LocalizedText | null;
}

/** Sources of every figure the coverage engine reports. */
export const SOURCES = {
	statbel_population_2019: {
		id: 'statbel_population_2019',
		name: {
			fr: 'Population par secteur statistique au 1er janvier 2019',
			nl: 'Bevolking per statistische sector op 1 januari 2019',
			en: 'Population by statistical sector on 1 January 2019'
		},
		producer: 'Statbel (DG Statistique – Statistics Belgium)',
		year: '2019',
		licence: 'Statbel Open Data licence (compatible with CC BY 4.0)',
		attribution: 'Statbel (DG Statistique – Statistics Belgium)',
		caveat: null
	},
	statbel_sectors_2022: {
		id: 'statbel_sectors_2022',
		name: {
			fr: 'Secteurs statistiques (situation au 1er janvier 2022)',
			nl: 'Statistische sectoren (toestand op 1 januari 2022)',
			en: 'Statistical sectors (as of 1 January 2022)'
		},
		producer: 'Statbel (DG Statistique – Statistics Belgium)',
		year: '2022',
		licence: 'Statbel Open Data licence (compatible with CC BY 4.0)',
		attribution: 'Secteurs statistiques 2022 – Statbel (DG Statistique – Statistics Belgium)',
		caveat: null
	},
	ulb_compilation_2011_2018: {
		id: 'ulb_compilation_2011_2018',
		name: {
			fr: 'Compilation ULB-IGEAT par secteur (ACP_BXL)',
			nl: 'ULB-IGEAT-compilatie per sector (ACP_BXL)',
			en: 'ULB-IGEAT compilation by sector (ACP_BXL)'
		},
		producer: 'ULB – IGEAT (teaching dataset), from Statbel data',
		year: '2018 (age), 2011 (households)',
		licence: 'CC0 1.0 (compilation); underlying data Statbel',
		attribution: 'ULB-IGEAT, d’après Statbel',
		caveat: {
			fr: 'Année et producteur exacts de chaque variable non documentés (probablement Statbel 2018 pour l’âge et Recensement 2011 pour les ménages). À remplacer par les indicateurs IBSA avant publication.',
			nl: 'Exact jaar en producent per variabele niet gedocumenteerd (waarschijnlijk Statbel 2018 voor leeftijd en Census 2011 voor huishoudens). Te vervangen door BISA-indicatoren vóór publicatie.',
			en: 'Exact year and producer of each variable are not documented (most likely Statbel 2018 for age and Census 2011 for households). Replace with IBSA indicators before publishing.'
		}
	},
	ibsa_median_income_2019: {
		id: 'ibsa_median_income_2019',
		name: {
			fr: 'Revenu imposable médian des déclarations 2019 (indicateur 2336)',
			nl: 'Mediaan belastbaar inkomen van de aangiften 2019 (indicator 2336)',
			en: 'Median taxable income per tax declaration 2019 (indicator 2336)'
		},
		producer:
			'IBSA/perspective.brussels – Monitoring des Quartiers, from Statbel fiscal statistics',
		year: '2019',
		licence: 'IBSA terms: free reuse with the source cited',
		attribution: 'IBSA/perspective.brussels – Monitoring des Quartiers; Statbel',
		caveat: null
	},
	ibsa_households: {
		id: 'ibsa_households',
		name: {
			fr: 'Ménages privés par secteur (Monitoring des Quartiers)',
			nl: 'Private huishoudens per sector (Wijkmonitoring)',
			en: 'Private households by sector (Monitoring des Quartiers)'
		},
		producer: 'IBSA/perspective.brussels – Monitoring des Quartiers',
		year: 'latest available on 2024-02-26 (not stated)',
		licence: 'IBSA terms: free reuse with the source cited',
		attribution: 'IBSA/perspective.brussels – Monitoring des Quartiers',
		caveat: {
			fr: 'Année de référence non indiquée; secteurs masqués sous-comptés.',
			nl: 'Referentiejaar niet vermeld; afgeschermde sectoren ondergeteld.',
			en: 'Reference year not stated; suppressed sectors are undercounted.'
		}
	},
	urbis_quartiers: {
		id: 'urbis_quartiers',
		name: {
			fr: 'Quartiers du Monitoring des Quartiers',
			nl: 'Wijken van de Wijkmonitoring',
			en: 'Monitoring des Quartiers neighbourhoods'
		},
		producer: 'IBSA/perspective.brussels; geometry UrbIS © Paradigm',
		year: '2022',
		licence: 'UrbIS open licence / CC BY 4.0',
		attribution:
			'Quartiers du Monitoring – IBSA/perspective.brussels; géométrie UrbIS © Paradigm (Région de Bruxelles-Capitale)',
		caveat: null
	},
	nabij_entries: {
		id: 'nabij_entries',
		name: {
			fr: 'Fiches, relevés de terrain et signaux de besoin enregistrés dans Nabij',
			nl: 'Fiches, terreinverkenningen en noodsignalen geregistreerd in Nabij',
			en: 'Entries, field checks and need signals recorded in Nabij'
		},
		producer: 'Nabij contributors',
		year: 'date of export',
		licence: 'Nabij platform terms',
		attribution: 'Nabij',
		caveat: {
			fr: 'Une absence de fiche ne prouve pas une absence d’offre: voir le statut de relevé.',
			nl: 'Geen fiche betekent niet dat er geen aanbod is: zie de verkenningsstatus.',
			en: 'A missing entry does not prove missing supply: see the survey status.'
		}
	}
} as const satisfies Record<string, DataSource>;

export type SourceId = keyof typeof SOURCES;

/** Definition of one reported figure, for legends, exports and the methodology page. */
export interface MeasureDefinition {
	id: string;
	label: LocalizedText;
	/** `persons`, `%`, `EUR`, `count`, `per 1,000`, `z`, `rank`, `date`, `code`, `text`. */
	unit: string;
	description: LocalizedText;
	/** Ids in {@link SOURCES}. */
	source: SourceId[];
	year: string;
}

function measure(
	id: string,
	unit: string,
	source: SourceId[],
	year: string,
	label: LocalizedText,
	description: LocalizedText
): MeasureDefinition {
	return { id, label, unit, description, source, year };
}

/** Every measure the coverage engine reports, by id (also the CSV column ids). */
export const MEASURES = {
	population: measure(
		'population',
		'persons',
		['statbel_population_2019'],
		'2019',
		{ fr: 'Population', nl: 'Bevolking', en: 'Population' },
		{
			fr: 'Population légale au 1er janvier 2019 (somme des secteurs statistiques).',
			nl: 'Wettelijke bevolking op 1 januari 2019 (som van de statistische sectoren).',
			en: 'Legal population on 1 January 2019 (sum of statistical sectors).'
		}
	),
	share_65plus_pct: measure(
		'share_65plus_pct',
		'%',
		['ulb_compilation_2011_2018'],
		'≈2018',
		{ fr: 'Part des 65 ans et plus', nl: 'Aandeel 65-plussers', en: 'Share aged 65+' },
		{
			fr: 'Part des habitants âgés de 65 ans ou plus (pondérée par la population 2018). Compilation à utiliser avec prudence.',
			nl: 'Aandeel inwoners van 65 jaar of ouder (gewogen met de bevolking 2018). Compilatie met voorzichtigheid gebruiken.',
			en: 'Share of residents aged 65 or more (weighted by 2018 population). Use the compilation with caution.'
		}
	),
	population_65plus: measure(
		'population_65plus',
		'persons',
		['statbel_population_2019', 'ulb_compilation_2011_2018'],
		'2019 × ≈2018',
		{
			fr: 'Habitants de 65 ans et plus (estimation)',
			nl: '65-plussers (schatting)',
			en: 'Residents aged 65+ (estimate)'
		},
		{
			fr: 'Population 2019 × part des 65 ans et plus / 100.',
			nl: 'Bevolking 2019 × aandeel 65-plussers / 100.',
			en: 'Population 2019 × share aged 65+ / 100.'
		}
	),
	single_households_pct: measure(
		'single_households_pct',
		'%',
		['ulb_compilation_2011_2018'],
		'2011',
		{ fr: 'Ménages isolés', nl: 'Alleenstaande huishoudens', en: 'Single-person households' },
		{
			fr: 'Part des ménages composés d’une seule personne (Recensement 2011, pondérée par les ménages). Donnée ancienne.',
			nl: 'Aandeel eenpersoonshuishoudens (Census 2011, gewogen met de huishoudens). Oud gegeven.',
			en: 'Share of one-person households (Census 2011, weighted by households). Old data.'
		}
	),
	median_income_eur: measure(
		'median_income_eur',
		'EUR',
		['ibsa_median_income_2019'],
		'2019',
		{
			fr: 'Revenu imposable médian',
			nl: 'Mediaan belastbaar inkomen',
			en: 'Median taxable income'
		},
		{
			fr: 'Revenu net imposable médian par déclaration, revenus 2019. La valeur régionale est une moyenne des médianes pondérée par la population.',
			nl: 'Mediaan netto belastbaar inkomen per aangifte, inkomens 2019. De gewestelijke waarde is een met de bevolking gewogen gemiddelde van de medianen.',
			en: 'Median net taxable income per tax declaration, income year 2019. The regional value is a population-weighted mean of the medians.'
		}
	),
	households: measure(
		'households',
		'count',
		['ibsa_households'],
		'not stated',
		{ fr: 'Ménages privés', nl: 'Private huishoudens', en: 'Private households' },
		{
			fr: 'Nombre de ménages privés (IBSA), utilisé pour pondérer la part de ménages isolés.',
			nl: 'Aantal private huishoudens (BISA), gebruikt om het aandeel alleenstaanden te wegen.',
			en: 'Number of private households (IBSA), used to weight the single-household share.'
		}
	),
	supply_count: measure(
		'supply_count',
		'count',
		['nabij_entries'],
		'export date',
		{ fr: 'Offres actives', nl: 'Actief aanbod', en: 'Active resources' },
		{
			fr: 'Nombre de fiches actives (et en pause si demandé) situées dans le quartier et correspondant aux filtres.',
			nl: 'Aantal actieve fiches (en gepauzeerde indien gevraagd) in de wijk die aan de filters voldoen.',
			en: 'Number of active entries (and paused ones if asked) located in the quartier and matching the filters.'
		}
	),
	supply_per_1000: measure(
		'supply_per_1000',
		'per 1,000',
		['nabij_entries', 'statbel_population_2019'],
		'2019',
		{
			fr: 'Offres pour 1 000 habitants',
			nl: 'Aanbod per 1.000 inwoners',
			en: 'Resources per 1,000 residents'
		},
		{
			fr: 'Offres actives / population 2019 × 1 000.',
			nl: 'Actief aanbod / bevolking 2019 × 1.000.',
			en: 'Active resources / population 2019 × 1,000.'
		}
	),
	supply_per_1000_65plus: measure(
		'supply_per_1000_65plus',
		'per 1,000',
		['nabij_entries', 'statbel_population_2019', 'ulb_compilation_2011_2018'],
		'≈2018',
		{
			fr: 'Offres pour 1 000 habitants de 65 ans et plus',
			nl: 'Aanbod per 1.000 65-plussers',
			en: 'Resources per 1,000 residents aged 65+'
		},
		{
			fr: 'Offres actives / (population 2019 × part des 65 ans et plus / 100) × 1 000.',
			nl: 'Actief aanbod / (bevolking 2019 × aandeel 65-plussers / 100) × 1.000.',
			en: 'Active resources / (population 2019 × share aged 65+ / 100) × 1,000.'
		}
	),
	paused_not_counted: measure(
		'paused_not_counted',
		'count',
		['nabij_entries'],
		'export date',
		{
			fr: 'Offres en pause (non comptées)',
			nl: 'Gepauzeerd aanbod (niet meegeteld)',
			en: 'Paused resources (not counted)'
		},
		{
			fr: 'Fiches en pause correspondant aux filtres, non comptées comme offre.',
			nl: 'Gepauzeerde fiches die aan de filters voldoen, niet als aanbod meegeteld.',
			en: 'Paused entries matching the filters, not counted as supply.'
		}
	),
	dormant_count: measure(
		'dormant_count',
		'count',
		['nabij_entries'],
		'export date',
		{ fr: 'Offres dormantes', nl: 'Slapend aanbod', en: 'Dormant resources' },
		{
			fr: 'Fiches non confirmées depuis longtemps: signalées à part, jamais comptées comme offre.',
			nl: 'Fiches die lang niet bevestigd zijn: apart vermeld, nooit als aanbod meegeteld.',
			en: 'Entries not confirmed for a long time: reported apart, never counted as supply.'
		}
	),
	serving_count: measure(
		'serving_count',
		'count',
		['nabij_entries'],
		'export date',
		{
			fr: 'Offres desservant le quartier',
			nl: 'Aanbod dat de wijk bedient',
			en: 'Resources serving the quartier'
		},
		{
			fr: 'Offres actives situées dans le quartier ou qui l’indiquent dans leur zone desservie.',
			nl: 'Actief aanbod in de wijk of dat de wijk in zijn werkgebied vermeldt.',
			en: 'Active resources located in the quartier or naming it in their service area.'
		}
	),
	walking_coverage_pct: measure(
		'walking_coverage_pct',
		'%',
		['nabij_entries', 'statbel_population_2019', 'statbel_sectors_2022'],
		'2019',
		{
			fr: 'Habitants à distance de marche',
			nl: 'Inwoners op wandelafstand',
			en: 'Residents within walking distance'
		},
		{
			fr: 'Part des habitants dont le point représentatif du secteur statistique est à moins de N mètres à vol d’oiseau d’au moins une offre active. Toute la population d’un secteur est placée en un point; la distance à vol d’oiseau sous-estime le trajet à pied.',
			nl: 'Aandeel inwoners van wie het representatieve punt van de statistische sector binnen N meter in vogelvlucht van minstens één actief aanbod ligt. De hele bevolking van een sector ligt op één punt; vogelvlucht onderschat de wandelafstand.',
			en: 'Share of residents whose statistical sector’s representative point lies within N metres in a straight line of at least one active resource. A sector’s whole population sits at one point; straight-line distance understates the walk.'
		}
	),
	need_score: measure(
		'need_score',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019'],
		'2011–2019',
		{ fr: 'Score de besoin', nl: 'Noodscore', en: 'Need score' },
		{
			fr: 'Moyenne des scores z de la part des 65 ans et plus, de la part des ménages isolés et du revenu médian inversé, sur les quartiers résidentiels.',
			nl: 'Gemiddelde van de z-scores van het aandeel 65-plussers, het aandeel alleenstaande huishoudens en het omgekeerde mediaan inkomen, over de woonwijken.',
			en: 'Mean of the z-scores of the share aged 65+, the single-household share and the inverted median income, over residential quartiers.'
		}
	),
	need_z: measure(
		'need_z',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019'],
		'2011–2019',
		{ fr: 'Besoin (z)', nl: 'Nood (z)', en: 'Need (z)' },
		{
			fr: 'Score de besoin standardisé sur les quartiers résidentiels.',
			nl: 'Gestandaardiseerde noodscore over de woonwijken.',
			en: 'Need score standardised over residential quartiers.'
		}
	),
	supply_value: measure(
		'supply_value',
		'% or per 1,000',
		['nabij_entries', 'statbel_population_2019'],
		'2019',
		{ fr: 'Offre (valeur utilisée)', nl: 'Aanbod (gebruikte waarde)', en: 'Supply (value used)' },
		{
			fr: 'Couverture à distance de marche au seuil retenu (%), ou offres pour 1 000 habitants, selon le paramètre.',
			nl: 'Dekking op wandelafstand bij de gekozen drempel (%), of aanbod per 1.000 inwoners, volgens de parameter.',
			en: 'Walking coverage at the chosen threshold (%), or resources per 1,000 residents, as set.'
		}
	),
	supply_z: measure(
		'supply_z',
		'z',
		['nabij_entries', 'statbel_population_2019'],
		'2019',
		{ fr: 'Offre (z)', nl: 'Aanbod (z)', en: 'Supply (z)' },
		{
			fr: 'Valeur d’offre standardisée sur les quartiers résidentiels.',
			nl: 'Gestandaardiseerde aanbodwaarde over de woonwijken.',
			en: 'Supply value standardised over residential quartiers.'
		}
	),
	gap_index: measure(
		'gap_index',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019', 'nabij_entries'],
		'2011–2019',
		{ fr: 'Indice d’écart', nl: 'Kloofindex', en: 'Gap index' },
		{
			fr: 'Besoin (z) − offre (z). Positif: besoin relativement élevé pour une offre relativement faible.',
			nl: 'Nood (z) − aanbod (z). Positief: relatief hoge nood bij relatief weinig aanbod.',
			en: 'Need (z) − supply (z). Positive: relatively high need with relatively low supply.'
		}
	),
	gap_rank: measure(
		'gap_rank',
		'rank',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019', 'nabij_entries'],
		'2011–2019',
		{ fr: 'Rang (écart)', nl: 'Rang (kloof)', en: 'Rank (gap)' },
		{
			fr: '1 = plus grand écart parmi les quartiers résidentiels classés.',
			nl: '1 = grootste kloof onder de gerangschikte woonwijken.',
			en: '1 = largest gap among the ranked residential quartiers.'
		}
	),
	survey_status: measure(
		'survey_status',
		'code',
		['nabij_entries'],
		'export date',
		{ fr: 'Statut du relevé', nl: 'Verkenningsstatus', en: 'Survey status' },
		{
			fr: 'surveyed: relevé de terrain récent et la plupart des fiches confirmées récemment; stale: connaissance récente partielle; not_surveyed: ni relevé récent ni fiche confirmée récemment — angle mort, pas absence d’offre.',
			nl: 'surveyed: recente terreinverkenning en de meeste fiches recent bevestigd; stale: slechts gedeeltelijke recente kennis; not_surveyed: geen recente verkenning en geen recent bevestigde fiche — blinde vlek, geen bewijs van afwezig aanbod.',
			en: 'surveyed: a recent field check and most entries recently confirmed; stale: only partial recent knowledge; not_surveyed: no recent check and no recently confirmed entry — a blind spot, not proof of no supply.'
		}
	),
	last_survey_date: measure(
		'last_survey_date',
		'date',
		['nabij_entries'],
		'export date',
		{ fr: 'Dernier relevé', nl: 'Laatste verkenning', en: 'Last field check' },
		{
			fr: 'Date du dernier relevé de terrain du quartier.',
			nl: 'Datum van de laatste terreinverkenning van de wijk.',
			en: 'Date of the latest field check of the quartier.'
		}
	),
	last_survey_by: measure(
		'last_survey_by',
		'text',
		['nabij_entries'],
		'export date',
		{ fr: 'Relevé par', nl: 'Verkend door', en: 'Checked by' },
		{
			fr: 'Organisation qui a fait le dernier relevé.',
			nl: 'Organisatie die de laatste verkenning deed.',
			en: 'Organisation that made the latest field check.'
		}
	),
	confirmed_share_pct: measure(
		'confirmed_share_pct',
		'%',
		['nabij_entries'],
		'export date',
		{
			fr: 'Fiches confirmées récemment',
			nl: 'Recent bevestigde fiches',
			en: 'Recently confirmed entries'
		},
		{
			fr: 'Part des fiches du quartier (tous statuts) dont la date de confirmation est dans la fenêtre de récence.',
			nl: 'Aandeel fiches in de wijk (alle statussen) met een bevestigingsdatum binnen het recentheidsvenster.',
			en: 'Share of the quartier’s entries (any status) confirmed within the recency window.'
		}
	),
	finding: measure(
		'finding',
		'code',
		['nabij_entries'],
		'export date',
		{ fr: 'Constat', nl: 'Vaststelling', en: 'Finding' },
		{
			fr: 'has_resources: au moins une offre retenue; gap: aucune offre et quartier relevé récemment (manque réel); blind_spot: aucune offre connue mais quartier pas ou mal relevé.',
			nl: 'has_resources: minstens één meegeteld aanbod; gap: geen aanbod en wijk recent verkend (echte leemte); blind_spot: geen gekend aanbod maar wijk niet of onvoldoende verkend.',
			en: 'has_resources: at least one counted resource; gap: none and the quartier was recently surveyed (a real gap); blind_spot: none known but the quartier is not or poorly surveyed.'
		}
	),
	need_signals_found: measure(
		'need_signals_found',
		'count',
		['nabij_entries'],
		'export date',
		{ fr: 'Signaux: trouvé', nl: 'Signalen: gevonden', en: 'Signals: found' },
		{
			fr: 'Demandes pour lesquelles une offre a été trouvée. Masqué sous le seuil minimal.',
			nl: 'Vragen waarvoor aanbod gevonden werd. Afgeschermd onder de minimumdrempel.',
			en: 'Requests for which a resource was found. Suppressed below the minimum count.'
		}
	),
	need_signals_not_found: measure(
		'need_signals_not_found',
		'count',
		['nabij_entries'],
		'export date',
		{ fr: 'Signaux: non trouvé', nl: 'Signalen: niet gevonden', en: 'Signals: not found' },
		{
			fr: 'Demandes pour lesquelles aucune offre n’a été trouvée. Masqué sous le seuil minimal.',
			nl: 'Vragen waarvoor geen aanbod gevonden werd. Afgeschermd onder de minimumdrempel.',
			en: 'Requests for which no resource was found. Suppressed below the minimum count.'
		}
	),
	need_signals_detail: measure(
		'need_signals_detail',
		'text',
		['nabij_entries'],
		'export date',
		{ fr: 'Signaux par type d’aide', nl: 'Signalen per soort hulp', en: 'Signals by support kind' },
		{
			fr: 'Pour chaque type d’aide: trouvé / non trouvé; "<N" = masqué sous le seuil.',
			nl: 'Per soort hulp: gevonden / niet gevonden; "<N" = afgeschermd onder de drempel.',
			en: 'For each support kind: found / not found; "<N" = withheld below the threshold.'
		}
	)
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureId = keyof typeof MEASURES;

/** The gap index formula, every step spelt out, for the methodology page. */
export const GAP_INDEX_FORMULA = {
	id: 'gap_index',
	version: 1,
	expression:
		'gap = z(need) − z(supply); need = mean(z(share_65plus), z(single_households), −z(median_income))',
	population: {
		fr: 'Quartiers résidentiels (mdrc 1–118) dont les trois indicateurs de besoin et la valeur d’offre sont connus. Cimetières, zones industrielles et parcs sont exclus.',
		nl: 'Woonwijken (mdrc 1–118) waarvan de drie noodindicatoren en de aanbodwaarde gekend zijn. Begraafplaatsen, industriegebieden en parken zijn uitgesloten.',
		en: 'Residential quartiers (mdrc 1–118) whose three need indicators and supply value are known. Cemeteries, industrial areas and parks are left out.'
	},
	steps: [
		{
			fr: 'Score z d’une valeur x: z = (x − moyenne) / écart-type, calculés sur les quartiers classés (chaque quartier compte une fois, écart-type de population). Si l’écart-type est nul, z = 0.',
			nl: 'z-score van een waarde x: z = (x − gemiddelde) / standaardafwijking, berekend over de gerangschikte wijken (elke wijk telt één keer, populatiestandaardafwijking). Is de standaardafwijking nul, dan z = 0.',
			en: 'z-score of a value x: z = (x − mean) / standard deviation, computed over the ranked quartiers (each quartier counts once, population standard deviation). If the standard deviation is zero, z = 0.'
		},
		{
			fr: 'Score de besoin = moyenne de z(part des 65 ans et plus), z(part des ménages isolés) et −z(revenu imposable médian).',
			nl: 'Noodscore = gemiddelde van z(aandeel 65-plussers), z(aandeel alleenstaande huishoudens) en −z(mediaan belastbaar inkomen).',
			en: 'Need score = mean of z(share aged 65+), z(single-household share) and −z(median taxable income).'
		},
		{
			fr: 'Besoin (z) = score z du score de besoin.',
			nl: 'Nood (z) = z-score van de noodscore.',
			en: 'Need (z) = z-score of the need score.'
		},
		{
			fr: 'Offre (z) = score z de la part des habitants à moins de 1 km à vol d’oiseau d’une offre active (ou, selon le paramètre, des offres pour 1 000 habitants).',
			nl: 'Aanbod (z) = z-score van het aandeel inwoners binnen 1 km in vogelvlucht van een actief aanbod (of, volgens de parameter, aanbod per 1.000 inwoners).',
			en: 'Supply (z) = z-score of the share of residents within 1 km in a straight line of an active resource (or, as set, resources per 1,000 residents).'
		},
		{
			fr: 'Écart = besoin (z) − offre (z). Rang 1 = écart le plus grand; à égalité, le plus petit code mdrc d’abord.',
			nl: 'Kloof = nood (z) − aanbod (z). Rang 1 = grootste kloof; bij gelijke stand eerst de kleinste mdrc-code.',
			en: 'Gap = need (z) − supply (z). Rank 1 = largest gap; ties go to the smaller mdrc code first.'
		}
	] satisfies LocalizedText[],
	caveats: {
		fr: 'Indice relatif: il compare les quartiers entre eux et ne mesure pas un besoin absolu. Les indicateurs de besoin datent de 2011 à 2019. Un quartier non relevé peut sembler mal desservi faute de fiches: lire l’indice avec le statut de relevé.',
		nl: 'Relatieve index: hij vergelijkt wijken onderling en meet geen absolute nood. De noodindicatoren dateren van 2011 tot 2019. Een niet-verkende wijk kan slecht bediend lijken door ontbrekende fiches: lees de index samen met de verkenningsstatus.',
		en: 'A relative index: it compares quartiers with one another and does not measure absolute need. The need indicators date from 2011 to 2019. An unsurveyed quartier may look underserved only because entries are missing: read the index together with the survey status.'
	} satisfies LocalizedText,
	sources: [
		'ulb_compilation_2011_2018',
		'ibsa_median_income_2019',
		'statbel_population_2019',
		'nabij_entries'
	] satisfies SourceId[]
} as const;

/** How walking coverage is computed and what it cannot see, for the methodology page and exports. */
export const WALKING_COVERAGE_METHOD = {
	fr: 'Pour chaque secteur statistique (724), toute sa population 2019 est placée en un point représentatif situé dans le secteur. Un secteur est couvert au seuil N si au moins une offre active correspondant aux filtres se trouve à N mètres ou moins à vol d’oiseau (distance haversine). La part couverte d’un quartier est la population des secteurs couverts divisée par sa population. Les offres connues seulement au niveau du quartier comptent au point représentatif du quartier. Limites: la population d’un secteur n’est pas répartie dans l’espace; la ligne droite sous-estime le trajet réel (rues, voies ferrées, canal, relief); les offres situées juste hors de la Région ne sont pas connues. Une grille de population plus fine et un réseau piéton amélioreraient la mesure.',
	nl: 'Voor elke statistische sector (724) wordt de hele bevolking 2019 op één representatief punt in de sector geplaatst. Een sector is gedekt bij drempel N als minstens één actief aanbod dat aan de filters voldoet op N meter of minder in vogelvlucht ligt (haversine-afstand). Het gedekte aandeel van een wijk is de bevolking van de gedekte sectoren gedeeld door haar bevolking. Aanbod dat enkel op wijkniveau gekend is, telt op het representatieve punt van de wijk. Beperkingen: de bevolking van een sector is niet ruimtelijk gespreid; de rechte lijn onderschat de echte wandeling (straten, spoorlijnen, kanaal, reliëf); aanbod net buiten het Gewest is niet gekend. Een fijner bevolkingsraster en een voetgangersnetwerk zouden de meting verbeteren.',
	en: 'For each statistical sector (724), its whole 2019 population is placed at one representative point inside the sector. A sector is covered at threshold N when at least one active resource matching the filters lies N metres or less away in a straight line (haversine distance). A quartier’s covered share is the population of its covered sectors divided by its population. Resources known only to the quartier count at the quartier’s representative point. Limits: a sector’s population is not spread in space; a straight line understates the real walk (streets, railways, the canal, slopes); resources just outside the Region are not known. A finer population grid and a pedestrian network would improve the measure.'
} as const satisfies LocalizedText;
