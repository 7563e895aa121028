-- The weekly questions (one row per owner, day answered and symptom item: how bothersome
-- and how often, 0-6, either may be left out), the person's own activities (up to three
-- active, renamed in place, retired rather than deleted so their ratings keep their meaning)
-- and each activity's weekly rating (0-10), tied to the activity's id, not its name.
-- ``batch`` marks the example recovery, as on checkins.
CREATE TABLE weekly_answers (
    owner VARCHAR NOT NULL,
    day DATE NOT NULL,
    item VARCHAR NOT NULL,
    bothersome TINYINT CHECK (bothersome BETWEEN 0 AND 6),
    frequency TINYINT CHECK (frequency BETWEEN 0 AND 6),
    batch VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, day, item)
);
CREATE TABLE activities (
    owner VARCHAR NOT NULL,
    activity_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    created DATE NOT NULL,
    retired DATE,
    batch VARCHAR,
    PRIMARY KEY (owner, activity_id)
);
CREATE TABLE activity_ratings (
    owner VARCHAR NOT NULL,
    activity_id INTEGER NOT NULL,
    day DATE NOT NULL,
    rating TINYINT NOT NULL CHECK (rating BETWEEN 0 AND 10),
    batch VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, activity_id, day)
);
