-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql").
-- The provider reads its queries by name from OrleansQuery, passes parameters by name (@DeploymentId, ...) and reads
-- result columns by name (case-insensitively), so tables here use snake_case and results are aliased.
-- Every write that changes membership also bumps the deployment's version row in the same statement: the provider
-- uses that version for optimistic concurrency between silos. A statement that fails changes nothing (it is one
-- statement, so PostgreSQL rolls all of it back) and the provider retries.

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150)   NOT NULL PRIMARY KEY,
    "timestamp"   timestamptz(3) NOT NULL DEFAULT now(),
    version       integer        NOT NULL DEFAULT 0
);

CREATE TABLE orleans_membership
(
    deployment_id   varchar(150)   NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address         varchar(45)    NOT NULL,
    port            integer        NOT NULL,
    generation      integer        NOT NULL,
    silo_name       varchar(150)   NOT NULL,
    host_name       varchar(150)   NOT NULL,
    status          integer        NOT NULL,
    proxy_port      integer        NULL,
    suspect_times   varchar(8000)  NULL,
    start_time      timestamptz(3) NOT NULL,
    i_am_alive_time timestamptz(3) NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId::varchar)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created'),

-- The version moves only when the silo row is new, and the row is written only when the version moved.
('InsertMembershipKey', '
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, "timestamp" = now()
        WHERE deployment_id = @DeploymentId::varchar AND version = @Version::integer
          AND NOT EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
                AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING 1),
    inserted AS (
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                        proxy_port, start_time, i_am_alive_time)
        SELECT @DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer, @SiloName::varchar,
               @HostName::varchar, @Status::integer, @ProxyPort::integer, @StartTime::timestamptz,
               @IAmAliveTime::timestamptz
        WHERE EXISTS (SELECT 1 FROM bumped)
        RETURNING 1)
    SELECT count(*)::integer FROM inserted'),

('UpdateMembershipKey', '
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, "timestamp" = now()
        WHERE deployment_id = @DeploymentId::varchar AND version = @Version::integer
          AND EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
                AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING 1),
    updated AS (
        UPDATE orleans_membership
        SET status = @Status::integer, suspect_times = @SuspectTimes::varchar, i_am_alive_time = @IAmAliveTime::timestamptz
        WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
          AND port = @Port::integer AND generation = @Generation::integer
          AND EXISTS (SELECT 1 FROM bumped)
        RETURNING 1)
    SELECT count(*)::integer FROM updated'),

-- Heartbeats do not take part in the version protocol (the provider ignores this query''s result).
('UpdateIAmAlivetimeKey', '
    UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime::timestamptz
    WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
      AND port = @Port::integer AND generation = @Generation::integer'),

-- The version row is returned even when the silo has no row yet (outer join).
('MembershipReadRowKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
        ON m.deployment_id = v.deployment_id AND m.address = @Address::varchar
       AND m.port = @Port::integer AND m.generation = @Generation::integer
    WHERE v.deployment_id = @DeploymentId::varchar'),

('MembershipReadAllKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId::varchar'),

('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId::varchar;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::varchar'),

('GatewaysQueryKey', '
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId::varchar AND status = @Status::integer AND proxy_port > 0'),

-- Rows of silos that stopped heart-beating before the cut-off, except rows still marked Active (status 3 in Orleans'
-- SiloStatus): those must first be voted dead by the membership protocol.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId::varchar AND i_am_alive_time < @IAmAliveTime::timestamptz AND status <> 3');
