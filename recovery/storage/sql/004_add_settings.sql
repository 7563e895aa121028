-- Version 4: small per-journal choices kept between visits (the weekly exercise aim),
-- one row per owner and setting name; values are text, read back by their owner.
CREATE TABLE settings (
    owner VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (owner, name)
);
