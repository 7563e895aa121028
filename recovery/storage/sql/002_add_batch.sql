-- Version 2: remember which rows came in together (the example recovery, an import),
-- so such a batch can be removed in one go. NULL for check-ins typed by the person.
ALTER TABLE checkins ADD COLUMN batch VARCHAR;
