-- Imports with provenance.
-- * organization_sources: where an imported organization came from (source name, URL, licence,
--   attribution, external id, retrieval date) and the values the last import wrote, so a
--   re-import can tell a local edit from a change at the source. One row per (source, external
--   id). Readable exactly when the organization is; written only by import_entry.
-- * An imported entry is published (status active), self-declared and has no assured_date: it
--   reads "imported from …, not yet confirmed" until a member of the organization confirms it
--   (confirm_organization_active sets assured_date). Freshness counts from its creation, so an
--   unconfirmed import turns dormant like any entry nobody confirms.
-- * import_jobs: an uploaded file's validated rows, processed in batches by run_import_batch;
--   progress (done / total / failed) and per-row outcomes live in the row, so a reload or a
--   restarted server resumes where the last batch stopped. Each row is imported in its own
--   subtransaction: a row that fails leaves nothing behind and is reported.
-- * Only moderators (and trusted callers such as the seed with the service role) import.
-- * A re-import updates the fields nobody changed locally; a field changed both locally and at the
--   source becomes a change request (for the fields change requests carry) instead of an
--   overwrite. Importing the same values again changes nothing.

-- Called inside security definer functions, where current_user is the owner: the caller's API
-- role comes from the request's JWT (none for the owner and scheduled jobs).
create function nabij_private.may_import() returns boolean
language sql
stable
set search_path = ''
as $$
	select coalesce((select auth.jwt() ->> 'role'), '') not in ('anon', 'authenticated')
		or public.has_role('moderator');
$$;
comment on function nabij_private.may_import() is
	'True for moderators and for trusted callers (a service-role request, the owner, scheduled jobs): who may import entries. Reads the API role from the JWT, since it runs inside security definer functions.';

create table public.organization_sources (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	source_name text not null check (char_length(btrim(source_name)) between 2 and 100),
	source_url text check (source_url ~ '^https?://[^[:space:]]+$' and char_length(source_url) <= 500),
	licence text not null check (char_length(btrim(licence)) between 2 and 100),
	attribution text check (char_length(attribution) between 2 and 300),
	external_id text not null check (char_length(btrim(external_id)) between 1 and 200),
	retrieved_on date not null,
	imported_values jsonb not null check (jsonb_typeof(imported_values) = 'object'),
	import_job_id uuid,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (source_name, external_id)
);
alter table public.organization_sources enable row level security;
create index organization_sources_organization_id_idx on public.organization_sources (organization_id);
comment on table public.organization_sources is
	'Provenance of imported organizations: source, licence, attribution, external id, retrieval date and the values the last import wrote (to tell local edits from source changes).';

create trigger organization_sources_set_updated_at before update on public.organization_sources
	for each row execute function public.set_updated_at();

revoke all on public.organization_sources from anon, authenticated;
grant select on public.organization_sources to anon, authenticated;

create policy organization_sources_select on public.organization_sources
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy organization_sources_select on public.organization_sources is
	'Provenance is readable exactly when its organization is readable by the caller.';

