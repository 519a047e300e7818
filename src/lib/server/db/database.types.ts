// Types of the public schema as `supabase gen types typescript` produces them for a database
// built by supabase-local/sql and supabase/migrations; do not edit by hand. After a migration:
// supabase gen types typescript --remote <database url> --schema public, below this header,
// then Prettier. tests/integration/seed-schema-types.int.spec.ts checks it on PostgreSQL.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			app_settings: {
				Row: {
					key: string;
					updated_at: string;
					value: NonNullable<Json>;
				};
				ComputedFields: never;
				Insert: {
					key: string;
					updated_at?: string;
					value: NonNullable<Json>;
				};
				Update: {
					key?: string;
					updated_at?: string;
					value?: NonNullable<Json>;
				};
				Relationships: [];
			};
			categories: {
				Row: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					sort_order: number;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					sort_order: number;
				};
				Update: {
					code?: string;
					definition_en?: string;
					definition_fr?: string;
					definition_nl?: string;
					label_en?: string;
					label_fr?: string;
					label_nl?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
			change_requests: {
				Row: {
					changes: NonNullable<Json>;
					created_at: string;
					decided_at: string | null;
					decided_by: string | null;
					id: string;
					location_id: string | null;
					note: string | null;
					organization_id: string;
					requested_by: string | null;
					service_id: string | null;
					status: string;
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					changes?: NonNullable<Json>;
					created_at?: string;
					decided_at?: string | null;
					decided_by?: string | null;
					id?: string;
					location_id?: string | null;
					note?: string | null;
					organization_id: string;
					requested_by?: string | null;
					service_id?: string | null;
					status?: string;
					updated_at?: string;
				};
				Update: {
					changes?: NonNullable<Json>;
					created_at?: string;
					decided_at?: string | null;
					decided_by?: string | null;
					id?: string;
					location_id?: string | null;
					note?: string | null;
					organization_id?: string;
					requested_by?: string | null;
					service_id?: string | null;
					status?: string;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'change_requests_location_id_organization_id_fkey';
						columns: ['location_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'locations';
						referencedColumns: ['id', 'organization_id'];
					},
					{
						foreignKeyName: 'change_requests_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'change_requests_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					},
					{
						foreignKeyName: 'change_requests_service_id_organization_id_fkey';
						columns: ['service_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'services';
						referencedColumns: ['id', 'organization_id'];
					}
				];
			};
			communes: {
				Row: {
					geometry: NonNullable<Json>;
					name_de: string;
					name_fr: string;
					name_nl: string;
					nis: string;
					pop_2019: number | null;
				};
				ComputedFields: never;
				Insert: {
					geometry: NonNullable<Json>;
					name_de: string;
					name_fr: string;
					name_nl: string;
					nis: string;
					pop_2019?: number | null;
				};
				Update: {
					geometry?: NonNullable<Json>;
					name_de?: string;
					name_fr?: string;
					name_nl?: string;
					nis?: string;
					pop_2019?: number | null;
				};
				Relationships: [];
			};
			contact_channels: {
				Row: {
					created_at: string;
					id: string;
					kind: string;
					label: string | null;
					organization_id: string;
					public: boolean;
					service_id: string | null;
					sort_order: number;
					value: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					id?: string;
					kind: string;
					label?: string | null;
					organization_id: string;
					public?: boolean;
					service_id?: string | null;
					sort_order?: number;
					value: string;
				};
				Update: {
					created_at?: string;
					id?: string;
					kind?: string;
					label?: string | null;
					organization_id?: string;
					public?: boolean;
					service_id?: string | null;
					sort_order?: number;
					value?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'contact_channels_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'contact_channels_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					},
					{
						foreignKeyName: 'contact_channels_service_id_organization_id_fkey';
						columns: ['service_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'services';
						referencedColumns: ['id', 'organization_id'];
					}
				];
			};
			data_attributions: {
				Row: {
					attribution: string;
					dataset: string;
					licence: string;
					note: string | null;
					sort_order: number;
					source: string;
					title: string;
				};
				ComputedFields: never;
				Insert: {
					attribution: string;
					dataset: string;
					licence: string;
					note?: string | null;
					sort_order?: number;
					source: string;
					title: string;
				};
				Update: {
					attribution?: string;
					dataset?: string;
					licence?: string;
					note?: string | null;
					sort_order?: number;
					source?: string;
					title?: string;
				};
				Relationships: [];
			};
			error_reports: {
				Row: {
					created_at: string;
					id: string;
					kind: string;
					location_id: string | null;
					message: string | null;
					organization_id: string;
					resolved_at: string | null;
					service_id: string | null;
					status: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					id?: string;
					kind: string;
					location_id?: string | null;
					message?: string | null;
					organization_id: string;
					resolved_at?: string | null;
					service_id?: string | null;
					status?: string;
				};
				Update: {
					created_at?: string;
					id?: string;
					kind?: string;
					location_id?: string | null;
					message?: string | null;
					organization_id?: string;
					resolved_at?: string | null;
					service_id?: string | null;
					status?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'error_reports_location_id_organization_id_fkey';
						columns: ['location_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'locations';
						referencedColumns: ['id', 'organization_id'];
					},
					{
						foreignKeyName: 'error_reports_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'error_reports_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					},
					{
						foreignKeyName: 'error_reports_service_id_organization_id_fkey';
						columns: ['service_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'services';
						referencedColumns: ['id', 'organization_id'];
					}
				];
			};
			indicator_sources: {
				Row: {
					caveat: string | null;
					dataset: string;
					indicator: string;
					label_en: string;
					reference_year: number | null;
					unit: string;
				};
				ComputedFields: never;
				Insert: {
					caveat?: string | null;
					dataset: string;
					indicator: string;
					label_en: string;
					reference_year?: number | null;
					unit: string;
				};
				Update: {
					caveat?: string | null;
					dataset?: string;
					indicator?: string;
					label_en?: string;
					reference_year?: number | null;
					unit?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'indicator_sources_dataset_fkey';
						columns: ['dataset'];
						isOneToOne: false;
						referencedRelation: 'data_attributions';
						referencedColumns: ['dataset'];
					}
				];
			};
			locations: {
				Row: {
					address: string | null;
					created_at: string;
					id: string;
					lat: number;
					location_precision: string;
					lon: number;
					mdrc: number;
					name: string | null;
					organization_id: string;
					partner_venue_name: string | null;
					service_area_mdrc: number[];
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					address?: string | null;
					created_at?: string;
					id?: string;
					lat: number;
					location_precision?: string;
					lon: number;
					mdrc: number;
					name?: string | null;
					organization_id: string;
					partner_venue_name?: string | null;
					service_area_mdrc?: number[];
					updated_at?: string;
				};
				Update: {
					address?: string | null;
					created_at?: string;
					id?: string;
					lat?: number;
					location_precision?: string;
					lon?: number;
					mdrc?: number;
					name?: string | null;
					organization_id?: string;
					partner_venue_name?: string | null;
					service_area_mdrc?: number[];
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'locations_mdrc_fkey';
						columns: ['mdrc'];
						isOneToOne: false;
						referencedRelation: 'quartiers';
						referencedColumns: ['mdrc'];
					},
					{
						foreignKeyName: 'locations_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'locations_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			need_signals: {
				Row: {
					created_on: string;
					id: number;
					language: string | null;
					mdrc: number;
					outcome: string;
					support_kind: string;
					target_group: string | null;
				};
				ComputedFields: never;
				Insert: {
					created_on?: string;
					id?: never;
					language?: string | null;
					mdrc: number;
					outcome: string;
					support_kind: string;
					target_group?: string | null;
				};
				Update: {
					created_on?: string;
					id?: never;
					language?: string | null;
					mdrc?: number;
					outcome?: string;
					support_kind?: string;
					target_group?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'need_signals_mdrc_fkey';
						columns: ['mdrc'];
						isOneToOne: false;
						referencedRelation: 'quartiers';
						referencedColumns: ['mdrc'];
					},
					{
						foreignKeyName: 'need_signals_support_kind_fkey';
						columns: ['support_kind'];
						isOneToOne: false;
						referencedRelation: 'support_kinds';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'need_signals_target_group_fkey';
						columns: ['target_group'];
						isOneToOne: false;
						referencedRelation: 'target_groups';
						referencedColumns: ['code'];
					}
				];
			};
			organization_history: {
				Row: {
					action: string;
					actor_id: string | null;
					created_at: string;
					diff: NonNullable<Json>;
					id: number;
					note: string | null;
					organization_id: string;
				};
				ComputedFields: never;
				Insert: {
					action: string;
					actor_id?: string | null;
					created_at?: string;
					diff?: NonNullable<Json>;
					id?: never;
					note?: string | null;
					organization_id: string;
				};
				Update: {
					action?: string;
					actor_id?: string | null;
					created_at?: string;
					diff?: NonNullable<Json>;
					id?: never;
					note?: string | null;
					organization_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'organization_history_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'organization_history_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			organization_members: {
				Row: {
					created_at: string;
					member_role: string;
					organization_id: string;
					user_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					member_role?: string;
					organization_id: string;
					user_id: string;
				};
				Update: {
					created_at?: string;
					member_role?: string;
					organization_id?: string;
					user_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'organization_members_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'organization_members_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			organizations: {
				Row: {
					alternate_name: string | null;
					assured_date: string | null;
					category: string;
					created_at: string;
					created_by: string | null;
					description_en: string | null;
					description_fr: string | null;
					description_nl: string | null;
					id: string;
					legal_status: string | null;
					name: string;
					paused_until: string | null;
					status: string;
					trust_tier: string;
					updated_at: string;
					vouched_at: string | null;
					vouched_by_organization_id: string | null;
				};
				ComputedFields: never;
				Insert: {
					alternate_name?: string | null;
					assured_date?: string | null;
					category: string;
					created_at?: string;
					created_by?: string | null;
					description_en?: string | null;
					description_fr?: string | null;
					description_nl?: string | null;
					id?: string;
					legal_status?: string | null;
					name: string;
					paused_until?: string | null;
					status?: string;
					trust_tier?: string;
					updated_at?: string;
					vouched_at?: string | null;
					vouched_by_organization_id?: string | null;
				};
				Update: {
					alternate_name?: string | null;
					assured_date?: string | null;
					category?: string;
					created_at?: string;
					created_by?: string | null;
					description_en?: string | null;
					description_fr?: string | null;
					description_nl?: string | null;
					id?: string;
					legal_status?: string | null;
					name?: string;
					paused_until?: string | null;
					status?: string;
					trust_tier?: string;
					updated_at?: string;
					vouched_at?: string | null;
					vouched_by_organization_id?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'organizations_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'categories';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'organizations_vouched_by_organization_id_fkey';
						columns: ['vouched_by_organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'organizations_vouched_by_organization_id_fkey';
						columns: ['vouched_by_organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			profiles: {
				Row: {
					created_at: string;
					display_name: string | null;
					email_language: string;
					id: string;
					roles: string[];
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					display_name?: string | null;
					email_language?: string;
					id: string;
					roles?: string[];
					updated_at?: string;
				};
				Update: {
					created_at?: string;
					display_name?: string | null;
					email_language?: string;
					id?: string;
					roles?: string[];
					updated_at?: string;
				};
				Relationships: [];
			};
			quartier_surveys: {
				Row: {
					checked_on: string;
					created_at: string;
					created_by: string | null;
					id: string;
					mdrc: number;
					note: string | null;
					organization_id: string;
				};
				ComputedFields: never;
				Insert: {
					checked_on: string;
					created_at?: string;
					created_by?: string | null;
					id?: string;
					mdrc: number;
					note?: string | null;
					organization_id: string;
				};
				Update: {
					checked_on?: string;
					created_at?: string;
					created_by?: string | null;
					id?: string;
					mdrc?: number;
					note?: string | null;
					organization_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'quartier_surveys_mdrc_fkey';
						columns: ['mdrc'];
						isOneToOne: false;
						referencedRelation: 'quartiers';
						referencedColumns: ['mdrc'];
					},
					{
						foreignKeyName: 'quartier_surveys_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'quartier_surveys_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			quartiers: {
				Row: {
					area_m2: number;
					geometry: NonNullable<Json>;
					households: number | null;
					mdrc: number;
					median_income_2019: number | null;
					name_fr: string;
					name_nl: string;
					nis_main: string;
					point_lat: number;
					point_lon: number;
					pop_2019: number | null;
					share_65plus_pct: number | null;
					share_single_person_households_pct: number | null;
					type: string;
				};
				ComputedFields: never;
				Insert: {
					area_m2: number;
					geometry: NonNullable<Json>;
					households?: number | null;
					mdrc: number;
					median_income_2019?: number | null;
					name_fr: string;
					name_nl: string;
					nis_main: string;
					point_lat: number;
					point_lon: number;
					pop_2019?: number | null;
					share_65plus_pct?: number | null;
					share_single_person_households_pct?: number | null;
					type: string;
				};
				Update: {
					area_m2?: number;
					geometry?: NonNullable<Json>;
					households?: number | null;
					mdrc?: number;
					median_income_2019?: number | null;
					name_fr?: string;
					name_nl?: string;
					nis_main?: string;
					point_lat?: number;
					point_lon?: number;
					pop_2019?: number | null;
					share_65plus_pct?: number | null;
					share_single_person_households_pct?: number | null;
					type?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'quartiers_nis_main_fkey';
						columns: ['nis_main'];
						isOneToOne: false;
						referencedRelation: 'communes';
						referencedColumns: ['nis'];
					}
				];
			};
			sectors: {
				Row: {
					cd_sector: string;
					households: number | null;
					mdrc: number;
					name_fr: string | null;
					name_nl: string | null;
					nis: string;
					point_lat: number;
					point_lon: number;
					pop_2019: number;
					share_65plus_pct: number | null;
					share_single_person_households_pct: number | null;
				};
				ComputedFields: never;
				Insert: {
					cd_sector: string;
					households?: number | null;
					mdrc: number;
					name_fr?: string | null;
					name_nl?: string | null;
					nis: string;
					point_lat: number;
					point_lon: number;
					pop_2019: number;
					share_65plus_pct?: number | null;
					share_single_person_households_pct?: number | null;
				};
				Update: {
					cd_sector?: string;
					households?: number | null;
					mdrc?: number;
					name_fr?: string | null;
					name_nl?: string | null;
					nis?: string;
					point_lat?: number;
					point_lon?: number;
					pop_2019?: number;
					share_65plus_pct?: number | null;
					share_single_person_households_pct?: number | null;
				};
				Relationships: [
					{
						foreignKeyName: 'sectors_mdrc_fkey';
						columns: ['mdrc'];
						isOneToOne: false;
						referencedRelation: 'quartiers';
						referencedColumns: ['mdrc'];
					},
					{
						foreignKeyName: 'sectors_nis_fkey';
						columns: ['nis'];
						isOneToOne: false;
						referencedRelation: 'communes';
						referencedColumns: ['nis'];
					}
				];
			};
			service_at_location: {
				Row: {
					created_at: string;
					id: string;
					location_id: string;
					organization_id: string;
					service_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					id?: string;
					location_id: string;
					organization_id: string;
					service_id: string;
				};
				Update: {
					created_at?: string;
					id?: string;
					location_id?: string;
					organization_id?: string;
					service_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'service_at_location_location_id_organization_id_fkey';
						columns: ['location_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'locations';
						referencedColumns: ['id', 'organization_id'];
					},
					{
						foreignKeyName: 'service_at_location_service_id_organization_id_fkey';
						columns: ['service_id', 'organization_id'];
						isOneToOne: false;
						referencedRelation: 'services';
						referencedColumns: ['id', 'organization_id'];
					}
				];
			};
			services: {
				Row: {
					accepting_new: string;
					accessibility: string | null;
					cost: string;
					cost_note: string | null;
					created_at: string;
					description_en: string | null;
					description_fr: string | null;
					description_nl: string | null;
					eligibility_description: string | null;
					id: string;
					languages: string[];
					name: string;
					organization_id: string;
					schedule_kind: string;
					schedules: string | null;
					support_kinds: string[];
					target_groups: string[];
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					accepting_new?: string;
					accessibility?: string | null;
					cost?: string;
					cost_note?: string | null;
					created_at?: string;
					description_en?: string | null;
					description_fr?: string | null;
					description_nl?: string | null;
					eligibility_description?: string | null;
					id?: string;
					languages: string[];
					name: string;
					organization_id: string;
					schedule_kind?: string;
					schedules?: string | null;
					support_kinds: string[];
					target_groups?: string[];
					updated_at?: string;
				};
				Update: {
					accepting_new?: string;
					accessibility?: string | null;
					cost?: string;
					cost_note?: string | null;
					created_at?: string;
					description_en?: string | null;
					description_fr?: string | null;
					description_nl?: string | null;
					eligibility_description?: string | null;
					id?: string;
					languages?: string[];
					name?: string;
					organization_id?: string;
					schedule_kind?: string;
					schedules?: string | null;
					support_kinds?: string[];
					target_groups?: string[];
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'services_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'services_organization_id_fkey';
						columns: ['organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					}
				];
			};
			support_kinds: {
				Row: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					parent_code: string | null;
					sort_order: number;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					parent_code?: string | null;
					sort_order: number;
				};
				Update: {
					code?: string;
					definition_en?: string;
					definition_fr?: string;
					definition_nl?: string;
					label_en?: string;
					label_fr?: string;
					label_nl?: string;
					parent_code?: string | null;
					sort_order?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'support_kinds_parent_code_fkey';
						columns: ['parent_code'];
						isOneToOne: false;
						referencedRelation: 'support_kinds';
						referencedColumns: ['code'];
					}
				];
			};
			target_groups: {
				Row: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					sort_order: number;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					definition_en: string;
					definition_fr: string;
					definition_nl: string;
					label_en: string;
					label_fr: string;
					label_nl: string;
					sort_order: number;
				};
				Update: {
					code?: string;
					definition_en?: string;
					definition_fr?: string;
					definition_nl?: string;
					label_en?: string;
					label_fr?: string;
					label_nl?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
		};
		Views: {
			resource_index: {
				Row: {
					accepting_new: string;
					accessibility: string | null;
					address: string | null;
					assured_date: string | null;
					category: string;
					contacts: Json | null;
					cost: string;
					cost_note: string | null;
					description_en: string | null;
					description_fr: string | null;
					description_nl: string | null;
					eligibility_description: string | null;
					id: string;
					languages: string[];
					lat: number;
					location_id: string;
					location_name: string | null;
					location_precision: string;
					lon: number;
					mdrc: number;
					nis: string;
					organization_alternate_name: string | null;
					organization_id: string;
					organization_name: string;
					partner_venue_name: string | null;
					paused_until: string | null;
					quartier_name_fr: string;
					quartier_name_nl: string;
					schedule_kind: string;
					schedules: string | null;
					service_area_mdrc: number[];
					service_id: string;
					service_name: string;
					status: string;
					support_kinds: string[];
					target_groups: string[];
					trust_tier: string;
					updated_at: string | null;
					vouched_by_organization_id: string | null;
					vouched_by_organization_name: string | null;
				};
				ComputedFields: never;
				Relationships: [
					{
						foreignKeyName: 'locations_mdrc_fkey';
						columns: ['mdrc'];
						isOneToOne: false;
						referencedRelation: 'quartiers';
						referencedColumns: ['mdrc'];
					},
					{
						foreignKeyName: 'organizations_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'categories';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'organizations_vouched_by_organization_id_fkey';
						columns: ['vouched_by_organization_id'];
						isOneToOne: false;
						referencedRelation: 'organizations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'organizations_vouched_by_organization_id_fkey';
						columns: ['vouched_by_organization_id'];
						isOneToOne: false;
						referencedRelation: 'resource_index';
						referencedColumns: ['organization_id'];
					},
					{
						foreignKeyName: 'quartiers_nis_main_fkey';
						columns: ['nis'];
						isOneToOne: false;
						referencedRelation: 'communes';
						referencedColumns: ['nis'];
					}
				];
			};
		};
		Functions: {
			become_org_editor: { Args: Record<PropertyKey, never>; Returns: undefined };
			delete_my_account: { Args: Record<PropertyKey, never>; Returns: number };
			has_role: { Args: { role_name: string }; Returns: boolean };
			liveness_answer: {
				Args: { p_answer: string; p_nonce: string; p_paused_until: string };
				Returns: string;
			};
			liveness_check: {
				Args: { p_nonce: string };
				Returns: {
					answer: string;
					expires_at: string;
					organization_id: string;
					organization_name: string;
					status: string;
				}[];
			};
			liveness_collect: {
				Args: { p_confirm_after_days: number; p_job_token: string; p_link_valid_days: number };
				Returns: {
					email: string;
					email_language: string;
					expires_at: string;
					nonce: string;
					organization_id: string;
					organization_name: string;
				}[];
			};
			liveness_mark_dormant: {
				Args: { p_dormant_after_days: number; p_job_token: string };
				Returns: number;
			};
			local_mailbox_deposit: {
				Args: { p_html: string; p_subject: string; p_text: string; p_to: string };
				Returns: undefined;
			};
			member_organization_ids: { Args: Record<PropertyKey, never>; Returns: string[] };
			need_signal_counts: {
				Args: { from_date?: string; min_count?: number; to_date?: string };
				Returns: {
					language: string;
					mdrc: number;
					outcome: string;
					signal_count: number;
					support_kind: string;
					target_group: string;
				}[];
			};
			organization_editor_contacts: {
				Args: { p_organization_id: string };
				Returns: {
					display_name: string;
					email: string;
					email_language: string;
				}[];
			};
			organization_status_transition_allowed: {
				Args: { from_status: string; to_status: string };
				Returns: boolean;
			};
			organization_status_transition_by_member: {
				Args: { from_status: string; to_status: string };
				Returns: boolean;
			};
			owned_organization_ids: { Args: Record<PropertyKey, never>; Returns: string[] };
		};
		Enums: {
			[_ in never]: never;
		};
		CompositeTypes: {
			[_ in never]: never;
		};
	};
};

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, 'public'>];

export type Tables<
	DefaultSchemaTableNameOrOptions extends
		| keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		| { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
				DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
			DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])[TableName] extends {
			Row: infer R;
		}
		? R
		: never
	: DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		? (DefaultSchema['Tables'] & DefaultSchema['Views'])[DefaultSchemaTableNameOrOptions] extends {
				Row: infer R;
			}
			? R
			: never
		: never;

export type TablesInsert<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Insert: infer I;
		}
		? I
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Insert: infer I;
			}
			? I
			: never
		: never;

export type TablesUpdate<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Update: infer U;
		}
		? U
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Update: infer U;
			}
			? U
			: never
		: never;

export type Enums<
	DefaultSchemaEnumNameOrOptions extends
		keyof DefaultSchema['Enums'] | { schema: keyof DatabaseWithoutInternals },
	EnumName extends (DefaultSchemaEnumNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums']
		: never) = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums'][EnumName]
	: DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums']
		? DefaultSchema['Enums'][DefaultSchemaEnumNameOrOptions]
		: never;

export type CompositeTypes<
	PublicCompositeTypeNameOrOptions extends
		keyof DefaultSchema['CompositeTypes'] | { schema: keyof DatabaseWithoutInternals },
	CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes']
		: never) = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes'][CompositeTypeName]
	: PublicCompositeTypeNameOrOptions extends keyof DefaultSchema['CompositeTypes']
		? DefaultSchema['CompositeTypes'][PublicCompositeTypeNameOrOptions]
		: never;

export const Constants = {
	public: {
		Enums: {}
	}
} as const;
