-- Version 3: activity and exercises may be "not recorded" (NULL), as in a spreadsheet that
-- holds only the date and the sign measures. Analyses treat NULL as unknown, never as
-- "rest" or "no".
ALTER TABLE checkins ALTER COLUMN activity DROP NOT NULL;
ALTER TABLE checkins ALTER COLUMN exercises_done DROP NOT NULL;
