-- Version 8: flare-ups logged when they happen, any number a day. ``started_at`` is the
-- visitor's local time (no zone), ``day`` its date, kept so days are read without casts.
-- ``trigger`` and ``helped`` hold codes from recovery/signs/flares.py (``helped`` several,
-- separated by ";"). A medicine taken for the flare-up refers to the owner's medicines list.
CREATE TABLE flare_ups (
    owner VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    day DATE NOT NULL,
    severity INTEGER NOT NULL,
    minutes INTEGER,
    trigger VARCHAR NOT NULL,
    helped VARCHAR,
    helped_other VARCHAR,
    note VARCHAR,
    medicine_id VARCHAR,
    medicine_at TIMESTAMP,
    batch VARCHAR,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, id)
);
