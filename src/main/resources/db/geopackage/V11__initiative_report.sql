-- The reports for the file made of an initiative's steps (issue 13): the SHA-256 of each PDF with its step, language,
-- time and planner, so a later report of the same step can be compared with the one in the file. Rows are only added.
CREATE TABLE initiative_report (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES housing_initiative (id),
    step INTEGER NOT NULL CHECK (step >= 0),
    lang TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX initiative_report_initiative ON initiative_report (initiative_id, step);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('initiative_report', 'attributes', 'initiative_report', 'SHA-256 of each PDF report made of an initiative step');
