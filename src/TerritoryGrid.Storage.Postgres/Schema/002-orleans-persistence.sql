-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql"). One row per grain; the
-- version column is the ETag the provider uses for optimistic concurrency: a write names the version it read, and
-- stores nothing (returning that same version, which the provider reports as a conflict) when another write came first.

CREATE TABLE orleans_storage
(
    service_id                varchar(150) NOT NULL,
    grain_type_hash           integer      NOT NULL,
    grain_type_string         varchar(512) NOT NULL,
    grain_id_hash             integer      NOT NULL,
    grain_id_n0               bigint       NOT NULL,
    grain_id_n1               bigint       NOT NULL,
    grain_id_extension_string varchar(512) NULL,
    payload_binary            bytea        NULL,
    modified_on               timestamptz  NOT NULL DEFAULT now(),
    version                   integer      NOT NULL
);

-- String-keyed grains (all of TerritoryGrid's) carry their key in the extension string; NULL and '' are one key.
CREATE UNIQUE INDEX orleans_storage_grain ON orleans_storage
    (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type_string,
     coalesce(grain_id_extension_string, ''));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload_binary AS PayloadBinary, now() AS ReadOn, version AS Version
    FROM orleans_storage
    WHERE service_id = @ServiceId::varchar AND grain_type_hash = @GrainTypeHash::integer
      AND grain_id_hash = @GrainIdHash::integer AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::varchar
      AND coalesce(grain_id_extension_string, '''') = coalesce(@GrainIdExtensionString::varchar, '''')'),

('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleans_storage
        SET payload_binary = @PayloadBinary::bytea, modified_on = now(), version = version + 1
        WHERE @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
          AND service_id = @ServiceId::varchar AND grain_type_hash = @GrainTypeHash::integer
          AND grain_id_hash = @GrainIdHash::integer AND grain_id_n0 = @GrainIdN0::bigint
          AND grain_id_n1 = @GrainIdN1::bigint AND grain_type_string = @GrainTypeString::varchar
          AND coalesce(grain_id_extension_string, '''') = coalesce(@GrainIdExtensionString::varchar, '''')
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_storage (service_id, grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0,
                                     grain_id_n1, grain_id_extension_string, payload_binary, version)
        SELECT @ServiceId::varchar, @GrainTypeHash::integer, @GrainTypeString::varchar, @GrainIdHash::integer,
               @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainIdExtensionString::varchar, @PayloadBinary::bytea, 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer)
        AS NewGrainStateVersion'),

('ClearStorageKey', '
    UPDATE orleans_storage SET payload_binary = NULL, modified_on = now(), version = version + 1
    WHERE version = @GrainStateVersion::integer
      AND service_id = @ServiceId::varchar AND grain_type_hash = @GrainTypeHash::integer
      AND grain_id_hash = @GrainIdHash::integer AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::varchar
      AND coalesce(grain_id_extension_string, '''') = coalesce(@GrainIdExtensionString::varchar, '''')
    RETURNING version AS NewGrainStateVersion'),

('DeleteStorageKey', '
    DELETE FROM orleans_storage
    WHERE version = @GrainStateVersion::integer
      AND service_id = @ServiceId::varchar AND grain_type_hash = @GrainTypeHash::integer
      AND grain_id_hash = @GrainIdHash::integer AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::varchar
      AND coalesce(grain_id_extension_string, '''') = coalesce(@GrainIdExtensionString::varchar, '''')
    RETURNING version + 1 AS NewGrainStateVersion');
