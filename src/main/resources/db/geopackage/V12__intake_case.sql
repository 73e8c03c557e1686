-- The intake table's case per housing initiative; see db/postgis/V10 for the meaning of the columns.
CREATE TABLE intake_case (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL UNIQUE REFERENCES housing_initiative (id),
    case_owner TEXT NOT NULL,
    meeting_on DATE,
    outcome TEXT CHECK (outcome IN ('to_procedure', 'adjust', 'stop')),
    procedure TEXT CHECK (procedure IN ('regular', 'extended')),
    disciplines TEXT NOT NULL,
    advice TEXT NOT NULL,
    documents TEXT NOT NULL,
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('intake_case', 'attributes', 'intake_case', 'the intake table: meeting, advice and documents per initiative');
