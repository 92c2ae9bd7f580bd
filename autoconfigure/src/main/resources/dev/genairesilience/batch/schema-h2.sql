-- The off-peak queue on H2: the job table, and db-scheduler's table under its own name, so that an
-- application's own db-scheduler tasks never meet ours. Safe to run on every start.
create table if not exists genai_image_jobs (
    id varchar(64) not null primary key,
    state varchar(16) not null,
    chain_name varchar(200) not null,
    prompt character varying not null,
    resolution varchar(8),
    aspect_ratio varchar(32),
    deadline_ms bigint,
    windows_tried int not null,
    failure_reason varchar(2000),
    image_ref varchar(1000),
    estimated_completion timestamp with time zone not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index if not exists genai_image_jobs_state_idx on genai_image_jobs (state);
-- the job an asynchronous provider accepted for a running job, so that a run after a crash fetches it instead of
-- generating again; added to tables created before there was one
alter table genai_image_jobs add column if not exists provider_job_lane varchar(200);
alter table genai_image_jobs add column if not exists provider_job_resolution varchar(8);
alter table genai_image_jobs add column if not exists provider_job_id varchar(200);
alter table genai_image_jobs add column if not exists provider_job_handle varchar(4000);

create table if not exists genai_scheduled_tasks (
    task_name varchar(100) not null,
    task_instance varchar(100) not null,
    task_data blob,
    execution_time timestamp with time zone not null,
    picked boolean not null,
    picked_by varchar(50),
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures int,
    last_heartbeat timestamp with time zone,
    version bigint not null,
    priority smallint,
    primary key (task_name, task_instance)
);
create index if not exists genai_scheduled_tasks_execution_time_idx on genai_scheduled_tasks (execution_time);
create index if not exists genai_scheduled_tasks_last_heartbeat_idx on genai_scheduled_tasks (last_heartbeat);
