-- Journals whose link was given up: deleted by their owner, or moved to a new link. Such a
-- link says "not found" from then on, while a link this server issued that has simply no
-- check-in yet opens as a new, empty journal. Only the owner id is kept, nothing else.
CREATE TABLE revoked_owners (
    owner VARCHAR PRIMARY KEY,
    revoked_at TIMESTAMP NOT NULL
);
