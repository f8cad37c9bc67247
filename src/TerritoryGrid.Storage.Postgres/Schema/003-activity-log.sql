-- TerritoryGrid's activity log: one row per account per posted batch, numbered 1, 2, 3... within the account. Any
-- silo appends; the head table hands out the numbers (its row lock orders concurrent appends to one account, and
-- each append locks its accounts in key order, so two appends cannot deadlock each other).

CREATE TABLE activity_log_head
(
    workspace     text    NOT NULL,
    generation    integer NOT NULL,
    account_id    text    NOT NULL,
    last_sequence bigint  NOT NULL,
    PRIMARY KEY (workspace, generation, account_id)
);

CREATE TABLE activity_log
(
    workspace   text        NOT NULL,
    generation  integer     NOT NULL,
    account_id  text        NOT NULL,
    sequence    bigint      NOT NULL,
    events      bytea       NOT NULL,
    appended_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace, generation, account_id, sequence)
);
