-- The public overview of initiatives (§4.1.2): whether the initiator is an organisation (a person's initiative is
-- shown by village or street only, never by its site) and the initiator's own project page the overview links to.
-- Rows from before were registered as "the initiating organisation, never a person", hence the default.
ALTER TABLE housing_initiative ADD COLUMN initiator_kind TEXT NOT NULL DEFAULT 'organisation' CHECK (initiator_kind IN ('organisation', 'person'));
ALTER TABLE housing_initiative ADD COLUMN project_page TEXT;
