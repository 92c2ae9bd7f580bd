-- The state several instances share (genai.shared-state.store=jdbc), one script for PostgreSQL and H2. Times are
-- microseconds on the database's own clock, so that instances whose clocks disagree still agree on when a hold ends.
-- Safe to run on every start.
create table if not exists genai_shared_holds (
    name varchar(300) not null primary key,
    held_until_us bigint not null
);
create table if not exists genai_shared_paces (
    name varchar(300) not null primary key,
    next_us bigint not null
);
create table if not exists genai_shared_places (
    name varchar(300) not null,
    slot int not null,
    holder varchar(300),
    lease_until_us bigint not null,
    primary key (name, slot)
);
