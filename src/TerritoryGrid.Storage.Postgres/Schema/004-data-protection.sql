-- ASP.NET Core Data Protection keys, shared by every front end so that anything one of them protects (cookies,
-- antiforgery and session tokens) the others can read.

CREATE TABLE data_protection_keys
(
    friendly_name text        NOT NULL PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
