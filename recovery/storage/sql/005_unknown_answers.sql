-- An answer nobody gave is unknown (NULL), never a value:
-- * a red flag can be saved on its own, the day's other questions left unanswered;
-- * a red-flag question that was never asked (an import from a file without that column)
--   is "not asked", never "no".
-- The owner index depends on the table and DuckDB refuses to alter a table with one, so it
-- goes first; opening the journal puts it back (storage/connection.py).
DROP INDEX IF EXISTS checkins_owner;
ALTER TABLE checkins ALTER COLUMN leg_pain DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN back_pain DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN pain_episodes DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN bending DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN walk_minutes DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN numbness DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN leg_strength DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN sleep_quality DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN night_wakings DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_bladder_bowel DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_bladder_bowel DROP DEFAULT;
ALTER TABLE checkins ALTER COLUMN rf_saddle_numbness DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_saddle_numbness DROP DEFAULT;
ALTER TABLE checkins ALTER COLUMN rf_both_legs DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_both_legs DROP DEFAULT;
ALTER TABLE checkins ALTER COLUMN rf_worsening_weakness DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_worsening_weakness DROP DEFAULT;
ALTER TABLE checkins ALTER COLUMN rf_sexual_dysfunction DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_sexual_dysfunction DROP DEFAULT;
ALTER TABLE checkins ALTER COLUMN rf_fever_or_injury DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN rf_fever_or_injury DROP DEFAULT;
-- Imports before this version stored a missing red-flag column as "not ticked". The batch
-- does not record which columns the file had, so the rule is: an import batch in which no
-- day has any red flag ticked is taken as never asked, and its red-flag answers become
-- unknown. A file that did ask and was "no" on every day loses those "no"s too: the app
-- then claims less than it knows, never more.
UPDATE checkins SET
    rf_bladder_bowel = NULL, rf_saddle_numbness = NULL, rf_both_legs = NULL,
    rf_worsening_weakness = NULL, rf_sexual_dysfunction = NULL, rf_fever_or_injury = NULL
WHERE starts_with(batch, 'import ')
  AND (owner, batch) IN (
    SELECT owner, batch FROM checkins
    WHERE starts_with(batch, 'import ')
    GROUP BY owner, batch
    HAVING NOT bool_or(rf_bladder_bowel OR rf_saddle_numbness OR rf_both_legs
        OR rf_worsening_weakness OR rf_sexual_dysfunction OR rf_fever_or_injury)
  );