create table public.import_jobs (
	id uuid primary key default gen_random_uuid(),
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	source jsonb not null check (jsonb_typeof(source) = 'object'),
	format text not null check (format in ('csv', 'geojson', 'hsds_json', 'hsds_zip')),
	status text not null default 'draft' check (status in ('draft', 'running', 'done', 'cancelled')),
	rows jsonb not null check (jsonb_typeof(rows) = 'array'),
	report jsonb not null default '[]' check (jsonb_typeof(report) = 'array'),
	outcomes jsonb not null default '[]' check (jsonb_typeof(outcomes) = 'array'),
	total integer not null check (total between 0 and 20000),
	done integer not null default 0 check (done between 0 and total),
	failed integer not null default 0 check (failed between 0 and done),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
alter table public.import_jobs enable row level security;
create index import_jobs_created_by_idx on public.import_jobs (created_by);
comment on table public.import_jobs is
	'An import: the validated rows of an uploaded file, its dry-run report, progress (done of total, failed) and per-row outcomes. Written only through the import functions.';

create trigger import_jobs_set_updated_at before update on public.import_jobs
	for each row execute function public.set_updated_at();

revoke all on public.import_jobs from anon, authenticated;
grant select on public.import_jobs to authenticated;

create policy import_jobs_select on public.import_jobs
	for select to authenticated
	using ((select public.has_role('moderator')) or (select public.has_role('admin')));
comment on policy import_jobs_select on public.import_jobs is
	'Moderators and admins follow imports; nobody else sees them.';

-- The values an import writes and compares, from an entry as import_entry receives it.
create function nabij_private.import_incoming_values(p_entry jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'name', p_entry -> 'organization' -> 'name',
		'alternate_name', p_entry -> 'organization' -> 'alternate_name',
		'description_fr', p_entry -> 'organization' -> 'description_fr',
		'description_nl', p_entry -> 'organization' -> 'description_nl',
		'description_en', p_entry -> 'organization' -> 'description_en',
		'category', p_entry -> 'organization' -> 'category',
		'schedules', p_entry -> 'service' -> 'schedules',
		'schedule_kind', coalesce(p_entry -> 'service' -> 'schedule_kind', '"irregular"'),
		'support_kinds', p_entry -> 'service' -> 'support_kinds',
		'target_groups', coalesce(p_entry -> 'service' -> 'target_groups', '[]'),
		'languages', p_entry -> 'service' -> 'languages',
		'address', p_entry -> 'location' -> 'address',
		'lon', p_entry -> 'location' -> 'lon',
		'lat', p_entry -> 'location' -> 'lat',
		'mdrc', p_entry -> 'location' -> 'mdrc'
	);
$$;
comment on function nabij_private.import_incoming_values(jsonb) is
	'The tracked values of an entry to import (organization, first service, first location), in the shape organization_sources.imported_values keeps.';

create function nabij_private.import_current_values(p_organization_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
	select jsonb_build_object(
		'name', to_jsonb(o.name),
		'alternate_name', to_jsonb(o.alternate_name),
		'description_fr', to_jsonb(o.description_fr),
		'description_nl', to_jsonb(o.description_nl),
		'description_en', to_jsonb(o.description_en),
		'category', to_jsonb(o.category),
		'schedules', to_jsonb(s.schedules),
		'schedule_kind', to_jsonb(s.schedule_kind),
		'support_kinds', to_jsonb(s.support_kinds),
		'target_groups', to_jsonb(s.target_groups),
		'languages', to_jsonb(s.languages),
		'address', to_jsonb(l.address),
		'lon', to_jsonb(l.lon),
		'lat', to_jsonb(l.lat),
		'mdrc', to_jsonb(l.mdrc)
	)
	from public.organizations o
	left join lateral (
		select * from public.services s where s.organization_id = o.id
		order by s.created_at, s.id limit 1
	) s on true
	left join lateral (
		select * from public.locations l where l.organization_id = o.id
		order by l.created_at, l.id limit 1
	) l on true
	where o.id = p_organization_id;
$$;
comment on function nabij_private.import_current_values(uuid) is
	'The tracked values of an organization as they are now (organization, first service, first location), comparable with organization_sources.imported_values.';

create function public.import_entry(p_source jsonb, p_entry jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	external text := btrim(p_entry ->> 'external_id');
	incoming jsonb := nabij_private.import_incoming_values(p_entry);
	known record;
	org_id uuid;
	new_service uuid;
	new_location uuid;
	current_values jsonb;
	target jsonb;
	conflicts jsonb := '{}';
	org_changes jsonb := '{}';
	service_changes jsonb := '{}';
	kept text[] := '{}';
	field text;
	request_id uuid;
	outcome text;
begin
	if not nabij_private.may_import() then
		raise exception 'only moderators import entries' using errcode = '42501', hint = 'moderator_only';
	end if;
	if jsonb_typeof(p_source) <> 'object' or jsonb_typeof(p_entry) <> 'object'
		or jsonb_typeof(p_entry -> 'organization') <> 'object'
		or jsonb_typeof(p_entry -> 'service') <> 'object'
		or jsonb_typeof(p_entry -> 'location') <> 'object'
		or coalesce(jsonb_typeof(p_entry -> 'channels'), 'array') <> 'array'
		or jsonb_array_length(coalesce(p_entry -> 'channels', '[]')) > 20
		or external is null or external = '' then
		raise exception 'invalid import entry' using errcode = '22023', hint = 'invalid';
	end if;

	select os.id, os.organization_id, os.imported_values into known
	from public.organization_sources os
	where os.source_name = p_source ->> 'name' and os.external_id = external
	for update;

	if known.id is null then
		-- created_by stays null: the importing moderator does not become the entry's owner.
		insert into public.organizations (
			name, alternate_name, category, description_fr, description_nl, description_en,
			created_by, status, trust_tier, assured_date
		) values (
			p_entry -> 'organization' ->> 'name', p_entry -> 'organization' ->> 'alternate_name',
			p_entry -> 'organization' ->> 'category', p_entry -> 'organization' ->> 'description_fr',
			p_entry -> 'organization' ->> 'description_nl', p_entry -> 'organization' ->> 'description_en',
			null, 'active', 'self_declared', null
		)
		returning id into org_id;
		insert into public.services (
			organization_id, name, description_fr, description_nl, description_en, support_kinds,
			target_groups, languages, schedules, schedule_kind
		) values (
			org_id, p_entry -> 'organization' ->> 'name', p_entry -> 'organization' ->> 'description_fr',
			p_entry -> 'organization' ->> 'description_nl', p_entry -> 'organization' ->> 'description_en',
			array(select jsonb_array_elements_text(coalesce(p_entry -> 'service' -> 'support_kinds', '[]'))),
			array(select jsonb_array_elements_text(coalesce(p_entry -> 'service' -> 'target_groups', '[]'))),
			array(select jsonb_array_elements_text(coalesce(p_entry -> 'service' -> 'languages', '[]'))),
			p_entry -> 'service' ->> 'schedules',
			coalesce(p_entry -> 'service' ->> 'schedule_kind', 'irregular')
		)
		returning id into new_service;
		insert into public.locations (organization_id, name, address, location_precision, lon, lat, mdrc)
		values (
			org_id, p_entry -> 'location' ->> 'name', p_entry -> 'location' ->> 'address',
			coalesce(p_entry -> 'location' ->> 'location_precision', 'exact'),
			(p_entry -> 'location' ->> 'lon')::double precision,
			(p_entry -> 'location' ->> 'lat')::double precision,
			(p_entry -> 'location' ->> 'mdrc')::integer
		)
		returning id into new_location;
		insert into public.service_at_location (organization_id, service_id, location_id)
		values (org_id, new_service, new_location);
		-- Contacts published by an open source are public already.
		insert into public.contact_channels (organization_id, kind, value, public, sort_order)
		select org_id, c.value ->> 'kind', c.value ->> 'value', true, (c.ordinality - 1)::integer
		from jsonb_array_elements(coalesce(p_entry -> 'channels', '[]')) with ordinality as c (value, ordinality);
		insert into public.organization_sources (
			organization_id, source_name, source_url, licence, attribution, external_id,
			retrieved_on, imported_values, import_job_id
		) values (
			org_id, p_source ->> 'name', p_source ->> 'url', p_source ->> 'licence',
			p_source ->> 'attribution', external, (p_source ->> 'retrieved_on')::date, incoming,
			(p_source ->> 'job_id')::uuid
		);
		return jsonb_build_object('outcome', 'created', 'organization_id', org_id);
	end if;

	org_id := known.organization_id;
	current_values := nabij_private.import_current_values(org_id);
	target := current_values;
	for field in select jsonb_object_keys(incoming) loop
		if (incoming -> field) is distinct from (known.imported_values -> field) then
			if (current_values -> field) is not distinct from (known.imported_values -> field) then
				-- Nobody changed it here since the last import: follow the source.
				target := jsonb_set(target, array[field], coalesce(incoming -> field, 'null'));
			elsif (current_values -> field) is distinct from (incoming -> field) then
				conflicts := conflicts || jsonb_build_object(field, incoming -> field);
			end if;
		end if;
	end loop;

	if target is distinct from current_values then
		update public.organizations o
		set name = target ->> 'name', alternate_name = target ->> 'alternate_name',
			description_fr = target ->> 'description_fr', description_nl = target ->> 'description_nl',
			description_en = target ->> 'description_en', category = target ->> 'category'
		where o.id = org_id
			and (o.name, o.alternate_name, o.description_fr, o.description_nl, o.description_en, o.category)
				is distinct from (target ->> 'name', target ->> 'alternate_name', target ->> 'description_fr',
					target ->> 'description_nl', target ->> 'description_en', target ->> 'category');
		update public.services s
		set schedules = target ->> 'schedules', schedule_kind = target ->> 'schedule_kind',
			support_kinds = array(select jsonb_array_elements_text(target -> 'support_kinds')),
			target_groups = array(select jsonb_array_elements_text(target -> 'target_groups')),
			languages = array(select jsonb_array_elements_text(target -> 'languages'))
		where s.id = (
			select s2.id from public.services s2 where s2.organization_id = org_id
			order by s2.created_at, s2.id limit 1
		);
		update public.locations l
		set address = target ->> 'address', lon = (target ->> 'lon')::double precision,
			lat = (target ->> 'lat')::double precision, mdrc = (target ->> 'mdrc')::integer
		where l.id = (
			select l2.id from public.locations l2 where l2.organization_id = org_id
			order by l2.created_at, l2.id limit 1
		)
			and (l.address, l.lon, l.lat, l.mdrc) is distinct from (target ->> 'address',
				(target ->> 'lon')::double precision, (target ->> 'lat')::double precision,
				(target ->> 'mdrc')::integer);
		outcome := 'updated';
	else
		outcome := 'unchanged';
	end if;

	if conflicts <> '{}'::jsonb then
		for field in select jsonb_object_keys(conflicts) loop
			if field in ('name', 'alternate_name', 'description_fr', 'description_nl', 'description_en') then
				org_changes := org_changes || jsonb_build_object(field, conflicts -> field);
			elsif field in ('schedules', 'schedule_kind') then
				service_changes := service_changes || jsonb_build_object(field, conflicts -> field);
			else
				kept := kept || field;
			end if;
		end loop;
		insert into public.change_requests (organization_id, changes, note)
		values (
			org_id,
			(case when org_changes = '{}'::jsonb then '{}'::jsonb
				else jsonb_build_object('organization', org_changes) end)
			|| (case when service_changes = '{}'::jsonb then '{}'::jsonb
				else jsonb_build_object('service', service_changes) end),
			left(format('Re-import from %s (%s) differs from a local edit.%s', p_source ->> 'name', external,
				case when cardinality(kept) > 0
					then format(' Local values kept, source values: %s', (
						select jsonb_object_agg(k, conflicts -> k) from unnest(kept) as k
					)::text)
					else '' end), 2000)
		)
		returning id into request_id;
		outcome := 'change_request';
	end if;

	update public.organization_sources os
	set imported_values = incoming, retrieved_on = (p_source ->> 'retrieved_on')::date,
		source_url = p_source ->> 'url', licence = p_source ->> 'licence',
		attribution = p_source ->> 'attribution',
		import_job_id = coalesce((p_source ->> 'job_id')::uuid, os.import_job_id)
	where os.id = known.id;
	return jsonb_build_object('outcome', outcome, 'organization_id', org_id)
		|| case when request_id is null then '{}'::jsonb
			else jsonb_build_object('change_request_id', request_id) end;
end;
$$;
comment on function public.import_entry(jsonb, jsonb) is
	'For moderators and trusted callers: imports one entry (organization, service, location, channels) from a source, all or nothing. New external ids create a published, unconfirmed entry with its provenance; known ones follow the source where nobody edited locally, and turn a conflict with a local edit into a change request. Returns {outcome: created|updated|unchanged|change_request, organization_id}.';
revoke all on function public.import_entry(jsonb, jsonb) from public, anon;
grant execute on function public.import_entry(jsonb, jsonb) to authenticated, service_role;

create function public.create_import_job(
	p_source jsonb, p_format text, p_rows jsonb, p_report jsonb
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	job_id uuid;
begin
	if not nabij_private.may_import() then
		raise exception 'only moderators import entries' using errcode = '42501', hint = 'moderator_only';
	end if;
	if jsonb_typeof(p_source) <> 'object' or jsonb_typeof(p_rows) <> 'array'
		or jsonb_typeof(p_report) <> 'array'
		or char_length(btrim(coalesce(p_source ->> 'name', ''))) < 2
		or char_length(btrim(coalesce(p_source ->> 'licence', ''))) < 2 then
		raise exception 'invalid import job' using errcode = '22023', hint = 'invalid';
	end if;
	insert into public.import_jobs (source, format, rows, report, total)
	values (p_source, p_format, p_rows, p_report, jsonb_array_length(p_rows))
	returning id into job_id;
	return job_id;
end;
$$;
comment on function public.create_import_job(jsonb, text, jsonb, jsonb) is
	'For moderators: stores a dry run (source, format, validated rows, per-row report) as a draft import job and returns its id.';
revoke all on function public.create_import_job(jsonb, text, jsonb, jsonb) from public, anon;
grant execute on function public.create_import_job(jsonb, text, jsonb, jsonb) to authenticated, service_role;

-- Requests through the API are limited in size (1 MB on the local gateway), so a large file's
-- rows reach a draft job in several parts.
create function public.append_import_job(p_job_id uuid, p_rows jsonb, p_report jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	new_total integer;
begin
	if not nabij_private.may_import() then
		raise exception 'only moderators import entries' using errcode = '42501', hint = 'moderator_only';
	end if;
	if jsonb_typeof(p_rows) <> 'array' or jsonb_typeof(p_report) <> 'array' then
		raise exception 'invalid import job' using errcode = '22023', hint = 'invalid';
	end if;
	update public.import_jobs j
	set rows = j.rows || p_rows, report = j.report || p_report,
		total = j.total + jsonb_array_length(p_rows)
	where j.id = p_job_id and j.status = 'draft'
	returning j.total into new_total;
	if new_total is null then
		raise exception 'only a draft import job takes more rows' using errcode = '22023', hint = 'unknown_job';
	end if;
	return new_total;
end;
$$;
comment on function public.append_import_job(uuid, jsonb, jsonb) is
	'For moderators: adds validated rows and report lines to a draft import job (a large dry run arrives in parts); returns the job''s new total.';
revoke all on function public.append_import_job(uuid, jsonb, jsonb) from public, anon;
grant execute on function public.append_import_job(uuid, jsonb, jsonb) to authenticated, service_role;

create function public.start_import_job(p_job_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not nabij_private.may_import() then
		raise exception 'only moderators import entries' using errcode = '42501', hint = 'moderator_only';
	end if;
	update public.import_jobs j set status = 'running' where j.id = p_job_id and j.status = 'draft';
	if not found and not exists (
		select 1 from public.import_jobs j where j.id = p_job_id and j.status in ('running', 'done')
	) then
		raise exception 'unknown import job' using errcode = '22023', hint = 'unknown_job';
	end if;
end;
$$;
comment on function public.start_import_job(uuid) is
	'For moderators: confirms a draft import job so batches may run. Starting a running or finished job again is a no-op.';
revoke all on function public.start_import_job(uuid) from public, anon;
grant execute on function public.start_import_job(uuid) to authenticated, service_role;

create function public.run_import_batch(p_job_id uuid, p_size integer) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	job record;
	i integer;
	last integer;
	result jsonb;
	batch_outcomes jsonb := '[]';
	failures integer := 0;
	job_source jsonb;
	err_state text;
	err_message text;
	err_hint text;
	started timestamptz := clock_timestamp();
begin
	if not nabij_private.may_import() then
		raise exception 'only moderators import entries' using errcode = '42501', hint = 'moderator_only';
	end if;
	-- The row lock makes concurrent runners wait, then see the progress the first one saved.
	select j.id, j.status, j.rows, j.done, j.total, j.source into job
	from public.import_jobs j where j.id = p_job_id
	for update;
	if job.id is null then
		raise exception 'unknown import job' using errcode = '22023', hint = 'unknown_job';
	end if;
	if job.status = 'running' then
		job_source := job.source || jsonb_build_object('job_id', job.id);
		last := least(job.done + greatest(1, least(coalesce(p_size, 50), 500)), job.total);
		for i in job.done .. last - 1 loop
			begin
				result := public.import_entry(job_source, job.rows -> i);
				batch_outcomes := batch_outcomes || jsonb_build_array(jsonb_build_object('row', i) || result);
			exception when others then
				-- The subtransaction rolled back everything this row wrote.
				get stacked diagnostics err_state = returned_sqlstate, err_message = message_text,
					err_hint = pg_exception_hint;
				failures := failures + 1;
				batch_outcomes := batch_outcomes || jsonb_build_array(jsonb_build_object(
					'row', i, 'outcome', 'failed', 'code', err_state,
					'reason', nullif(err_hint, ''), 'message', left(err_message, 300)
				));
			end;
			-- A batch also ends after two seconds, well inside the API's statement timeout: each
			-- write keeps the finder's tables current, which costs more as the directory grows.
			if clock_timestamp() - started > interval '2 seconds' and i < last - 1 then
				last := i + 1;
				exit;
			end if;
		end loop;
		update public.import_jobs j
		set done = last, failed = j.failed + failures, outcomes = j.outcomes || batch_outcomes,
			status = case when last >= j.total then 'done' else j.status end
		where j.id = job.id;
	end if;
	return (
		select jsonb_build_object('status', j.status, 'done', j.done, 'total', j.total, 'failed', j.failed)
		from public.import_jobs j where j.id = p_job_id
	);
end;
$$;
comment on function public.run_import_batch(uuid, integer) is
	'For moderators: imports the next p_size rows (1-500, default 50) of a running job, or fewer when two seconds have passed, each in its own subtransaction, and saves progress and outcomes; a failed row is reported and leaves nothing behind. Returns {status, done, total, failed}. Resumable: progress lives in the job.';
revoke all on function public.run_import_batch(uuid, integer) from public, anon;
grant execute on function public.run_import_batch(uuid, integer) to authenticated, service_role;
