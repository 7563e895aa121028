-- Version 9: the medicines a person lists once (name and dose as they typed them, regular
-- or as needed), and which were taken on a day: one row per owner, day and medicine, with
-- ``taken`` false when the day's row was answered and the box left empty (so "not taken"
-- differs from "not asked"). A medicine no longer taken is retired, never deleted, so
-- the days it was taken keep their name.
CREATE TABLE medicines (
    owner VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    dose VARCHAR,
    kind VARCHAR NOT NULL,
    retired BOOLEAN NOT NULL DEFAULT false,
    batch VARCHAR,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, id)
);
CREATE TABLE medicine_doses (
    owner VARCHAR NOT NULL,
    day DATE NOT NULL,
    medicine_id VARCHAR NOT NULL,
    taken BOOLEAN NOT NULL,
    batch VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, day, medicine_id)
);
